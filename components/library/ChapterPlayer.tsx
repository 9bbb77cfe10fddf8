// The library's player for chapters: one chapter from its start to its end, or a topic playlist that moves
// on at each chapter's end (current shown, back/skip). The rules are the panel's queue's (chapter-queue.ts).
import { useEffect, useRef, useState } from 'preact/hooks';
import { formatTimestamp } from '@/utils/parse/time';
import { moveTo, playAlone } from '@/utils/player';
import {
  clockStep,
  queueLabel,
  skipBack,
  skipForward,
  startQueue,
  type QueueItem,
  type QueueState,
} from '@/utils/topics/chapter-queue';
import { chapterKeyOf } from '@/utils/library/chapter-playlist';

export interface ChapterPlayerProps {
  /** What is played: one chapter, or every chapter of the view in order. */
  items: readonly QueueItem[];
  state: QueueState;
  /** A new `seq` starts the item again even when it is the same one. */
  seq: number;
  onState(state: QueueState): void;
  onError(message: string): void;
  onClose(): void;
}

/**
 * @example
 * <ChapterPlayer items={queueOf(matches)} state={startQueue(items)} seq={1} onState={set} onError={warn} onClose={stop} />
 */
export function ChapterPlayer({ items, state, seq, onState, onError, onClose }: ChapterPlayerProps) {
  const audio = useRef<HTMLAudioElement>(null);
  // Whether the clock has been inside the current chapter since it started (see clockStep).
  const armed = useRef(false);
  const [now, setNow] = useState(0);
  const [playing, setPlaying] = useState(false);
  const item = items[state.index];
  const key = item ? chapterKeyOf(item) : null;
  // Past the last chapter the audio stays (paused where the chapter ended), so Play can start the list again.
  const lastSrc = useRef<string | null>(null);
  const src = item?.audioUrl ?? lastSrc.current;
  lastSrc.current = src;

  useEffect(() => {
    const element = audio.current;
    armed.current = false;
    if (!element || !item) return;
    moveTo(element, item.start);
    setNow(item.start);
    playAlone(element, "The chapter's", onError);
  }, [key, seq]);

  const report = () => {
    const element = audio.current;
    if (!element) return;
    setPlaying(!element.paused);
    if (!item) return;
    setNow(element.currentTime);
    const clock = clockStep(item, armed.current, element.currentTime);
    armed.current = clock.armed;
    if (clock.over && !element.paused) {
      const next = skipForward(items, state);
      if (next.index < 0) element.pause();
      onState(next);
    }
  };
  const toggle = () => {
    const element = audio.current;
    if (!element) return;
    if (!item) return onState(startQueue(items));
    if (!element.paused) return element.pause();
    // Played through: again from the chapter's start.
    if ((item.end !== null && element.currentTime >= item.end) || element.currentTime < item.start - 1) {
      armed.current = false;
      moveTo(element, item.start);
    }
    playAlone(element, "The chapter's", onError);
  };
  const into = item ? Math.max(0, Math.floor(now - item.start)) : 0;
  const length = item?.end != null ? Math.round(item.end - item.start) : null;

  return (
    <div
      class="chapter-player"
      role="group"
      aria-label="Chapter player"
      data-stackcast-library-player=""
      data-stackcast-playing-key={key ?? ''}
    >
      {src && (
        <audio
          ref={audio}
          src={src}
          preload="auto"
          onTimeUpdate={report}
          onPlay={report}
          onPause={report}
          onSeeked={report}
          onError={() => onError(`The chapter's audio could not be loaded.`)}
        />
      )}
      {items.length > 1 && (
        <button type="button" onClick={() => onState(skipBack(items, state))} aria-label="Previous chapter">
          ⏮
        </button>
      )}
      <button
        type="button"
        onClick={toggle}
        disabled={!item && items.length === 0}
        aria-label={playing ? 'Pause' : 'Play'}
        aria-pressed={playing}
      >
        {playing ? '❚❚' : '▶'}
      </button>
      {items.length > 1 && (
        <button
          type="button"
          onClick={() => onState(skipForward(items, state))}
          disabled={state.index < 0}
          aria-label="Next chapter"
        >
          ⏭
        </button>
      )}
      <span class="now-playing" aria-live="polite" data-stackcast-now-playing="">
        {items.length > 1 || !item ? queueLabel(items, state) : `${item.chapterTitle} — ${item.episodeTitle}`}
        {state.notice && <span class="notice">{` ${state.notice}`}</span>}
      </span>
      {item && (
        <span class="clock" aria-live="off">
          {formatTimestamp(into)}
          {length !== null ? ` / ${formatTimestamp(length)}` : ''}
        </span>
      )}
      <button
        type="button"
        onClick={() => {
          audio.current?.pause();
          onClose();
        }}
        aria-label="Close player"
      >
        ✕
      </button>
    </div>
  );
}

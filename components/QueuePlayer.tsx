// "Play these chapters": the mini player working through a queue of chapters, each from its start to the next
// chapter's start, episode after episode, showing which one plays, with back and skip.
import { useEffect, useRef, useState } from 'preact/hooks';
import {
  clockStep,
  queueLabel,
  skipBack,
  skipForward,
  startQueue,
  type QueueItem,
  type QueueState,
} from '@/utils/topics/chapter-queue';
import { MiniPlayer } from './MiniPlayer';
import { clip } from './panel-limits';
import { trusted } from './trusted';

export interface QueuePlayerProps {
  items: readonly QueueItem[];
  /** The technology the queue is about, for its accessible name. */
  topic: string;
  onClose(): void;
}

/**
 * The queue's player: `data-stackcast-queue` with its label (`data-stackcast-queue-label`), back and skip.
 * @example
 * <QueuePlayer items={buildQueue(episodes, 'postgres')} topic="PostgreSQL" onClose={stop} />
 */
export function QueuePlayer({ items, topic, onClose }: QueuePlayerProps) {
  // `moves` re-seeks even when the item stays the same (back on the first item replays it).
  const [{ queue, moves }, setPlayback] = useState(() => ({ queue: startQueue(items), moves: 1 }));
  const [error, setError] = useState<string | null>(null);
  // Whether the playhead has been inside the current chapter since the last move (see clockStep).
  const armed = useRef(false);
  useEffect(() => {
    armed.current = false;
  }, [moves]);

  const move = (rule: (items: readonly QueueItem[], state: QueueState) => QueueState, from?: number) => {
    setError(null);
    setPlayback((current) =>
      from !== undefined && current.queue.index !== from
        ? current // the clock and the audio's end may both report one chapter's end: move once
        : { queue: rule(items, current.queue), moves: current.moves + 1 },
    );
  };
  const item = items[queue.index];
  const onClock = (seconds: number) => {
    if (!item) return;
    const step = clockStep(item, armed.current, seconds);
    armed.current = step.armed;
    if (step.over) move(skipForward, queue.index);
  };

  const label = clip(queueLabel(items, queue), 300);
  return (
    <div class="queue" role="region" aria-label={`Stackcast: ${topic} chapters`} data-stackcast-queue="">
      <p class="queue-label" data-stackcast-queue-label="" aria-live="polite" dir="auto">
        {label}
      </p>
      {(error ?? queue.notice) && (
        <p class="message" role="alert">
          {clip(error ?? queue.notice ?? '', 400)}
        </p>
      )}
      <div class="nav" role="group" aria-label="Queue">
        <button
          type="button"
          data-stackcast-queue-back=""
          onClick={trusted(() => move(skipBack))}
          aria-label="Previous chapter in the queue"
        >
          ◀◀ Back
        </button>
        <button
          type="button"
          data-stackcast-queue-skip=""
          disabled={queue.index < 0}
          onClick={trusted(() => move(skipForward))}
          aria-label="Next chapter in the queue"
        >
          Skip ▶▶
        </button>
        <button type="button" onClick={trusted(onClose)} aria-label="Stop the queue">
          ✕ Stop
        </button>
      </div>
      {item?.audioUrl && (
        <MiniPlayer
          src={item.audioUrl}
          request={{ start: item.start, seq: moves }}
          playOnClick
          onClock={onClock}
          onError={setError}
          onEnded={() => move(skipForward, queue.index)}
          onClose={onClose}
        />
      )}
    </div>
  );
}

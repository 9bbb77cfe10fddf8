// Stackcast's own small player, for pages that have the episode's audio URL but no player to drive.
import { useEffect, useRef, useState } from 'preact/hooks';
import { formatTimestamp } from '@/utils/parse/time';
import { mediaErrorText, moveTo, playAlone } from '@/utils/player';
import { trusted } from './trusted';

const SPEEDS = [1, 1.25, 1.5, 1.75, 2, 0.75];

export interface MiniPlayerProps {
  src: string;
  /** Where to start; a new `seq` re-seeks even to the same time. */
  request: { start: number; seq: number };
  playOnClick: boolean;
  /** Current time and whether it is playing, for the chapter highlight. */
  onClock(seconds: number, playing: boolean): void;
  onError(message: string): void;
  onClose(): void;
  /** The audio played to its end (a queue moves on). */
  onEnded?(): void;
}

/**
 * `<audio data-stackcast-player>` with play/pause, time, speed, ±30 s and close.
 * @example
 * <MiniPlayer src={episode.audioUrl} request={{ start: 105, seq: 1 }} playOnClick ... />
 */
export function MiniPlayer({
  src,
  request,
  playOnClick,
  onClock,
  onError,
  onClose,
  onEnded,
}: MiniPlayerProps) {
  const audio = useRef<HTMLAudioElement>(null);
  const [now, setNow] = useState(request.start);
  const [duration, setDuration] = useState<number | null>(null);
  const [playing, setPlaying] = useState(false);
  const [speed, setSpeed] = useState(1);

  useEffect(() => {
    const element = audio.current;
    if (!element) return;
    moveTo(element, request.start);
    setNow(request.start);
    if (playOnClick) playAlone(element, "The episode's", onError);
  }, [request.seq]);

  const report = () => {
    const element = audio.current;
    if (!element) return;
    setNow(element.currentTime);
    setPlaying(!element.paused);
    onClock(element.currentTime, !element.paused);
  };
  const skip = (delta: number) => {
    const element = audio.current;
    if (!element) return;
    element.currentTime = Math.max(0, Math.min(element.currentTime + delta, element.duration || Infinity));
    report();
  };
  const toggle = () => {
    const element = audio.current;
    if (!element) return;
    if (element.paused) playAlone(element, "The episode's", onError);
    else element.pause();
  };
  const nextSpeed = () => {
    const value = SPEEDS[(SPEEDS.indexOf(speed) + 1) % SPEEDS.length]!;
    setSpeed(value);
    if (audio.current) audio.current.playbackRate = value;
  };

  return (
    <div class="player" role="group" aria-label="Stackcast player">
      <audio
        ref={audio}
        data-stackcast-player=""
        src={src}
        preload="auto"
        onTimeUpdate={report}
        onPlay={report}
        onPause={report}
        onSeeked={report}
        onEnded={() => onEnded?.()}
        onLoadedMetadata={() =>
          setDuration(Number.isFinite(audio.current?.duration) ? audio.current!.duration : null)
        }
        onError={() =>
          onError(
            `The episode's audio could not be loaded (${audio.current?.error ? mediaErrorText(audio.current.error) : 'unknown error'}).`,
          )
        }
      />
      <button type="button" onClick={trusted(() => skip(-30))} aria-label="Back 30 seconds">
        −30
      </button>
      <button
        type="button"
        onClick={trusted(toggle)}
        aria-label={playing ? 'Pause' : 'Play'}
        aria-pressed={playing}
      >
        {playing ? '❚❚' : '▶'}
      </button>
      <button type="button" onClick={trusted(() => skip(30))} aria-label="Forward 30 seconds">
        +30
      </button>
      <span class="clock" aria-live="off">
        {formatTimestamp(Math.floor(now))}
        {duration !== null ? ` / ${formatTimestamp(Math.floor(duration))}` : ''}
      </span>
      <button type="button" onClick={trusted(nextSpeed)} aria-label={`Playback speed ${speed}×, change`}>
        {speed}×
      </button>
      <button
        type="button"
        onClick={trusted(() => {
          audio.current?.pause();
          onClose();
        })}
        aria-label="Close player"
      >
        ✕
      </button>
    </div>
  );
}

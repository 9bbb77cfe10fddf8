// Clock formats the chapter exports need: WebVTT cue times, Podlove normal play time and human labels.

function parts(seconds: number): { hours: number; minutes: number; secs: number; millis: number } {
  const totalMillis = Math.max(0, Math.round(seconds * 1000));
  const millis = totalMillis % 1000;
  const totalSeconds = Math.floor(totalMillis / 1000);
  return {
    hours: Math.floor(totalSeconds / 3600),
    minutes: Math.floor(totalSeconds / 60) % 60,
    secs: totalSeconds % 60,
    millis,
  };
}

const two = (value: number) => String(value).padStart(2, '0');

/**
 * WebVTT timestamp: hours always written (two or more digits), milliseconds always.
 * @example vttTime(105) // '00:01:45.000'
 */
export function vttTime(seconds: number): string {
  const { hours, minutes, secs, millis } = parts(seconds);
  return `${two(hours)}:${two(minutes)}:${two(secs)}.${String(millis).padStart(3, '0')}`;
}

/**
 * Podlove Simple Chapters normal play time `HH:MM:SS`, with `.mmm` only when there are milliseconds.
 * @example nptTime(105) // '00:01:45'
 * @example nptTime(3.5) // '00:00:03.500'
 */
export function nptTime(seconds: number): string {
  const { hours, minutes, secs, millis } = parts(seconds);
  const base = `${two(hours)}:${two(minutes)}:${two(secs)}`;
  return millis === 0 ? base : `${base}.${String(millis).padStart(3, '0')}`;
}

/**
 * A label as show notes write it: `m:ss` below an hour, `h:mm:ss` above.
 * @example clockLabel(105) // '1:45'
 * @example clockLabel(3690) // '1:01:30'
 */
export function clockLabel(seconds: number): string {
  const { hours, minutes, secs } = parts(Math.floor(seconds));
  return hours > 0 ? `${hours}:${two(minutes)}:${two(secs)}` : `${minutes}:${two(secs)}`;
}

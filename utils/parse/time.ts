// Times to and from seconds: as people write them in show notes ("1:45", "1:02:03", "[12:30]"), as sites put
// them in addresses, and as the chapter formats need them (WebVTT cue times, Podlove normal play time).
// The one place a time is written, so a chapter reads the same in the panel, the library and every export.

/**
 * The longest time anything in an episode can be, in seconds (about 11.5 days): the model's limit on every
 * start, end and duration. A time read from a page beyond it is no time at all.
 */
export const MAX_EPISODE_SECONDS = 1_000_000;

/** Largest minute count accepted in the two-part `m:ss` form (some long shows write `125:30`). */
const MAX_MINUTES = 999;
/** Largest hour count accepted in the three-part `h:mm:ss` form. */
const MAX_HOURS = 99;

/** Characters that may wrap a timestamp: `[12:30]`, `(0:00)`, `{1:45}`. */
const WRAPPERS: Readonly<Record<string, string>> = { '[': ']', '(': ')', '{': '}', '<': '>' };

function isDigits(part: string): boolean {
  if (part.length === 0) return false;
  for (let i = 0; i < part.length; i++) {
    const c = part.charCodeAt(i);
    if (c < 48 || c > 57) return false;
  }
  return true;
}

/**
 * Reads one timestamp: `m:ss`, `mm:ss`, `h:mm:ss` or `hh:mm:ss`, optionally wrapped in brackets or
 * parentheses. Minutes and seconds after the first part must be two digits below 60, so `1:75`,
 * `16:9` and `1:2:3` are not timestamps.
 *
 * @example
 * parseTimestamp('1:45');     // 105
 * parseTimestamp('[1:02:03]'); // 3723
 * parseTimestamp('1:75');     // null
 */
export function parseTimestamp(text: string): number | null {
  let value = text.trim();
  const close = WRAPPERS[value.charAt(0)];
  if (close !== undefined) {
    if (!value.endsWith(close)) return null;
    value = value.slice(1, -1).trim();
  }
  if (value.length === 0 || value.length > 12) return null;
  const parts = value.split(':');
  if (parts.length < 2 || parts.length > 3) return null;
  if (!parts.every(isDigits)) return null;
  const numbers = parts.map(Number);
  for (let i = 1; i < parts.length; i++) {
    if (parts[i]!.length !== 2 || numbers[i]! >= 60) return null;
  }
  if (parts.length === 2) {
    const [minutes, seconds] = numbers as [number, number];
    if (parts[0]!.length > 3 || minutes > MAX_MINUTES) return null;
    return minutes * 60 + seconds;
  }
  const [hours, minutes, seconds] = numbers as [number, number, number];
  if (parts[0]!.length > 2 || hours > MAX_HOURS) return null;
  return hours * 3600 + minutes * 60 + seconds;
}

/**
 * Writes seconds the way show notes do: `m:ss` under an hour, `h:mm:ss` from an hour on. Used for every
 * human-facing time (panel, library, Markdown) and for sites' time links (`#1:45`, Overcast's `/1:45`).
 * Fractions are dropped; negative or non-finite input is written as `0:00`.
 *
 * @example
 * formatTimestamp(105);  // '1:45'
 * formatTimestamp(3723); // '1:02:03'
 */
export function formatTimestamp(seconds: number): string {
  const total = Number.isFinite(seconds) && seconds > 0 ? Math.floor(seconds) : 0;
  const hours = Math.floor(total / 3600);
  const minutes = Math.floor((total % 3600) / 60);
  const secs = total % 60;
  const ss = String(secs).padStart(2, '0');
  if (hours > 0) return `${hours}:${String(minutes).padStart(2, '0')}:${ss}`;
  return `${minutes}:${ss}`;
}

/** Hours, minutes, seconds and milliseconds of a time, rounded to the millisecond; negative counts as 0. */
function clockParts(seconds: number): { hours: number; minutes: number; secs: number; millis: number } {
  const totalMillis = Math.max(0, Math.round(seconds * 1000));
  const totalSeconds = Math.floor(totalMillis / 1000);
  return {
    hours: Math.floor(totalSeconds / 3600),
    minutes: Math.floor(totalSeconds / 60) % 60,
    secs: totalSeconds % 60,
    millis: totalMillis % 1000,
  };
}

const two = (value: number) => String(value).padStart(2, '0');

/**
 * WebVTT cue time: hours always written (two or more digits), milliseconds always.
 * @example vttTime(105) // '00:01:45.000'
 */
export function vttTime(seconds: number): string {
  const { hours, minutes, secs, millis } = clockParts(seconds);
  return `${two(hours)}:${two(minutes)}:${two(secs)}.${String(millis).padStart(3, '0')}`;
}

/**
 * Podlove Simple Chapters normal play time `HH:MM:SS`, with `.mmm` only when there are milliseconds.
 * @example nptTime(105) // '00:01:45'
 * @example nptTime(3.5) // '00:00:03.500'
 */
export function nptTime(seconds: number): string {
  const { hours, minutes, secs, millis } = clockParts(seconds);
  const base = `${two(hours)}:${two(minutes)}:${two(secs)}`;
  return millis === 0 ? base : `${base}.${String(millis).padStart(3, '0')}`;
}

// Writing seconds the way sites put times in URLs.

/**
 * `m:ss` or `h:mm:ss`, as runninginproduction.com's `#1:45` anchors and Overcast's share links write times.
 * @example formatClock(3862) // '1:04:22'
 */
export function formatClock(seconds: number): string {
  const whole = Math.max(0, Math.floor(seconds));
  const h = Math.floor(whole / 3_600);
  const m = Math.floor((whole % 3_600) / 60);
  const s = String(whole % 60).padStart(2, '0');
  return h > 0 ? `${h}:${String(m).padStart(2, '0')}:${s}` : `${m}:${s}`;
}

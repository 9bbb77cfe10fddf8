// When to scan again: soon after navigation, and after DOM mutations settle, never more often than the
// last scan's cost allows (so a page that mutates forever costs the overlay about 1 % of a core).
import { RESCAN_COST_FACTOR, RESCAN_DEBOUNCE_MS, RESCAN_MAX_WAIT_MS, RESCAN_MIN_INTERVAL_MS } from './limits';

export interface Clock {
  now(): number;
  setTimeout(callback: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

export type RescanReason = 'navigation' | 'mutation';

export interface RescanScheduler {
  request(reason: RescanReason): void;
  /** Whether a scan is already due (mutation callbacks use it to return at once). */
  readonly pending: boolean;
  cancel(): void;
}

/**
 * Debounce scan requests: navigation waits `navigationDelay`, mutations wait for a quiet
 * `debounce` (at most `maxWait`), and consecutive scans are spaced by max(minInterval, cost × factor).
 * `run` returns how long the scan took, in milliseconds.
 * @example
 * const rescans = createRescanScheduler(() => overlay.scan().milliseconds, realClock);
 * rescans.request('mutation');
 */
export function createRescanScheduler(
  run: () => number,
  clock: Clock,
  limits = {
    debounce: RESCAN_DEBOUNCE_MS,
    maxWait: RESCAN_MAX_WAIT_MS,
    minInterval: RESCAN_MIN_INTERVAL_MS,
    costFactor: RESCAN_COST_FACTOR,
    navigationDelay: 60,
  },
): RescanScheduler {
  let timer: unknown = null;
  let firstRequest = 0;
  let lastScanEnd = -Infinity;
  let spacing = 0;
  let due = Infinity;

  const fire = () => {
    timer = null;
    due = Infinity;
    const cost = run();
    lastScanEnd = clock.now();
    spacing = Math.max(limits.minInterval, cost * limits.costFactor);
  };
  const schedule = (at: number) => {
    if (timer !== null && at >= due) return;
    if (timer !== null) clock.clearTimeout(timer);
    due = at;
    timer = clock.setTimeout(fire, Math.max(0, at - clock.now()));
  };

  return {
    get pending() {
      return timer !== null;
    },
    request(reason) {
      const now = clock.now();
      if (reason === 'navigation') {
        // A new URL deserves a prompt scan, but a burst of history changes still coalesces.
        if (timer !== null) clock.clearTimeout(timer);
        timer = null;
        due = Infinity;
        schedule(now + limits.navigationDelay);
        return;
      }
      if (timer === null) firstRequest = now;
      const quiet = now + limits.debounce;
      const latest = firstRequest + limits.maxWait;
      const earliest = lastScanEnd + spacing;
      const at = Math.max(Math.min(quiet, latest), earliest);
      if (timer !== null) clock.clearTimeout(timer);
      timer = null;
      due = Infinity;
      schedule(at);
    },
    cancel() {
      if (timer !== null) clock.clearTimeout(timer);
      timer = null;
      due = Infinity;
    },
  };
}

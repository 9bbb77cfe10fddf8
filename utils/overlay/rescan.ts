// When to scan again: soon after navigation, and after DOM mutations settle, never more often than the
// last scan's cost allows (so a page that mutates forever costs the overlay a small, fixed share of a core).
import { RESCAN_COST_FACTOR, RESCAN_DEBOUNCE_MS, RESCAN_MAX_WAIT_MS, RESCAN_MIN_INTERVAL_MS } from './limits';

export interface Clock {
  now(): number;
  setTimeout(callback: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

export type RescanReason = 'navigation' | 'mutation';

export interface RescanScheduler {
  request(reason: RescanReason): void;
  /** Scan now (the first scan): resolves when it is done, with its cost in milliseconds. */
  runNow(): Promise<number>;
  /** Whether a scan is already due (mutation callbacks use it to return at once). */
  readonly pending: boolean;
  cancel(): void;
}

/**
 * Debounce scan requests: navigation waits `navigationDelay`, mutations wait for a quiet
 * `debounce` (at most `maxWait`), and consecutive scans are spaced by max(minInterval, cost × factor).
 * `run` returns how long the scan took, in milliseconds, or a promise of it for a scan done in slices:
 * then a scan that comes due while one is running waits for it to finish (never two at once, and a slow
 * scan on a page that mutates forever is not restarted before it ends).
 * @example
 * const rescans = createRescanScheduler(async () => (await overlay.scanInSlices())?.busyMilliseconds ?? 0, realClock);
 * rescans.request('mutation');
 */
export function createRescanScheduler(
  run: () => number | Promise<number>,
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

  let running: Promise<number> | null = null;
  let dueWhileRunning = false;
  // A navigation that came while a scan was running is served as soon as it ends, not after the spacing.
  let navigationDue = false;
  // Whether the last scan was for a navigation. Navigation events are the page's to fire (`turbo:load`,
  // `pushState`, `popstate`): one is served promptly, but the next within the spacing waits for it, so a
  // page announcing navigations without end is rescanned no more often than one that mutates without end.
  let lastWasNavigation = false;

  const finished = (cost: number) => {
    lastScanEnd = clock.now();
    spacing = Math.max(limits.minInterval, cost * limits.costFactor);
  };
  const fire = (): Promise<number> => {
    timer = null;
    due = Infinity;
    if (running) {
      dueWhileRunning = true;
      return running;
    }
    lastWasNavigation = navigationDue;
    navigationDue = false;
    let result: number | Promise<number>;
    try {
      result = run();
    } catch (error) {
      finished(limits.minInterval / limits.costFactor);
      return Promise.reject(error);
    }
    if (typeof result === 'number') {
      finished(result);
      return Promise.resolve(result);
    }
    running = result.then(
      (cost) => cost,
      () => limits.minInterval / limits.costFactor,
    );
    const current = running;
    void current.then((cost) => {
      running = null;
      finished(cost);
      if (dueWhileRunning) {
        dueWhileRunning = false;
        schedule(navigationDue && !lastWasNavigation ? clock.now() : lastScanEnd + spacing);
      }
    });
    return current;
  };
  const schedule = (at: number) => {
    if (timer !== null && at >= due) return;
    if (timer !== null) clock.clearTimeout(timer);
    due = at;
    timer = clock.setTimeout(() => void fire().catch(() => undefined), Math.max(0, at - clock.now()));
  };

  return {
    get pending() {
      return timer !== null || dueWhileRunning;
    },
    runNow() {
      if (timer !== null) clock.clearTimeout(timer);
      return fire();
    },
    request(reason) {
      const now = clock.now();
      if (reason === 'navigation') {
        // A new URL deserves a prompt scan, but a burst of history changes still coalesces: a scan already
        // due keeps its time (never postponed, so a stream of events cannot starve the overlay of scans).
        navigationDue = true;
        schedule(
          lastWasNavigation
            ? Math.max(now + limits.navigationDelay, lastScanEnd + spacing)
            : now + limits.navigationDelay,
        );
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
      dueWhileRunning = false;
      navigationDue = false;
      lastWasNavigation = false;
    },
  };
}

// Run a long job in short slices, giving the page its main thread back between them (no long tasks).

/** Work done in one go before yielding: well under the 50 ms that makes a "long task". */
export const SLICE_BUDGET_MS = 8;

export interface SliceOptions {
  /** Milliseconds of work per slice before yielding. */
  budgetMs?: number;
  now?: () => number;
  /** Resolves when the page has had its turn (input, rendering, its own tasks). */
  yieldToPage?: () => Promise<void>;
  /** Wraps every slice (e.g. to pause a MutationObserver while the job writes to the page). */
  around?: (slice: () => void) => void;
  /** Checked between slices: true stops the job where it is. */
  cancelled?: () => boolean;
}

export interface SliceReport<T> {
  /** The job's return value; undefined when it was cancelled. */
  value: T | undefined;
  cancelled: boolean;
  /** Time spent inside slices (not waiting between them), in milliseconds. */
  busyMs: number;
  slices: number;
  longestSliceMs: number;
}

/**
 * Yield to the page: a message-channel task, queued behind whatever the page has waiting (its timers,
 * network callbacks, observers), so a long job shares the thread fairly; not clamped like nested
 * `setTimeout`. (`scheduler.yield()` would jump that queue and starve the page's timers until the job ends.)
 * @example
 * await yieldToPage();
 */
export function yieldToPage(): Promise<void> {
  if (typeof MessageChannel === 'function') {
    return new Promise((resolve) => {
      const channel = new MessageChannel();
      channel.port1.onmessage = () => {
        channel.port1.close();
        resolve();
      };
      channel.port2.postMessage(null);
    });
  }
  return new Promise((resolve) => setTimeout(resolve, 0));
}

function isThenable(value: unknown): value is PromiseLike<unknown> {
  return typeof (value as PromiseLike<unknown> | null)?.then === 'function';
}

/**
 * Step a generator until it is done, `budgetMs` of work at a time, yielding to the page between slices.
 * Each `yield` in the job marks a point where it may be paused; keep the work between two of them small.
 * A job that yields a promise has nothing to do until it settles: the slice ends and the next one starts
 * when it has (its rejection is the job's to handle; here it only ends the wait).
 * @example
 * const report = await runInSlices((function* () { for (const item of items) { work(item); yield; } })());
 */
export async function runInSlices<T>(
  job: Generator<unknown, T>,
  options: SliceOptions = {},
): Promise<SliceReport<T>> {
  const budget = options.budgetMs ?? SLICE_BUDGET_MS;
  const now = options.now ?? (() => performance.now());
  const pause = options.yieldToPage ?? yieldToPage;
  const around = options.around ?? ((slice: () => void) => slice());
  const report: SliceReport<T> = {
    value: undefined,
    cancelled: false,
    busyMs: 0,
    slices: 0,
    longestSliceMs: 0,
  };
  for (;;) {
    if (options.cancelled?.()) {
      job.return(undefined as T);
      report.cancelled = true;
      return report;
    }
    const started = now();
    let step: IteratorResult<unknown, T> | undefined;
    around(() => {
      do step = job.next();
      while (!step.done && !isThenable(step.value) && now() - started < budget);
    });
    const spent = now() - started;
    report.busyMs += spent;
    report.slices += 1;
    report.longestSliceMs = Math.max(report.longestSliceMs, spent);
    if (step?.done) {
      report.value = step.value;
      return report;
    }
    if (isThenable(step?.value)) await Promise.resolve(step.value).catch(() => {});
    else await pause();
  }
}

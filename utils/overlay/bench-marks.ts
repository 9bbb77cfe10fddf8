// The performance marks and measures the overlay benchmark reads (bench/overlay.bench.ts), in one place: the
// rest of the overlay calls these and knows nothing of the benchmark.
import type { ScanSummary } from './scan-job';

/** When the content script started, and when every overlay of its first scan was on the page. */
export const MARK_START = 'stackcast:start';
export const MARK_RENDERED = 'stackcast:rendered';
/** Finding and reading the episodes on the page (the parse itself runs in the background: MEASURE_BACKGROUND). */
export const MEASURE_PARSE = 'stackcast:parse';
/** Time the background spent parsing this page's episodes (its own CPU, off the page's main thread). */
export const MEASURE_BACKGROUND = 'stackcast:background-parse';
/** Wall time the first scan waited for the background with nothing else to do. */
export const MEASURE_WAIT = 'stackcast:wait';
export const MEASURE_DRAW = 'stackcast:draw';
/** When the episodes in or near the viewport had their panels (the rest follow in later slices). */
export const MARK_VISIBLE = 'stackcast:visible';
/** Time spent in the first scan's slices (its `detail` says how many slices and the longest). */
export const MEASURE_BUSY = 'stackcast:busy';

/** Time the background spent parsing, requests and readings it answered from memory, for this page. */
const backgroundParse = { milliseconds: 0, requests: 0, cached: 0 };

/**
 * Count one answer of the background's parser.
 * @example
 * countBackgroundParse(answer.milliseconds, answer.cached);
 */
export function countBackgroundParse(milliseconds: number, cached: number): void {
  backgroundParse.milliseconds += milliseconds;
  backgroundParse.requests += 1;
  backgroundParse.cached += cached;
}

/**
 * What the background's parser answered for this page so far (a copy).
 * @example
 * backgroundParseCounts().requests // 3
 */
export function backgroundParseCounts(): Readonly<typeof backgroundParse> {
  return { ...backgroundParse };
}

/**
 * The content script starts.
 * @example
 * markStart();
 */
export function markStart(): void {
  performance.mark(MARK_START);
}

/**
 * Every overlay of the first scan is on the page.
 * @example
 * await scans.first(); markRendered();
 */
export function markRendered(): void {
  performance.mark(MARK_RENDERED);
}

/**
 * Where the first scan's time went, and how it was sliced.
 * @example
 * measureFirstScan(summary);
 */
export function measureFirstScan(summary: ScanSummary): void {
  const { startedAt } = summary;
  performance.mark(MARK_VISIBLE, { startTime: summary.visibleAt });
  performance.measure(MEASURE_PARSE, {
    start: startedAt,
    duration: summary.findMilliseconds + summary.readMilliseconds,
  });
  performance.measure(MEASURE_DRAW, {
    start: startedAt,
    duration: summary.drawMilliseconds,
    detail: { panels: summary.panels, drawn: summary.drawnPanels },
  });
  performance.measure(MEASURE_BACKGROUND, {
    start: startedAt,
    duration: backgroundParse.milliseconds,
    detail: { requests: backgroundParse.requests, cached: backgroundParse.cached },
  });
  performance.measure(MEASURE_WAIT, { start: startedAt, duration: summary.waitMilliseconds });
  performance.measure(MEASURE_BUSY, {
    start: startedAt,
    duration: summary.busyMilliseconds ?? summary.milliseconds,
    detail: {
      slices: summary.slices,
      longest: summary.longestSliceMilliseconds,
      find: summary.findMilliseconds,
    },
  });
}

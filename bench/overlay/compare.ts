// Before and after in one run: the seed-000 listing visited with two builds of the extension, alternately, so
// both see the same load on a shared machine. `STACKCAST_BENCH_BASE` names the "before" build's output folder
// (`STACKCAST_OUT=/tmp/base npm run build` in a checkout of the older commit); `STACKCAST_BENCH_BASE_LABEL` says
// which commit it is.
import { join } from 'node:path';
import { loadavg } from 'node:os';
import { launchExtension, serve, type ExtensionSession } from '../../tests/e2e/harness';
import { ms, summarize, table } from '../lib/timing';
import { LISTING_URL } from './pages';
import { visit, type Visit } from './visit';

const RUNS = 9;

/** The base build's extension folder, when the run was asked to compare with one. */
export function baseExtensionDir(): string | null {
  const out = process.env.STACKCAST_BENCH_BASE;
  return out ? join(out, 'chrome-mv3') : null;
}

async function listingSession(extensionDir: string | undefined, listing: string): Promise<ExtensionSession> {
  const session = await launchExtension(extensionDir ? { extensionDir } : {});
  await serve(session.context, new RegExp(`^${LISTING_URL.replace(/[.?]/g, '\\$&')}(\\?.*)?$`), listing);
  return session;
}

/**
 * Visit the listing `RUNS` times with each build, alternating (each visit at an address new to both), and
 * table the medians side by side.
 * @example
 * const section = await compareWithBase('/tmp/base/chrome-mv3', listingHtml);
 */
export async function compareWithBase(baseDir: string, listing: string): Promise<string> {
  const base = await listingSession(baseDir, listing);
  const head = await listingSession(undefined, listing);
  const loads: number[] = [];
  const before: Visit[] = [];
  const after: Visit[] = [];
  try {
    // One visit each first: V8's code cache, the background's first parse.
    await visit(base, `${LISTING_URL}?compare=0`);
    await visit(head, `${LISTING_URL}?compare=0`);
    for (let i = 1; i <= RUNS; i++) {
      loads.push(loadavg()[0]!);
      // Which build goes first alternates too, so neither always follows the other.
      const order = i % 2 === 0 ? [base, head] : [head, base];
      for (const session of order) {
        const result = await visit(session, `${LISTING_URL}?compare=${i}`);
        (session === base ? before : after).push(result);
      }
    }
  } finally {
    await base.close();
    await head.close();
  }
  const median = (visits: Visit[], pick: (run: Visit) => number) =>
    summarize(visits.map(pick).filter(Number.isFinite)).median;
  const count = (value: number) => (Number.isFinite(value) ? String(value) : 'n/a');
  const row = (label: string, pick: (run: Visit) => number, format = ms, target = '') => [
    label,
    format(median(before, pick)),
    format(median(after, pick)),
    target,
  ];
  const label = process.env.STACKCAST_BENCH_BASE_LABEL ?? 'the base build';
  return [
    `### Before and after, in this run (seed-000 listing, median of ${RUNS} alternating visits each)`,
    '',
    `Before = ${label}; after = this tree. Load average (1 min) during the visits: ${Math.min(...loads).toFixed(1)}–${Math.max(...loads).toFixed(1)}.`,
    'Counts are from the trace, from the start mark to 300 ms after the rendered mark.',
    '',
    table(
      ['measure', 'before', 'after', 'target'],
      [
        row('start → all rendered, wall', (r) => r.rendered - r.start, ms),
        row('start → panels in or near the viewport, wall', (r) => r.visible - r.start, ms, '≤ 50 ms'),
        row('main-thread CPU, start → all rendered', (r) => r.cpu, ms, '≤ 56.5 ms (half of 113 ms)'),
        row('main-thread CPU, start → 300 ms after rendered', (r) => r.cpuSettled),
        row('time in the scan’s slices', (r) => r.busy),
        row('… of which drawing panels', (r) => r.draw),
        row('panels on the page', (r) => r.panels, count),
        row('… drawn when the scan ended', (r) => (Number.isFinite(r.drawn) ? r.drawn : r.panels), count),
        row('style recalculations', (r) => r.styleRecalcs, count),
        row('layouts', (r) => r.layouts, count),
        row('style sheets parsed', (r) => r.sheetsParsed, count),
        row('longest main-thread task, CPU', (r) => r.longestTaskCpu, ms, '≤ 50 ms'),
        row('longest main-thread task, wall', (r) => r.longestTaskWall, ms, '≤ 50 ms'),
        row('longest task, longtask observer', (r) => r.longest, ms, 'none over 50 ms'),
      ],
    ),
  ].join('\n');
}

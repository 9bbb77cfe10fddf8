// Where the content script's CPU goes on the seed-000 listing: a V8 CPU profile of each page load in real
// Chromium with the built extension, summed per function (self and inclusive), extension code only (native
// calls it makes, such as createElementNS, count as its own). A tool for finding hot spots, not a benchmark.
//
//   STACKCAST_MINIFY=0 STACKCAST_OUT=.output-profile npx wxt build   # readable function names
//   STACKCAST_OUT=.output-profile npx tsx bench/profile-overlay.ts
//
// Environment: RUNS (page loads, the first one is a warm-up and not counted; default 6), TOP (rows per
// table; default 40), UNDER (only samples under the function of this name, e.g. UNDER=mountPanel).
import { launchExtension, serve } from '../tests/e2e/harness';
import { renderSeedListing, seed000, seedEpisodes } from './lib/corpus';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}
interface CpuProfile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

const LISTING_URL = 'https://podbay.fm/p/running-in-production-seed-000';
const RUNS = Number(process.env.RUNS ?? 6);
const TOP = Number(process.env.TOP ?? 40);
const UNDER = process.env.UNDER;

const isExtension = (node: ProfileNode) => node.callFrame.url.startsWith('chrome-extension://');
const nameOf = (node: ProfileNode) =>
  `${node.callFrame.functionName || '(anonymous)'} ${node.callFrame.url.replace(/^.*\//, '')}:${node.callFrame.lineNumber}`;

/** Add one profile's extension samples to the per-function totals (milliseconds). */
function accumulate(profile: CpuProfile, self: Map<string, number>, inclusive: Map<string, number>): number {
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const parent = new Map<number, number>();
  for (const node of profile.nodes) for (const child of node.children ?? []) parent.set(child, node.id);
  let total = 0;
  profile.samples.forEach((id, i) => {
    const ms = (profile.timeDeltas[i + 1] ?? 0) / 1000;
    const stack: ProfileNode[] = [];
    for (let at: number | undefined = id; at !== undefined; at = parent.get(at)) stack.push(byId.get(at)!);
    if (!stack.some(isExtension)) return;
    if (UNDER && !stack.some((node) => node.callFrame.functionName === UNDER)) return;
    total += ms;
    self.set(nameOf(stack[0]!), (self.get(nameOf(stack[0]!)) ?? 0) + ms);
    const seen = new Set<string>();
    for (const node of stack) {
      const name = nameOf(node);
      if (!isExtension(node) || seen.has(name)) continue;
      seen.add(name);
      inclusive.set(name, (inclusive.get(name) ?? 0) + ms);
    }
  });
  return total;
}

const session = await launchExtension();
try {
  await serve(
    session.context,
    new RegExp('^' + LISTING_URL.replace(/[.?]/g, '\\$&') + '(\\?.*)?$'),
    renderSeedListing(seedEpisodes(seed000())),
  );
  const self = new Map<string, number>();
  const inclusive = new Map<string, number>();
  const walls: number[] = [];
  let total = 0;
  for (let run = 0; run < RUNS; run++) {
    const page = await session.context.newPage();
    const cdp = await session.context.newCDPSession(page);
    await cdp.send('Profiler.enable');
    await cdp.send('Profiler.setSamplingInterval', { interval: 100 });
    await cdp.send('Profiler.start');
    // A new address each time: the background has not parsed this listing yet (see bench/overlay.bench.ts).
    await page.goto(`${LISTING_URL}?visit=${run}`);
    await page.waitForFunction(() => performance.getEntriesByName('stackcast:rendered').length > 0);
    const { profile } = (await cdp.send('Profiler.stop')) as unknown as { profile: CpuProfile };
    walls.push(
      await page.evaluate(
        () =>
          performance.getEntriesByName('stackcast:rendered')[0]!.startTime -
          performance.getEntriesByName('stackcast:start')[0]!.startTime,
      ),
    );
    await page.close();
    if (run > 0) total += accumulate(profile, self, inclusive);
  }
  const counted = Math.max(1, RUNS - 1);
  const rows = (totals: Map<string, number>) =>
    [...totals]
      .sort((a, b) => b[1] - a[1])
      .slice(0, TOP)
      .map(([name, ms]) => `${(ms / counted).toFixed(2).padStart(9)} ms  ${name}`);
  console.log(`start → rendered, wall (ms, profiler on): ${walls.map((w) => w.toFixed(0)).join(' ')}`);
  console.log(
    `extension CPU per page load${UNDER ? ` under ${UNDER}` : ''}: ${(total / counted).toFixed(1)} ms\n`,
  );
  console.log(['self time', ...rows(self), '', 'inclusive time', ...rows(inclusive)].join('\n'));
} finally {
  await session.close();
}

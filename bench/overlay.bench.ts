// Overlay benchmark in real Chromium with the built extension: bundle size, time to render every overlay on a
// ~50-episode listing, long tasks, a 5 MB page, and the content script's CPU share on a page that never stops
// mutating.
import { chromium, type Page } from 'playwright-core';
import { gzipSync } from 'node:zlib';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { cpus, loadavg } from 'node:os';
import {
  chromiumPath,
  EXTENSION_DIR,
  launchExtension,
  serve,
  type ExtensionSession,
} from '../tests/e2e/harness';
import { renderSeedListing, seed000, seedEpisodes } from './lib/corpus';
import { ms, summarize, table } from './lib/timing';

const LISTING_URL = 'https://podbay.fm/p/running-in-production-seed-000';
const BIG_URL = 'https://podbay.fm/p/stackcast-five-megabytes';
const PLAIN_URL = 'https://podbay.fm/about/stackcast-no-episodes';
const SPA_URL = 'https://podbay.fm/p/stackcast-spa/e/1';
const RUNS = 9;
const SPA_SECONDS = 10;

/** The content script's mark when every overlay of its first scan is on the page. */
const RENDERED_MARK = 'stackcast:rendered';
/** Runs before any page script: collects long tasks and the longest gap between 5 ms timer ticks. */
const OBSERVERS = `
  window.__longTasks = [];
  new PerformanceObserver((list) => { for (const e of list.getEntries()) window.__longTasks.push({ start: e.startTime, duration: e.duration }); })
    .observe({ type: 'longtask', buffered: true });
  window.__maxGap = 0;
  let last = performance.now();
  setInterval(() => { const now = performance.now(); window.__maxGap = Math.max(window.__maxGap, now - last); last = now; }, 5);
  // Tell the bench when the overlay is rendered without it polling the page: Playwright's waitForFunction
  // would inject its own script mid-measurement (a ~15 ms task of its own in the trace).
  new PerformanceObserver((list) => { if (list.getEntriesByName('${RENDERED_MARK}').length > 0) console.debug('${RENDERED_MARK}'); })
    .observe({ type: 'mark', buffered: true });
`;

function bigPage(): string {
  // 5 MB of prose in paragraphs, a few chapter lists inside (written for this benchmark).
  const sentence =
    'We moved the billing service from a cron box to a queue and the on-call rotation got quieter. ';
  const parts: string[] = [];
  let size = 0;
  for (let i = 0; size < 5_000_000; i++) {
    const p =
      i % 500 === 0
        ? `<p>${i / 500}:00 Part ${i}</p><p>${i / 500}:30 More</p><p>${i / 500 + 1}:10 End</p>`
        : `<p>${sentence.repeat(10)}</p>`;
    parts.push(p);
    size += p.length;
  }
  return `<!DOCTYPE html><html><head><title>Five megabytes</title></head><body><h1>Long page</h1>${parts.join('')}</body></html>`;
}

function plainPage(): string {
  // A directory page with no episode on it (an about page: prose, links, no timestamps), written for this benchmark.
  const paragraph =
    '<p>We index podcasts about how software is built and run. Send us a show we are missing, or tell us what to fix. <a href="/p/1">A show</a></p>';
  return `<!DOCTYPE html><html><head><title>About</title></head><body><nav>${'<a href="/x">Browse</a> '.repeat(40)}</nav><main><h1>About</h1>${paragraph.repeat(300)}</main></body></html>`;
}

function spaPage(): string {
  // An episode with chapters, and a feed beside it that changes every animation frame, forever.
  return `<!DOCTYPE html><html><head><title>SPA</title></head><body>
  <main><h1>Episode 1</h1><div class="notes"><p>0:00 Intro</p><p>4:10 Queues</p><p>12:30 Databases</p><p>25:00 Wrap-up</p></div></main>
  <ul id="feed"></ul>
  <script>
    const feed = document.getElementById('feed'); let n = 0;
    function tick() {
      const li = document.createElement('li'); li.textContent = 'Update ' + (n++) + ' at ' + new Date().toISOString();
      feed.prepend(li); if (feed.children.length > 50) feed.lastElementChild.remove();
      document.title = 'SPA ' + n; requestAnimationFrame(tick);
    }
    requestAnimationFrame(tick);
  </script></body></html>`;
}

interface Visit {
  start: number;
  rendered: number;
  /** When the panels of the episodes in or near the viewport were drawn (NaN for builds without the mark). */
  visible: number;
  /** Finding and reading the episodes on the page. */
  parse: number;
  draw: number;
  /** Parsing in the background (its own thread) and the page's idle wait for it; readings it remembered. */
  background: number;
  wait: number;
  cached: number;
  /** Time inside the first scan's slices, how many slices, the longest one. */
  busy: number;
  slices: number;
  longestSlice: number;
  panels: number;
  longest: number;
  maxGap: number;
  /** From the trace: main-thread CPU time (thread time) of the tasks between start and rendered. */
  cpu: number;
  /** The same from start to 300 ms after rendered: includes the layout and paint of the panels that follow. */
  cpuSettled: number;
  /** From the trace: the longest main-thread task from start to 300 ms after rendered, CPU and wall. */
  longestTaskCpu: number;
  longestTaskWall: number;
  /** From the trace: main-thread CPU of the task that evaluated the content script (before the start mark). */
  evaluateCpu: number;
}

async function marks(
  page: Page,
  rendered: Promise<unknown>,
): Promise<Omit<Visit, 'cpu' | 'cpuSettled' | 'longestTaskCpu' | 'longestTaskWall' | 'evaluateCpu'>> {
  await rendered;
  await page.waitForTimeout(300);
  return page.evaluate(() => {
    const start = performance.getEntriesByName('stackcast:start')[0]!.startTime;
    const rendered = performance.getEntriesByName('stackcast:rendered')[0]!.startTime;
    const tasks = ((window as any).__longTasks as { start: number; duration: number }[]).filter(
      (t) => t.start + t.duration >= start,
    );
    const busy = performance.getEntriesByName('stackcast:busy')[0] as PerformanceMeasure | undefined;
    const detail = (busy?.detail ?? {}) as { slices?: number; longest?: number };
    return {
      start,
      rendered,
      visible: performance.getEntriesByName('stackcast:visible')[0]?.startTime ?? NaN,
      parse: performance.getEntriesByName('stackcast:parse')[0]?.duration ?? NaN,
      draw: performance.getEntriesByName('stackcast:draw')[0]?.duration ?? NaN,
      background: performance.getEntriesByName('stackcast:background-parse')[0]?.duration ?? NaN,
      wait: performance.getEntriesByName('stackcast:wait')[0]?.duration ?? NaN,
      cached:
        (
          (performance.getEntriesByName('stackcast:background-parse')[0] as PerformanceMeasure | undefined)
            ?.detail as { cached?: number } | undefined
        )?.cached ?? NaN,
      busy: busy?.duration ?? NaN,
      slices: detail.slices ?? 1,
      longestSlice: detail.longest ?? NaN,
      panels: document.querySelectorAll('[data-stackcast]').length,
      longest: Math.max(0, ...tasks.map((t) => t.duration)),
      maxGap: (window as any).__maxGap as number,
    };
  });
}

interface TraceEvent {
  name: string;
  ph: string;
  pid: number;
  tid: number;
  ts: number;
  dur?: number;
  tdur?: number;
  args?: { data?: { url?: string } };
}

type CdpSession = Awaited<ReturnType<ExtensionSession['context']['newCDPSession']>>;

/** Trace the page's threads: top-level tasks with their thread (CPU) time, and the user-timing marks. */
async function startTrace(cdp: CdpSession): Promise<() => Promise<TraceEvent[]>> {
  const complete = new Promise<{ stream?: string }>((resolve) =>
    cdp.once('Tracing.tracingComplete', resolve),
  );
  await cdp.send('Tracing.start', {
    categories: 'devtools.timeline,disabled-by-default-devtools.timeline,blink.user_timing',
    transferMode: 'ReturnAsStream',
  });
  return async () => {
    await cdp.send('Tracing.end');
    const { stream } = await complete;
    if (!stream) return [];
    let data = '';
    for (;;) {
      const chunk = await cdp.send('IO.read', { handle: stream });
      data += chunk.base64Encoded ? Buffer.from(chunk.data, 'base64').toString() : chunk.data;
      if (chunk.eof) break;
    }
    await cdp.send('IO.close', { handle: stream });
    const parsed = JSON.parse(data) as { traceEvents?: TraceEvent[] } | TraceEvent[];
    return Array.isArray(parsed) ? parsed : (parsed.traceEvents ?? []);
  };
}

/**
 * Main-thread CPU from the trace, which a loaded machine inflates far less than wall time: thread time of
 * the tasks between the start and rendered marks (partial tasks pro rata), the same until 300 ms after
 * rendered, and the longest task after start (the content script's own evaluation and the page's first
 * layout included: the trace does not say whose a task is), and the CPU of the task that evaluated the
 * content script (compiling it and running its top level).
 */
function traceCpu(
  events: TraceEvent[],
): Pick<Visit, 'cpu' | 'cpuSettled' | 'longestTaskCpu' | 'longestTaskWall' | 'evaluateCpu'> {
  const start = events.find((event) => event.name === 'stackcast:start');
  const end = events.find((event) => event.name === 'stackcast:rendered');
  if (!start || !end)
    return { cpu: NaN, cpuSettled: NaN, longestTaskCpu: NaN, longestTaskWall: NaN, evaluateCpu: NaN };
  const onThread = events.filter(
    (event) => event.ph === 'X' && event.pid === start.pid && event.tid === start.tid,
  );
  let cpu = 0;
  let cpuSettled = 0;
  let longestTaskCpu = 0;
  let longestTaskWall = 0;
  for (const task of onThread) {
    if (task.name !== 'RunTask' || !task.dur) continue;
    if (task.ts + task.dur <= start.ts) continue;
    const thread = task.tdur ?? 0;
    longestTaskCpu = Math.max(longestTaskCpu, thread);
    longestTaskWall = Math.max(longestTaskWall, task.dur);
    const overlap = Math.min(task.ts + task.dur, end.ts) - Math.max(task.ts, start.ts);
    if (overlap > 0) cpu += (thread * overlap) / task.dur;
    if (task.ts <= end.ts + 300_000)
      cpuSettled += (thread * (task.ts + task.dur - Math.max(task.ts, start.ts))) / task.dur;
  }
  const evaluation = onThread.find(
    (event) =>
      event.name === 'EvaluateScript' && (event.args?.data?.url ?? '').endsWith('content-scripts/content.js'),
  );
  const evaluationTask =
    evaluation &&
    onThread.find(
      (task) =>
        task.name === 'RunTask' &&
        task.ts <= evaluation.ts &&
        task.ts + (task.dur ?? 0) >= evaluation.ts + (evaluation.dur ?? 0),
    );
  const toMs = (micros: number) => micros / 1000;
  return {
    evaluateCpu: evaluationTask ? toMs(evaluationTask.tdur ?? 0) : NaN,
    cpu: toMs(cpu),
    cpuSettled: toMs(cpuSettled),
    longestTaskCpu: toMs(longestTaskCpu),
    longestTaskWall: toMs(longestTaskWall),
  };
}

async function visit(session: ExtensionSession, url: string): Promise<Visit> {
  const page = await session.context.newPage();
  await page.addInitScript(OBSERVERS);
  const cdp = await session.context.newCDPSession(page);
  const stopTrace = await startTrace(cdp);
  const rendered = page.waitForEvent('console', {
    predicate: (message) => message.text() === RENDERED_MARK,
    timeout: 60_000,
  });
  await page.goto(url);
  const result = await marks(page, rendered);
  const trace = traceCpu(await stopTrace());
  await page.close();
  return { ...result, ...trace };
}

/** CPU time of extension code per second of wall time, from a V8 CPU profile of the page. */
async function contentScriptCpuShare(
  session: ExtensionSession,
): Promise<{ share: number; scriptShareDelta: number | null }> {
  const page = await session.context.newPage();
  await page.goto(SPA_URL);
  await page.waitForFunction(() => document.querySelector('[data-stackcast]') !== null);
  const cdp = await session.context.newCDPSession(page);
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
  await cdp.send('Performance.enable');
  const before = await scriptDuration(cdp);
  await cdp.send('Profiler.start');
  await page.waitForTimeout(SPA_SECONDS * 1000);
  const { profile } = (await cdp.send('Profiler.stop')) as { profile: CpuProfile };
  const after = await scriptDuration(cdp);
  await page.close();
  const ours = extensionSelfTime(profile);
  const total = (profile.endTime - profile.startTime) / 1000;
  // Baseline: the same page in a browser without the extension, for the ScriptDuration delta.
  const baseline = await baselineScriptDuration();
  return {
    share: ours / total,
    scriptShareDelta: baseline === null ? null : (after - before - baseline) / SPA_SECONDS,
  };
}

interface CpuProfile {
  nodes: { id: number; callFrame: { url: string }; hitCount?: number }[];
  samples: number[];
  timeDeltas: number[];
  startTime: number;
  endTime: number;
}

function extensionSelfTime(profile: CpuProfile): number {
  const ours = new Set(
    profile.nodes
      .filter((node) => node.callFrame.url.startsWith('chrome-extension://'))
      .map((node) => node.id),
  );
  let micros = 0;
  profile.samples.forEach((id, i) => {
    if (ours.has(id)) micros += profile.timeDeltas[i + 1] ?? profile.timeDeltas[i] ?? 0;
  });
  return micros / 1000;
}

async function scriptDuration(cdp: {
  send(method: 'Performance.getMetrics'): Promise<{ metrics: { name: string; value: number }[] }>;
}): Promise<number> {
  const { metrics } = await cdp.send('Performance.getMetrics');
  return metrics.find((metric) => metric.name === 'ScriptDuration')?.value ?? 0;
}

async function baselineScriptDuration(): Promise<number | null> {
  const browser = await chromium.launch({
    executablePath: chromiumPath(),
    args: ['--headless=new', '--no-sandbox', '--disable-gpu'],
  });
  try {
    const context = await browser.newContext();
    await context.route(/^https?:\/\//, (route) => route.abort('internetdisconnected'));
    await serve(context, SPA_URL, spaPage());
    const page = await context.newPage();
    await page.goto(SPA_URL);
    await page.waitForTimeout(500);
    const cdp = await context.newCDPSession(page);
    await cdp.send('Performance.enable');
    const before = await scriptDuration(cdp);
    await page.waitForTimeout(SPA_SECONDS * 1000);
    return (await scriptDuration(cdp)) - before;
  } catch {
    return null;
  } finally {
    await browser.close();
  }
}

export default async function overlayBench(): Promise<string> {
  const bundle = readFileSync(join(EXTENSION_DIR, 'content-scripts', 'content.js'));
  const gzip = gzipSync(bundle, { level: 9 }).length;

  const session = await launchExtension();
  try {
    const listing = renderSeedListing(seedEpisodes(seed000()));
    // Any query of the listing's address serves it: each `?visit=N` is a listing the background has not parsed.
    await serve(session.context, new RegExp(`^${LISTING_URL.replace(/[.?]/g, '\\$&')}(\\?.*)?$`), listing);
    await serve(session.context, BIG_URL, bigPage());
    await serve(session.context, SPA_URL, spaPage());
    await serve(session.context, PLAIN_URL, plainPage());

    // The first load after launch runs on code V8 has not compiled before (later loads reuse its compilation
    // cache): reported apart, not hidden as a warm-up.
    const firstLoad = await visit(session, `${LISTING_URL}?visit=0`);
    // Its episodes' ids come from the page's address (they have no links), so every visit is new to the background.
    const runs: Visit[] = [];
    for (let i = 1; i <= RUNS; i++) runs.push(await visit(session, `${LISTING_URL}?visit=${i}`));
    // The same address again: the background answers from its memory of recent parses.
    const revisits: Visit[] = [];
    for (let i = 0; i < 5; i++) revisits.push(await visit(session, `${LISTING_URL}?visit=${RUNS}`));
    const revisit = (pick: (run: Visit) => number) =>
      summarize(revisits.map(pick).filter(Number.isFinite)).median;
    const median = (pick: (run: Visit) => number) => summarize(runs.map(pick).filter(Number.isFinite)).median;
    const render = summarize(runs.map((run) => run.rendered - run.start));
    const longest = summarize(runs.map((run) => run.longest));

    const plain: Visit[] = [];
    for (let i = 0; i < 5; i++) plain.push(await visit(session, PLAIN_URL));
    const plainMedian = (pick: (run: Visit) => number) =>
      summarize(plain.map(pick).filter(Number.isFinite)).median;

    const big: Visit[] = [];
    for (let i = 0; i < 3; i++) big.push(await visit(session, BIG_URL));
    const bigRender = summarize(big.map((run) => run.rendered - run.start));
    const worst = (visits: Visit[], pick: (run: Visit) => number) =>
      Math.max(...visits.map(pick).filter(Number.isFinite));

    const cpu = await contentScriptCpuShare(session);
    const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;
    const pct = (value: number) => `${(value * 100).toFixed(2)} %`;
    return [
      '## overlay',
      '',
      'Real Chromium (headless, Debian package) with the built extension; pages served at their real URLs by Playwright routes.',
      `Load average when measured: ${loadavg()
        .map((v) => v.toFixed(1))
        .join(
          ' / ',
        )} on ${cpus().length} CPUs (other jobs share this machine, so wall times are pessimistic).`,
      'Wall times come from performance marks; "CPU" is main-thread thread time from a Chromium trace (tasks between the start and',
      'rendered marks), which a busy machine inflates much less. The scan runs in ~8 ms slices, the episodes in or near the viewport first;',
      'the page reads each episode and draws its panel, the background service worker parses the readings (chapters, technologies).',
      'Every listing visit below is at a new address, so its parses are new to the background, except the "revisited" row.',
      '',
      table(
        ['measure', 'result', 'target'],
        [
          [
            'content script bundle (minified / gzip -9)',
            `${kb(bundle.length)} / ${kb(gzip)}`,
            '≤ 60 KB gzip',
          ],
          [
            `seed-000 listing: script start → all overlays rendered, wall (median of ${RUNS}, p95)`,
            `${ms(render.median)} (p95 ${ms(render.p95)}), ${runs[0]!.panels} panels`,
            '≤ 50 ms',
          ],
          [
            '… main-thread CPU, start → all rendered (median, min)',
            `${ms(median((r) => r.cpu))} (min ${ms(Math.min(...runs.map((r) => r.cpu)))})`,
            '',
          ],
          [
            "… main-thread CPU, start → 300 ms after rendered: the panels' layout and paint included (median)",
            ms(median((r) => r.cpuSettled)),
            '',
          ],
          [
            "… time inside the scan's slices: find + read / draw (median)",
            `${ms(median((r) => r.busy))}: ${ms(median((r) => r.parse))} / ${ms(median((r) => r.draw))}`,
            '',
          ],
          [
            "… parsing in the background, off the page's main thread / the page waiting for it with nothing else to do (median)",
            `${ms(median((r) => r.background))} / ${ms(median((r) => r.wait))}`,
            '',
          ],
          [
            'seed-000 listing revisited (the background remembers recent parses): start → all rendered, wall / main-thread CPU (median of 5)',
            `${ms(revisit((r) => r.rendered - r.start))} / ${ms(revisit((r) => r.cpu))}, ${revisit((r) => r.cached)} of ${revisits[0]!.panels} parses remembered`,
            '',
          ],
          [
            'seed-000 listing: script start → panels in or near the viewport, wall (median)',
            ms(median((r) => r.visible - r.start)),
            '',
          ],
          [
            'seed-000 listing, first load after the browser started: start → all rendered, wall / main-thread CPU / background parse',
            `${ms(firstLoad.rendered - firstLoad.start)} / ${ms(firstLoad.cpu)} / ${ms(firstLoad.background)}`,
            '',
          ],
          [
            'seed-000 listing: evaluating the content script (compile + top level), main-thread CPU (median)',
            ms(median((r) => r.evaluateCpu)),
            '',
          ],
          [
            'a directory page without episodes: script evaluation + start → done, main-thread CPU (median of 5)',
            `${ms(plainMedian((r) => r.evaluateCpu))} + ${ms(plainMedian((r) => r.cpu))}, ${plain[0]!.panels} panels`,
            '',
          ],
          [
            'seed-000 listing: slices (median) / longest slice (median, worst)',
            `${median((r) => r.slices)} / ${ms(median((r) => r.longestSlice))} (worst ${ms(worst(runs, (r) => r.longestSlice))})`,
            '',
          ],
          [
            'seed-000 listing: longest task after start, longtask observer wall (median, worst)',
            `${ms(longest.median)} (worst ${ms(worst(runs, (r) => r.longest))})`,
            'none over 50 ms',
          ],
          [
            'seed-000 listing: longest main-thread task from the trace, CPU / wall (median)',
            `${ms(median((r) => r.longestTaskCpu))} / ${ms(median((r) => r.longestTaskWall))}`,
            'none over 50 ms',
          ],
          [
            `5 MB text page: start → rendered, wall (median of 3), panels`,
            `${ms(bigRender.median)}, ${big[0]!.panels} panels`,
            'bounded',
          ],
          [
            '5 MB text page: main-thread CPU start → rendered (median)',
            ms(summarize(big.map((r) => r.cpu)).median),
            'bounded',
          ],
          [
            '5 MB text page: longest task, observer wall / trace CPU; longest 5 ms-timer gap (worst of 3)',
            `${ms(worst(big, (r) => r.longest))} / ${ms(worst(big, (r) => r.longestTaskCpu))}; ${ms(worst(big, (r) => r.maxGap))}`,
            'page stays responsive',
          ],
          [
            `SPA mutating every frame: content-script CPU (V8 profile, ${SPA_SECONDS} s)`,
            pct(cpu.share),
            '< 2 %',
          ],
          [
            'SPA: ScriptDuration delta vs. the same page without the extension',
            cpu.scriptShareDelta === null ? 'n/a' : pct(cpu.scriptShareDelta),
            '< 2 % (noisy)',
          ],
        ],
      ),
    ].join('\n');
  } finally {
    await session.close();
  }
}

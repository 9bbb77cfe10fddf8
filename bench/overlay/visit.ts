// One visit of a page with the extension loaded: the overlay's performance marks (utils/overlay/bench-marks.ts)
// and the main thread's CPU from a Chromium trace.
import type { Page } from 'playwright-core';
import type { ExtensionSession } from '../../tests/e2e/harness';

/** The content script's mark when every overlay of its first scan is on the page. */
export const RENDERED_MARK = 'stackcast:rendered';
/** Runs before any page script: collects long tasks and the longest gap between 5 ms timer ticks. */
export const OBSERVERS = `
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

export interface Visit {
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
  /** Panels with their content drawn when the first scan ended (older builds drew them all: NaN there). */
  drawn: number;
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
  /** From the trace, start to 300 ms after rendered: style recalculations, layouts, style sheets parsed. */
  styleRecalcs: number;
  layouts: number;
  sheetsParsed: number;
}

type TraceCounts = 'styleRecalcs' | 'layouts' | 'sheetsParsed';
type TraceFigures = 'cpu' | 'cpuSettled' | 'longestTaskCpu' | 'longestTaskWall' | 'evaluateCpu' | TraceCounts;

async function marks(page: Page, rendered: Promise<unknown>): Promise<Omit<Visit, TraceFigures>> {
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
      drawn:
        (
          (performance.getEntriesByName('stackcast:draw')[0] as PerformanceMeasure | undefined)?.detail as
            { drawn?: number } | undefined
        )?.drawn ?? NaN,
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
function traceCpu(events: TraceEvent[]): Pick<Visit, TraceFigures> {
  const start = events.find((event) => event.name === 'stackcast:start');
  const end = events.find((event) => event.name === 'stackcast:rendered');
  if (!start || !end) {
    const none = { cpu: NaN, cpuSettled: NaN, longestTaskCpu: NaN, longestTaskWall: NaN, evaluateCpu: NaN };
    return { ...none, styleRecalcs: NaN, layouts: NaN, sheetsParsed: NaN };
  }
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
  const settled = (name: string) =>
    onThread.filter((event) => event.name === name && event.ts >= start.ts && event.ts <= end.ts + 300_000)
      .length;
  return {
    styleRecalcs: settled('UpdateLayoutTree'),
    layouts: settled('Layout'),
    sheetsParsed: settled('ParseAuthorStyleSheet'),
    evaluateCpu: evaluationTask ? toMs(evaluationTask.tdur ?? 0) : NaN,
    cpu: toMs(cpu),
    cpuSettled: toMs(cpuSettled),
    longestTaskCpu: toMs(longestTaskCpu),
    longestTaskWall: toMs(longestTaskWall),
  };
}

export async function visit(session: ExtensionSession, url: string): Promise<Visit> {
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

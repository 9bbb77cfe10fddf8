// The content script's CPU share on a page that never stops mutating (a V8 profile), and the page's script
// time against the same page in a browser without the extension.
import { chromium } from 'playwright-core';
import { chromiumPath, serve, type ExtensionSession } from '../../tests/e2e/harness';
import { SPA_URL, spaPage } from './pages';

/** Seconds the mutating page is profiled. */
export const SPA_SECONDS = 10;

/** CPU time of extension code per second of wall time, from a V8 CPU profile of the page. */
export async function contentScriptCpuShare(
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

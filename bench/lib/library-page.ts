// Probes of the built extension's library page in Chromium: CPU time, the page's own measures, a view, an export.
import { readdirSync, readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { serializeView, type LibraryView } from '../../utils/library/query/view';
import { summarize, type Timing } from './timing';

/**
 * CPU time (user + system, ms) used so far by the Chromium running this extension and all its child
 * processes (renderer, IndexedDB in the browser/storage processes, GPU…), from /proc on Linux (NaN
 * elsewhere). Unlike wall-clock time it does not grow when other work on the machine competes for cores.
 */
export function chromiumCpuMs(extensionDir: string): number {
  try {
    const parentOf = new Map<number, number>();
    const ticks = new Map<number, number>();
    let root = -1;
    for (const entry of readdirSync('/proc')) {
      const pid = Number(entry);
      if (!Number.isInteger(pid)) continue;
      try {
        const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
        // Fields after the command name (which may contain spaces) start after the last ')'.
        const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
        parentOf.set(pid, Number(fields[1]));
        ticks.set(pid, Number(fields[11]) + Number(fields[12]));
        if (root < 0) {
          const command = readFileSync(`/proc/${pid}/cmdline`, 'utf8');
          if (command.includes(`--load-extension=${extensionDir}`) && !command.includes('--type='))
            root = pid;
        }
      } catch {
        // The process ended while we looked.
      }
    }
    if (root < 0) return NaN;
    let total = 0;
    for (const [pid, own] of ticks) {
      for (let at: number | undefined = pid; at !== undefined && at > 1; at = parentOf.get(at)) {
        if (at === root) {
          total += own;
          break;
        }
      }
    }
    // Linux reports in clock ticks of 10 ms (USER_HZ 100).
    return total * 10;
  } catch {
    return NaN;
  }
}

/** The durations of the app's own performance measures with this name (see components/library). */
export async function measures(page: Page, name: string): Promise<number[]> {
  return page.evaluate(
    (n) => performance.getEntriesByName(`stackcast:${n}`, 'measure').map((e) => e.duration),
    name,
  );
}

/** Apply a view by its URL and time it until the list has committed it and one frame has been painted. */
export async function timeView(
  page: Page,
  view: LibraryView,
  runs = 7,
): Promise<{ commit: Timing; frame: Timing; results: number }> {
  const hash = serializeView(view);
  const commits: number[] = [];
  const frames: number[] = [];
  let results = 0;
  for (let i = 0; i < runs; i++) {
    // Start from the unfiltered view each time, so every run does the same work.
    await page.evaluate(() => (location.hash = ''));
    await page.waitForFunction(
      () => document.querySelector('[data-stackcast-view]')?.getAttribute('data-stackcast-view') === '',
    );
    await page.evaluate(() => performance.clearMeasures('stackcast:view'));
    const timing = await page.evaluate(
      (h) =>
        new Promise<{ frame: number; results: number }>((done) => {
          const start = performance.now();
          const list = document.querySelector('[data-stackcast-view]')!;
          // No named functions in here: tsx would wrap them in a helper the page does not have.
          const observer = new MutationObserver(() => {
            if (list.getAttribute('data-stackcast-view') !== h) return;
            observer.disconnect();
            requestAnimationFrame(() =>
              done({
                frame: performance.now() - start,
                results: Number(list.getAttribute('data-stackcast-results')),
              }),
            );
          });
          observer.observe(list, { attributes: true });
          location.hash = h;
        }),
      hash,
    );
    const [commit] = await measures(page, 'view');
    commits.push(commit ?? NaN);
    frames.push(timing.frame);
    results = timing.results;
  }
  return { commit: summarize(commits), frame: summarize(frames), results };
}

/** Export the unfiltered view as `kind` from the page and time it (the page's measure, and Chromium's CPU). */
export async function exportTime(
  page: Page,
  extensionDir: string,
  kind: string,
): Promise<{ wall: number; cpu: number }> {
  await page.locator('[data-stackcast-export-kind]').selectOption(kind);
  await page.evaluate(() => performance.clearMeasures());
  const cpuBefore = chromiumCpuMs(extensionDir);
  // A 100,000-episode file takes a while (the page stays responsive): give the click and the download time.
  await Promise.all([
    page.waitForEvent('download', { timeout: 600_000 }),
    page.locator('[data-stackcast-export="view"]').click({ timeout: 600_000, noWaitAfter: true }),
  ]);
  return {
    wall: (await measures(page, `export-${kind}`))[0] ?? NaN,
    cpu: chromiumCpuMs(extensionDir) - cpuBefore,
  };
}

/** Wait until the page's list holds `count` results (the library loaded, the view applied). */
export async function waitForResults(page: Page, count: number): Promise<void> {
  await page.waitForFunction(
    (n) =>
      document.querySelector('[data-stackcast-results]')?.getAttribute('data-stackcast-results') ===
      String(n),
    count,
    { timeout: 300_000 },
  );
}

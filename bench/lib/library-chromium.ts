// The library benchmark in real Chromium IndexedDB: the built extension's library page, seeded by importing
// generated backups, then timed loading, filtering and exporting.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join, resolve } from 'node:path';
import { toBackupJson } from '../../utils/library/backup';
import type { SavedEpisode } from '../../utils/library/record';
import type { LibraryView } from '../../utils/library/query/view';
import { launchExtension, ROOT } from '../../tests/e2e/harness';
import { summarize, type Timing } from './timing';
import { chromiumCpuMs, exportTime, measures, timeView, waitForResults } from './library-page';

/** Backups are imported in files of this many episodes (a 100,000-episode backup would pass the 100 MB limit). */
export const CHUNK = 25_000;
const TMP = resolve(ROOT, '.bench-tmp', 'library');

/** The built extension to measure: STACKCAST_OUT's, built first when it is missing or STACKCAST_REBUILD is set. */
export function ensureBuild(): string {
  const out = process.env.STACKCAST_OUT ?? '.output-bench-library';
  const dir = resolve(ROOT, out, 'chrome-mv3');
  if (!existsSync(join(dir, 'manifest.json')) || process.env.STACKCAST_REBUILD) {
    execFileSync('npx', ['wxt', 'build'], {
      cwd: ROOT,
      env: { ...process.env, STACKCAST_OUT: out },
      stdio: 'ignore',
    });
  }
  return dir;
}

export interface ChromiumRow {
  size: number;
  importMs: number;
  importCpu: number;
  firstRender: Timing;
  /** Navigation start → every summary loaded, filters and facets live. */
  complete: Timing;
  load: string;
  one: Awaited<ReturnType<typeof timeView>>;
  three: Awaited<ReturnType<typeof timeView>>;
  search: Awaited<ReturnType<typeof timeView>>;
  exportJson: { wall: number; cpu: number };
  exportMarkdown: { wall: number; cpu: number };
  fileMb: number;
}

/** One library size in Chromium: import, first render, all loaded, three views, two exports. */
export async function chromium(
  size: number,
  episodes: SavedEpisode[],
  views: { one: LibraryView; three: LibraryView; search: LibraryView },
  extensionDir: string,
): Promise<ChromiumRow> {
  mkdirSync(TMP, { recursive: true });
  const files: string[] = [];
  let bytes = 0;
  for (let start = 0; start < episodes.length; start += CHUNK) {
    const text = toBackupJson(episodes.slice(start, start + CHUNK), new Date('2026-11-22T00:00:00Z'));
    bytes += Buffer.byteLength(text);
    const file = join(TMP, `library-${size}-${start / CHUNK}.json`);
    writeFileSync(file, text);
    files.push(file);
  }
  const session = await launchExtension({ extensionDir });
  try {
    const load = loadavg()[0]!.toFixed(1);
    const page = await session.openExtensionPage('library.html');
    await page.locator('[data-stackcast-state="empty"]').waitFor();
    let importMs = 0;
    const importCpuStart = chromiumCpuMs(extensionDir);
    for (const file of files) {
      await page.evaluate(() => performance.clearMeasures('stackcast:import'));
      await page.locator('[data-stackcast-import-file]').setInputFiles(file);
      await page.waitForFunction(
        () =>
          /^Imported /.test(document.querySelector('[data-stackcast-notice]')?.textContent ?? '') ||
          document.querySelector('[data-stackcast-notice="error"]'),
        null,
        { timeout: 600_000 },
      );
      const error = await page.locator('[data-stackcast-notice="error"]').count();
      if (error)
        throw new Error(
          `import failed: ${await page.locator('[data-stackcast-notice="error"]').textContent()}`,
        );
      importMs += (await measures(page, 'import'))[0] ?? NaN;
    }
    // Includes re-reading the summaries after each file (the page's live query), as a listener would see.
    const importCpu = chromiumCpuMs(extensionDir) - importCpuStart;
    // First render: a fresh page load with the library in IndexedDB (time origin → list committed).
    const firsts: number[] = [];
    const completes: number[] = [];
    for (let i = 0; i < 3; i++) {
      await page.reload();
      await page.waitForFunction(
        () => performance.getEntriesByName('stackcast:first-render').length > 0,
        null,
        { timeout: 120_000 },
      );
      firsts.push((await measures(page, 'first-render'))[0]!);
      await page.waitForFunction(
        () => performance.getEntriesByName('stackcast:library-complete').length > 0,
        null,
        { timeout: 300_000 },
      );
      completes.push((await measures(page, 'library-complete'))[0]!);
    }
    await waitForResults(page, size);
    const runs = size >= 100_000 ? 3 : 7;
    const one = await timeView(page, views.one, runs);
    const three = await timeView(page, views.three, runs);
    const search = await timeView(page, views.search, runs);
    await page.evaluate(() => (location.hash = ''));
    const exportJson = await exportTime(page, extensionDir, 'json');
    const exportMarkdown = await exportTime(page, extensionDir, 'markdown-technology');
    return {
      size,
      importMs,
      importCpu,
      firstRender: summarize(firsts),
      complete: summarize(completes),
      load,
      one,
      three,
      search,
      exportJson,
      exportMarkdown,
      fileMb: bytes / 1024 / 1024,
    };
  } finally {
    await session.close();
  }
}

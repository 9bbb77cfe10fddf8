// A/B of two library builds in real Chromium at one size: the same generated library imported into each,
// then filter-by-one-technology and Markdown-export timings, builds alternated so load on the machine hits
// both alike. `npx tsx bench/library-ab.ts <extension dir A> <extension dir B> [rounds] [size]`.
// Prints timings and the 1-minute load average per round, and whether the two builds' files are identical.
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join, resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { toBackupJson } from '../utils/library/backup';
import { toSummary } from '../utils/library/record';
import { computeFacets } from '../utils/library/query/facets';
import { DEFAULT_VIEW } from '../utils/library/query/view';
import { launchExtension, ROOT } from '../tests/e2e/harness';
import { catalogTech, generate } from './lib/library-data';
import { chromiumCpuMs, exportTime, measures, timeView, waitForResults } from './lib/library-page';

const [argA, argB, roundsArg, sizeArg] = process.argv.slice(2);
if (!argA || !argB)
  throw new Error('usage: tsx bench/library-ab.ts <extension dir A> <extension dir B> [rounds] [size]');
const builds = [
  ['A', resolve(argA)],
  ['B', resolve(argB)],
] as const;
const rounds = Number(roundsArg ?? 2);
const size = Number(sizeArg ?? 10_000);
const TMP = resolve(ROOT, '.bench-tmp', 'library-ab');

async function exportFile(
  page: Page,
  dir: string,
  kind: string,
  save: string,
): Promise<{ wall: number; cpu: number; sha: string }> {
  const download = page.waitForEvent('download', { timeout: 600_000 });
  const time = await exportTime(page, dir, kind);
  await (await download).saveAs(save);
  return { ...time, sha: createHash('sha256').update(readFileSync(save)).digest('hex').slice(0, 16) };
}

async function main(): Promise<void> {
  mkdirSync(TMP, { recursive: true });
  const episodes = generate(size, catalogTech());
  const popular = computeFacets(episodes.map(toSummary), DEFAULT_VIEW).tech.map((t) => t.slug);
  const one = { ...DEFAULT_VIEW, tech: [popular[5]!] };
  const three = { ...DEFAULT_VIEW, tech: [popular[0]!, popular[2]!, popular[4]!] };
  const backup = join(TMP, `library-${size}.json`);
  writeFileSync(backup, toBackupJson(episodes, new Date('2026-11-22T00:00:00Z')));
  for (let round = 0; round < rounds; round++) {
    for (const [label, dir] of builds) {
      const session = await launchExtension({ extensionDir: dir });
      try {
        const page = await session.openExtensionPage('library.html');
        if (process.env.AB_CONSOLE) page.on('console', (m) => console.log(label, m.text()));
        if (process.env.AB_CONSOLE) page.on('worker', (w) => console.log(label, 'worker', w.url()));
        await page.locator('[data-stackcast-state="empty"]').waitFor();
        await page.locator('[data-stackcast-import-file]').setInputFiles(backup);
        await page.waitForFunction(
          () => /^Imported /.test(document.querySelector('[data-stackcast-notice]')?.textContent ?? ''),
          null,
          { timeout: 600_000 },
        );
        const imported = (await measures(page, 'import'))[0] ?? NaN;
        const importLoad = loadavg()[0]!.toFixed(2);
        await page.reload();
        await waitForResults(page, size);
        const complete = (await measures(page, 'library-complete'))[0] ?? NaN;
        const view = await timeView(page, one, 9);
        const viewThree = await timeView(page, three, 5);
        await page.evaluate(() => (location.hash = ''));
        await page.waitForFunction(
          (n) =>
            document.querySelector('[data-stackcast-results]')?.getAttribute('data-stackcast-results') ===
            String(n),
          size,
        );
        const markdown: string[] = [];
        let sha = '';
        for (let i = 0; i < 3; i++) {
          const load = loadavg()[0]!.toFixed(2);
          const file = await exportFile(page, dir, 'markdown-technology', join(TMP, `${label}.md`));
          markdown.push(`${file.wall.toFixed(0)} ms (cpu ${file.cpu.toFixed(0)}, load ${load})`);
          sha = file.sha;
        }
        const podcast = await exportFile(page, dir, 'markdown-podcast', join(TMP, `${label}-podcast.md`));
        console.log(
          `round ${round + 1} ${label}: import ${imported.toFixed(0)} ms (load ${importLoad}) | all loaded ${complete.toFixed(0)} ms | filter 1 tech median ${view.commit.median.toFixed(1)} ms (min ${view.commit.min.toFixed(1)}), 3 tech ${viewThree.commit.median.toFixed(1)} ms | markdown ${markdown.join(', ')} sha ${sha} | by podcast ${podcast.wall.toFixed(0)} ms sha ${podcast.sha} | cpu now ${chromiumCpuMs(dir).toFixed(0)}`,
        );
      } finally {
        await session.close();
      }
    }
  }
}

await main();

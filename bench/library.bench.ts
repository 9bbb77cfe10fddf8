// Library benchmark: 1,000 / 10,000 / 100,000 saved episodes in real Chromium IndexedDB (the built extension's
// library page, seeded by importing generated backups, bench/lib/library-chromium.ts), plus the same queries on
// fake-indexeddb and in Node.
import 'fake-indexeddb/auto';
import Dexie from 'dexie';
import { toBackupJson } from '../utils/library/backup';
import { exportLibrary } from '../utils/library/export';
import { toSummary, type SavedEpisode } from '../utils/library/record';
import { applyView, matcher, sortEpisodes } from '../utils/library/query/filter';
import { computeFacets } from '../utils/library/query/facets';
import { DEFAULT_VIEW, type LibraryView } from '../utils/library/query/view';
import { LibraryDatabase } from '../utils/library/db';
import { LibraryService } from '../utils/library/service';
import { parseBackup } from '../utils/library/import';
import { measure, measureAsync, ms, table } from './lib/timing';
import { catalogTech, generate } from './lib/library-data';
import { CHUNK, chromium, ensureBuild, type ChromiumRow } from './lib/library-chromium';

const SIZES = (process.env.STACKCAST_LIBRARY_SIZES ?? '1000,10000,100000').split(',').map(Number);

async function fakeIndexedDb(
  episodes: SavedEpisode[],
  views: { one: LibraryView; three: LibraryView },
): Promise<string[]> {
  const name = `bench-library-${episodes.length}`;
  await Dexie.delete(name);
  const db = new LibraryDatabase(name);
  const service = new LibraryService(db);
  const start = performance.now();
  await service.merge(episodes);
  const importMs = performance.now() - start;
  const load = await measureAsync(() => service.summaries(), { runs: 3, warmup: 0 });
  const summaries = await service.summaries();
  // As the page does: sort once, then each filter is one pass over the sorted summaries.
  const sorted = sortEpisodes(summaries, 'saved', 'desc');
  const one = measure(() => sorted.filter(matcher(views.one)), { runs: 10, warmup: 1 });
  const three = measure(() => sorted.filter(matcher(views.three)), { runs: 10, warmup: 1 });
  db.close();
  await Dexie.delete(name);
  return [String(episodes.length), ms(importMs), ms(load.median), ms(one.median), ms(three.median)];
}

export default async function libraryBench(): Promise<string> {
  const tech = catalogTech();
  const extensionDir = ensureBuild();
  const chromiumRows: ChromiumRow[] = [];
  const nodeRows: string[][] = [];
  const fakeRows: string[][] = [];
  const failures: string[] = [];
  let viewsUsed = '';
  for (const size of SIZES) {
    const episodes = generate(size, tech);
    const stored = episodes.map(toSummary);
    // Filters: a popular technology, three common ones together, and a two-word prefix search.
    const popular = computeFacets(stored, DEFAULT_VIEW).tech.map((t) => t.slug);
    const views = {
      one: { ...DEFAULT_VIEW, tech: [popular[5]!] },
      three: { ...DEFAULT_VIEW, tech: [popular[0]!, popular[2]!, popular[4]!] },
      search: { ...DEFAULT_VIEW, q: 'zero downt' },
    };
    viewsUsed = `one technology \`${views.one.tech.join()}\`; three (all of) \`${views.three.tech.join(', ')}\`; search \`${views.search.q}\``;
    const node = (view: LibraryView) => measure(() => applyView(stored, view), { runs: 20, warmup: 2 });
    const backupText = toBackupJson(episodes.slice(0, Math.min(size, CHUNK)), new Date());
    nodeRows.push([
      String(size),
      ms(node(views.one).median),
      ms(node(views.three).median),
      ms(node(views.search).median),
      ms(measure(() => computeFacets(stored, views.one), { runs: 10, warmup: 1 }).median),
      ms(
        measure(() => exportLibrary('json', episodes, { exportedAt: new Date() }), { runs: 3, warmup: 0 })
          .median,
      ),
      ms(
        measure(() => exportLibrary('markdown-technology', episodes, { exportedAt: new Date() }), {
          runs: 3,
          warmup: 0,
        }).median,
      ),
      ms(measure(() => parseBackup(backupText), { runs: 3, warmup: 0 }).median) +
        (size > CHUNK ? ` (${CHUNK.toLocaleString('en')})` : ''),
    ]);
    if (size <= 10_000) fakeRows.push(await fakeIndexedDb(episodes, views));
    console.log(`bench library: ${size} in Chromium …`);
    try {
      chromiumRows.push(await chromium(size, episodes, views, extensionDir));
    } catch (error) {
      // One size failing (e.g. memory at 100,000) must not lose the others' results.
      failures.push(
        `${size.toLocaleString('en')} episodes in Chromium failed: ${(error as Error).message.split('\n')[0]}`,
      );
    }
  }

  const target = (value: number, limit: number) =>
    `${ms(value)} ${value <= limit ? '✅' : '❌'} (≤ ${limit} ms)`;
  return [
    '## library',
    '',
    'Saved-episode library (issue 4). Episodes generated from the technology catalog with a popularity skew:',
    '12–18 chapters and 8–12 technologies each (tests/unit/library/generate.ts, seeded). Views: ' +
      viewsUsed +
      '.',
    '',
    '### Real Chromium IndexedDB (built extension, library.html)',
    '',
    'Seeded by importing generated JSON backups through the page (files of at most 25,000 episodes, the 100 MB',
    "import limit). Times come from the page's own `performance.measure` entries: *view* = URL hash change →",
    'filtered, faceted list committed (median of several runs; "+frame" adds the next animation frame);',
    '*first render* = navigation start → first screen of episodes committed (median of 3 reloads); *all loaded* =',
    'navigation start → every summary loaded with facets; export = click → file ready (reading the full records',
    'included). *(cpu)* = CPU time of all Chromium processes meanwhile (page, IndexedDB backend, GPU; from',
    '/proc), which machine load does not inflate; *load avg* = 1-minute load average when the size started.',
    'Views also give the fastest run (min), the closest to an idle machine.',
    '',
    table(
      [
        'episodes',
        'load avg',
        'backup size',
        'import (cpu)',
        'first render',
        'all loaded',
        'filter 1 tech',
        'filter 3 tech',
        'text search',
        'export JSON (cpu)',
        'export Markdown (cpu)',
      ],
      chromiumRows.map((r) => [
        r.size.toLocaleString('en'),
        r.load,
        `${r.fileMb.toFixed(1)} MB`,
        (r.size === 10_000 ? target(r.importMs, 3_000) : ms(r.importMs)) + ` (${ms(r.importCpu)})`,
        r.size === 10_000 ? target(r.firstRender.median, 300) : ms(r.firstRender.median),
        ms(r.complete.median),
        (r.size === 10_000 ? target(r.one.commit.median, 20) : ms(r.one.commit.median)) +
          ` (min ${ms(r.one.commit.min)}; +frame ${ms(r.one.frame.median)}; ${r.one.results} hits)`,
        (r.size === 10_000 ? target(r.three.commit.median, 50) : ms(r.three.commit.median)) +
          ` (min ${ms(r.three.commit.min)}; +frame ${ms(r.three.frame.median)}; ${r.three.results} hits)`,
        (r.size === 10_000 ? target(r.search.commit.median, 100) : ms(r.search.commit.median)) +
          ` (min ${ms(r.search.commit.min)}; +frame ${ms(r.search.frame.median)}; ${r.search.results} hits)`,
        (r.size === 10_000 ? target(r.exportJson.wall, 1_000) : ms(r.exportJson.wall)) +
          ` (${ms(r.exportJson.cpu)})`,
        (r.size === 10_000 ? target(r.exportMarkdown.wall, 1_000) : ms(r.exportMarkdown.wall)) +
          ` (${ms(r.exportMarkdown.cpu)})`,
      ]),
    ),
    ...(failures.length ? ['', ...failures.map((f) => `- ${f}`)] : []),
    '',
    '### The same work in Node (pure functions, no DOM)',
    '',
    table(
      [
        'episodes',
        'filter 1 tech',
        'filter 3 tech',
        'text search',
        'facets',
        'export JSON',
        'export Markdown',
        'validate backup',
      ],
      nodeRows,
    ),
    '',
    '### fake-indexeddb (Node): version-5 shelves of records and of summaries, filtered in memory',
    '',
    table(
      [
        'episodes',
        'merge (import) in one transaction',
        'load all summaries',
        'filter 1 tech (sorted summaries)',
        'filter 3 tech (all of)',
      ],
      fakeRows,
    ),
  ].join('\n');
}

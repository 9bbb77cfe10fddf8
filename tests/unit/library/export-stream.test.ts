// Streamed exports (a slice of full records at a time, into a Blob) are byte for byte the synchronous ones.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { exportLibrary, LIBRARY_EXPORTS, type LibraryExportKind } from '@/utils/library/export';
import { streamLibraryExport } from '@/utils/library/export/stream';
import type { SavedEpisode } from '@/utils/library/record';
import { episodeBackupText } from '@/utils/library/export/backup';
import { makeSaved } from './generate';

const exportedAt = new Date('2026-11-22T10:00:00.000Z');
const episodes: SavedEpisode[] = [
  ...Array.from({ length: 23 }, (_, i) => makeSaved(i + 1)),
  // One with nothing to link or group by, and one with text that needs escaping.
  { ...makeSaved(40), url: null, audioUrl: null, podcast: null, tech: [], chapters: [] },
  { ...makeSaved(41), title: '=SUM(A1) <b>&</b> [x](y)', notes: 'line one\nline two, "quoted"' },
];

/** A reader like LibraryService.recordTexts: backup texts in slices of 4, ids it does not know skipped. */
function reader(list: readonly SavedEpisode[]) {
  const byId = new Map(list.map((e) => [e.id, e]));
  return async function* (ids: readonly string[]) {
    for (let start = 0; start < ids.length; start += 4) {
      yield ids.slice(start, start + 4).flatMap((id) => (byId.has(id) ? [episodeBackupText(byId.get(id)!)] : []));
    }
  };
}

describe('streamLibraryExport', () => {
  const kinds = Object.keys(LIBRARY_EXPORTS) as LibraryExportKind[];
  it.each(kinds)('%s matches exportLibrary for many slices, one episode and none', async (kind) => {
    for (const list of [episodes, episodes.slice(0, 1), []]) {
      const options = { exportedAt, technologies: kind === 'markdown-technology' ? [list[0]?.tech[0]?.slug ?? 'x'] : undefined };
      const expected = exportLibrary(kind, list, options);
      const streamed = await streamLibraryExport(kind, [...list.map((e) => e.id), 'https://example.com/removed'], reader(list), options);
      expect(await streamed.blob.text()).toBe(expected.text);
      expect(streamed.name).toBe(expected.name);
      expect(streamed.count).toBe(list.length);
      expect(streamed.blob.type).toBe(`${expected.type};charset=utf-8`);
    }
  });
});

describe('streamed Markdown reading list', () => {
  // Any text (lone surrogates, controls, markup), repeated and duplicated technologies, shared podcasts:
  // the byte writer must give exactly the string reading list's UTF-8 bytes.
  const text = fc.string({ unit: 'binary', maxLength: 30 });
  const episode = fc
    .record({
      n: fc.integer({ min: 1, max: 10_000 }),
      title: fc.option(text),
      podcast: fc.option(fc.constantFrom('Running in Production', 'Ship It', ' Ship  It ', 'Ĉu <b>?</b>')),
      notes: text,
      tags: fc.array(fc.constantFrom('infra', 'later', 'été'), { maxLength: 2 }),
      chapterTitles: fc.array(text, { maxLength: 4 }),
      duplicateTech: fc.boolean(),
    })
    .map(({ n, title, podcast, notes, tags, chapterTitles, duplicateTech }): SavedEpisode => {
      const base = makeSaved(n);
      const chapters = chapterTitles.map((t, i) => ({ start: i * 60, title: t }));
      return { ...base, title, podcast, notes, tags, chapters, tech: duplicateTech ? [...base.tech, base.tech[0]!] : base.tech };
    });
  const library = fc.uniqueArray(episode, { selector: (e) => e.id, maxLength: 12 });

  it('equals toReadingList for any episodes, grouped either way, with or without a technology filter', async () => {
    await fc.assert(
      fc.asyncProperty(library, fc.constantFrom<LibraryExportKind>('markdown-technology', 'markdown-podcast'), fc.boolean(), async (list, kind, filter) => {
        const options = { exportedAt, technologies: filter ? list.slice(0, 2).flatMap((e) => e.tech.slice(0, 1).map((t) => t.slug)) : undefined };
        const expected = exportLibrary(kind, list, options).text;
        const streamed = await streamLibraryExport(kind, list.map((e) => e.id), reader(list), options);
        expect(new Uint8Array(await streamed.blob.arrayBuffer())).toEqual(new TextEncoder().encode(expected));
      }),
      { numRuns: 150 },
    );
  });
});

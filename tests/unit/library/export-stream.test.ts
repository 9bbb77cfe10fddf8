// Streamed exports (a slice of full records at a time, into a Blob) are byte for byte the synchronous ones.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { exportLibrary, LIBRARY_EXPORTS, type LibraryExportKind } from '@/utils/library/export';
import { streamLibraryExport } from '@/utils/library/export/stream';
import type { SavedEpisode } from '@/utils/library/record';
import { episodeBackupText } from '@/utils/library/backup';
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
      yield ids
        .slice(start, start + 4)
        .flatMap((id) => (byId.has(id) ? [episodeBackupText(byId.get(id)!)] : []));
    }
  };
}

describe('streamLibraryExport', () => {
  const kinds = Object.keys(LIBRARY_EXPORTS) as LibraryExportKind[];
  it.each(kinds)('%s matches exportLibrary for many slices, one episode and none', async (kind) => {
    for (const list of [episodes, episodes.slice(0, 1), []]) {
      const options = {
        exportedAt,
        technologies: kind === 'markdown-technology' ? [list[0]?.tech[0]?.slug ?? 'x'] : undefined,
      };
      const expected = exportLibrary(kind, list, options);
      const streamed = await streamLibraryExport(
        kind,
        [...list.map((e) => e.id), 'https://example.com/removed'],
        reader(list),
        options,
      );
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
      // The same slug under another name or category: a group's title comes from its first episode.
      renameTech: fc.boolean(),
    })
    .map(({ n, title, podcast, notes, tags, chapterTitles, duplicateTech, renameTech }): SavedEpisode => {
      const base = makeSaved(n);
      const chapters = chapterTitles.map((t, i) => ({ start: i * 60, title: t }));
      const tech = renameTech
        ? [{ ...base.tech[0]!, name: `Renamed ${n}` }, ...base.tech.slice(1)]
        : base.tech;
      return {
        ...base,
        title,
        podcast,
        notes,
        tags,
        chapters,
        tech: duplicateTech ? [...tech, { ...tech[0]!, name: 'Second mention' }] : tech,
      };
    });
  const library = fc.uniqueArray(episode, { selector: (e) => e.id, maxLength: 12 });

  /** Like LibraryService.recordTextsByShelf: texts with their positions, in a shuffled order, in batches of 3. */
  function unorderedReader(list: readonly SavedEpisode[], order: number[]) {
    const byId = new Map(list.map((e) => [e.id, e]));
    return async function* (ids: readonly string[]) {
      const present = ids.flatMap((id, position) =>
        byId.has(id) ? [{ position, text: episodeBackupText(byId.get(id)!) }] : [],
      );
      const shuffled = present
        .map((item, i) => ({ item, key: order[i % order.length]! + i / 1e6 }))
        .sort((a, b) => a.key - b.key)
        .map((x) => x.item);
      for (let start = 0; start < shuffled.length; start += 3) {
        const batch = shuffled.slice(start, start + 3);
        yield { positions: batch.map((x) => x.position), texts: batch.map((x) => x.text) };
      }
    };
  }

  it('equals toReadingList for any episodes, grouped either way, with or without a technology filter, read in order or not', async () => {
    await fc.assert(
      fc.asyncProperty(
        library,
        fc.constantFrom<LibraryExportKind>('markdown-technology', 'markdown-podcast'),
        fc.boolean(),
        fc.option(fc.array(fc.nat(100), { minLength: 1 })),
        async (list, kind, filter, order) => {
          const technologies = filter
            ? list.slice(0, 2).flatMap((e) => e.tech.slice(0, 1).map((t) => t.slug))
            : undefined;
          const expected = exportLibrary(kind, list, { exportedAt, technologies }).text;
          // A removed id among them: skipped by both readers.
          const ids = [...list.map((e) => e.id)];
          ids.splice(Math.floor(ids.length / 2), 0, 'https://example.com/removed');
          const options = {
            exportedAt,
            technologies,
            readAnyOrder: order ? unorderedReader(list, order) : undefined,
          };
          const streamed = await streamLibraryExport(kind, ids, reader(list), options);
          expect(streamed.count).toBe(list.length);
          expect(new Uint8Array(await streamed.blob.arrayBuffer())).toEqual(
            new TextEncoder().encode(expected),
          );
        },
      ),
      { numRuns: 200 },
    );
  });
});

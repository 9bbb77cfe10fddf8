// The byte writer's own escaping and store handling give exactly toReadingList's UTF-8 bytes.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { toReadingList, type ReadingListOptions } from '@/utils/export/reading-list';
import { assembleReadingList, ReadingListBytes } from '@/utils/library/export/reading-list-bytes';
import type { SavedEpisode } from '@/utils/library/record';
import { makeSaved } from './generate';

const exportedAt = new Date('2026-11-22T10:00:00.000Z');

async function bytesOf(episodes: readonly SavedEpisode[], options: ReadingListOptions): Promise<Uint8Array> {
  const writer = new ReadingListBytes(options);
  for (const episode of episodes) writer.add(episode);
  return new Uint8Array(await new Blob([...writer.parts()]).arrayBuffer());
}

describe('ReadingListBytes', () => {
  // Chapter titles of Markdown-significant pieces: leading digits before '.' or ')', leading '-' or '=',
  // every escaped character, non-ASCII (one unit and surrogate pairs) before and after them.
  const piece = fc.constantFrom(
    '1',
    '42',
    '.',
    ')',
    '-',
    '=',
    '\\',
    '`',
    '*',
    '_',
    '{',
    '}',
    '[',
    ']',
    '(',
    ')',
    '<',
    '>',
    '#',
    '+',
    '!',
    '|',
    '~',
    '&',
    'a',
    ' ',
    'é',
    '😀',
    'x.y',
    'https://',
    'www.',
    '@',
  );
  const title = fc.array(piece, { maxLength: 8 }).map((parts) => parts.join(''));

  it('writes chapter titles as the string writer does, whatever they start with', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.array(title, { maxLength: 5 }), { minLength: 1, maxLength: 6 }),
        async (titles) => {
          const episodes = titles.map((chapterTitles, i) => ({
            ...makeSaved(i + 1),
            chapters: chapterTitles.map((t, c) => ({ start: c * 75, title: t })),
          }));
          const options: ReadingListOptions = { groupBy: 'technology', exportedAt };
          expect(
            Buffer.compare(
              await bytesOf(episodes, options),
              new TextEncoder().encode(toReadingList(episodes, options)),
            ),
          ).toBe(0);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('keeps each episode whole across its megabyte stores', async () => {
    // ~3 MB of chapter lines: entries begun near the end of a store move into the next.
    const episodes = Array.from({ length: 300 }, (_, i) => ({
      ...makeSaved(i + 1),
      chapters: Array.from({ length: 100 }, (_, c) => ({
        start: c * 61 + i,
        title: `Part ${c} of ${i}: deploys (and “rollbacks”) ${'é'.repeat(i % 7)}`,
      })),
    }));
    for (const groupBy of ['technology', 'podcast'] as const) {
      const options: ReadingListOptions = { groupBy, exportedAt };
      const bytes = await bytesOf(episodes, options);
      const expected = new TextEncoder().encode(toReadingList(episodes, options));
      expect(bytes.length).toBeGreaterThan(3_000_000);
      // Compared natively: an element-by-element toEqual of megabytes takes minutes.
      expect(Buffer.compare(bytes, expected)).toBe(0);
    }
  });

  it('copies the file into parts whole, whatever the part size', async () => {
    // Headings repeated under each technology; parts smaller than an episode's details take the span whole.
    const episodes = Array.from({ length: 300 }, (_, i) => ({
      ...makeSaved(i + 1),
      title: `Episode ${i}: deploys, rollbacks and “canaries” ${'x'.repeat(i % 300)}`,
      chapters: Array.from({ length: 20 }, (_, c) => ({ start: c * 61 + i, title: `Part ${c} of ${i}` })),
    }));
    const options: ReadingListOptions = { groupBy: 'technology', exportedAt };
    const expected = new TextEncoder().encode(toReadingList(episodes, options));
    for (const partBytes of [256, 1_000, 64 * 1024, expected.length - 1, expected.length]) {
      const writers = [new ReadingListBytes(options), new ReadingListBytes(options)];
      episodes.forEach((episode, position) => writers[position % 2]!.add(episode, position));
      const shards = writers.map((writer) => writer.shard());
      const blobs = [...assembleReadingList(shards, options, partBytes)];
      expect(blobs.length > 1).toBe(partBytes < expected.length);
      const bytes = new Uint8Array(await new Blob(blobs).arrayBuffer());
      expect(Buffer.compare(bytes, expected)).toBe(0);
    }
  });

  it('assembles shards of writers given any share of the positions into the same bytes', async () => {
    // Few technologies under two names each, so groups span shards and the name a group's lowest position
    // gives it may be in any shard; every seventh episode has none.
    const names: [string, string[]][] = [
      ['go', ['Go', 'Golang']],
      ['aws', ['AWS', 'Amazon Web Services']],
      ['redis', ['Redis']],
    ];
    const episodes = Array.from({ length: 40 }, (_, i) => ({
      ...makeSaved(i + 1),
      tech: names
        .filter((_, t) => i % 7 !== 0 && (i + t) % 3 !== 0)
        .map(([slug, spellings], t) => ({
          slug,
          name: spellings[(i >> t) % spellings.length]!,
          category: 'other' as const,
          source: 'list' as const,
        })),
    }));
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.nat(2), { minLength: episodes.length, maxLength: episodes.length }),
        fc.constantFrom<ReadingListOptions['groupBy']>('technology', 'podcast'),
        fc.boolean(),
        async (shardOf, groupBy, reversed) => {
          const options: ReadingListOptions = { groupBy, exportedAt };
          const writers = [0, 1, 2].map(() => new ReadingListBytes(options));
          const order = episodes.map((_, i) => i);
          if (reversed) order.reverse();
          for (const position of order) writers[shardOf[position]!]!.add(episodes[position]!, position);
          const shards = writers.map((writer) => writer.shard());
          const bytes = new Uint8Array(
            await new Blob([...assembleReadingList(shards, options)]).arrayBuffer(),
          );
          expect(Buffer.compare(bytes, new TextEncoder().encode(toReadingList(episodes, options)))).toBe(0);
        },
      ),
      { numRuns: 100 },
    );
  });
});

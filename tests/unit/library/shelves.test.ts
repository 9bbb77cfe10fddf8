// Shelves of full records: the id → shelf hash is fixed (stored format), writes replace and remove in place.
import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import {
  SHELF_COUNT,
  parseStored,
  readAllRecordTexts,
  readRecordTexts,
  shelfOf,
  storedRecord,
  writeShelves,
} from '@/utils/library/shelves';
import { makeSaved } from './generate';
import { freshDatabase } from './fresh-db';

const freshDb = () => freshDatabase();

describe('shelfOf', () => {
  it('is the stored format: these ids stay on these shelves', () => {
    // Pinned: a change here strands every stored record on the wrong shelf unless a schema upgrade moves them.
    expect(
      [
        '',
        'a',
        'https://runninginproduction.com/podcast/1-episode-1',
        'urn:uuid:5f1c2e4a',
        'https://example.com/é',
      ].map(shelfOf),
    ).toEqual([68, 200, 193, 142, 238]);
  });

  it('spreads ids over every shelf', () => {
    const used = new Set(
      Array.from({ length: 5_000 }, (_, i) => shelfOf(`https://example.com/episodes/${i}`)),
    );
    expect(used.size).toBe(SHELF_COUNT);
  });
});

describe('writeShelves', () => {
  it('replaces a record in place, removes ids, and deletes a shelf left empty', async () => {
    const db = freshDb();
    const episodes = Array.from({ length: 30 }, (_, i) => makeSaved(i + 1));
    await db.transaction('rw', db.shelves, () => writeShelves(db.shelves, episodes.map(storedRecord)));
    const edited = { ...episodes[3]!, notes: 'changed' };
    // 30 ids on 256 shelves: some shelf holds one record only (these ids give several).
    const alone = episodes
      .slice(6)
      .find((e) => episodes.filter((o) => shelfOf(o.id) === shelfOf(e.id)).length === 1)!;
    await db.transaction('rw', db.shelves, () =>
      writeShelves(db.shelves, [storedRecord(edited)], [episodes[5]!.id, alone.id]),
    );

    const texts = await readRecordTexts(
      db.shelves,
      episodes.map((e) => e.id),
    );
    expect(texts.size).toBe(28);
    expect(parseStored(texts.get(edited.id)!)).toEqual(edited);
    expect(texts.has(episodes[5]!.id)).toBe(false);
    expect(await db.shelves.get(shelfOf(alone.id))).toBeUndefined();
    const all = await readAllRecordTexts(db.shelves);
    expect(new Set(all.map((r) => r.id)).size).toBe(all.length);
  });
});

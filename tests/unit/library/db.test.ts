// The Dexie schema: version 5's shelves of records and of summaries, the upgrades from versions 1 to 4 that fill them, and
// version 6's, which brings every stored record within the limits its backup import checks.
import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import Dexie from 'dexie';
import {
  LIBRARY_SCHEMA_VERSION,
  LibraryDatabase,
  SCHEMA_V1,
  SCHEMA_V2,
  SCHEMA_V3,
  SCHEMA_V4,
} from '@/utils/library/db';
import { toSaved, toSummary, type EpisodeSummary } from '@/utils/library/record';
import { summaryText, writeSummaries } from '@/utils/library/summary-shelves';
import { storedRecord, writeShelves } from '@/utils/library/shelves';
import { importBackup } from '@/utils/library/import';
import { toBackupJson } from '@/utils/library/backup';
import { newestFirst, NEWEST_KEPT } from '@/utils/library/summary-shelves';
import { LibraryService } from '@/utils/library/service';
import { episodeBackupText } from '@/utils/library/backup';
import { SHELF_COUNT, shelfOf } from '@/utils/library/shelves';
import { makeSaved } from './generate';
import { withChapterTech } from '@/utils/library/chapter-tech-upgrade';

let counter = 0;
const names: string[] = [];
function freshName() {
  const name = `library-db-test-${++counter}`;
  names.push(name);
  return name;
}
async function summariesById(db: LibraryDatabase): Promise<Map<string, EpisodeSummary>> {
  return new Map((await new LibraryService(db).summaries()).map((s) => [s.id, s]));
}
afterEach(async () => {
  for (const name of names.splice(0)) await Dexie.delete(name);
});

describe('version 6', () => {
  it('brings the records a version-5 library stored past the limits within them, so its backup restores', async () => {
    const name = freshName();
    const v5 = new Dexie(name);
    v5.version(5).stores({ shelves: 'key', summaryShelves: 'key', newest: 'key' });
    // What version 5 could store: 100 tags from two imports, a date of any form, chapters out of order.
    const overfull = {
      ...makeSaved(1),
      tags: Array.from({ length: 100 }, (_, i) => `tag-${i}`),
      date: 'last Tuesday',
      chapters: [
        { start: 60, title: 'B' },
        { start: 0, title: 'A' },
      ],
    };
    const fine = makeSaved(2);
    await v5.transaction('rw', v5.tables, async () => {
      await writeShelves(v5.table('shelves'), [overfull, fine].map(storedRecord));
      await writeSummaries(
        { summaryShelves: v5.table('summaryShelves'), newest: v5.table('newest') },
        [overfull, fine].map((e) => summaryText(toSummary(e))),
      );
    });
    const before = (await v5.table('shelves').toArray()) as { ids: string[]; texts: string[] }[];
    const untouched = before.find((shelf) => shelf.ids.includes(fine.id))!.texts[shelfIndex(fine.id, before)];
    v5.close();

    const db = new LibraryDatabase(name);
    const library = new LibraryService(db);
    const records = await library.all();
    const fitted = records.find((e) => e.id === overfull.id)!;
    expect(fitted.tags).toEqual(overfull.tags.slice(0, 50));
    expect(fitted.date).toBeNull();
    expect(fitted.chapters).toEqual([
      { start: 0, title: 'A', tech: [] },
      { start: 60, title: 'B', tech: [] },
    ]);
    expect((await summariesById(db)).get(overfull.id)!.tags).toEqual(fitted.tags);
    expect(records.find((e) => e.id === fine.id)).toEqual(withChapterTech(fine));
    const after = await db.shelves.toArray();
    // A record that fits is not rewritten by version 6: the same text, but for the chapter technologies of version 7.
    expect(after.find((shelf) => shelf.ids.includes(fine.id))!.texts[shelfIndex(fine.id, after)]).toBe(
      episodeBackupText(withChapterTech(JSON.parse(untouched!) as typeof fine)),
    );
    const copy = new LibraryDatabase(freshName());
    const backup = toBackupJson(records, new Date('2026-11-22T10:00:00.000Z'));
    expect(await importBackup(new Blob([backup]), new LibraryService(copy))).toEqual({
      added: 2,
      updated: 0,
      unchanged: 0,
    });
    db.close();
    copy.close();
  });
});

/** Where an id sits on its shelf. */
function shelfIndex(id: string, shelves: { ids: string[] }[]): number {
  return shelves.find((shelf) => shelf.ids.includes(id))!.ids.indexOf(id);
}

describe('LibraryDatabase', () => {
  it('opens at version 8 with shelves of full records, shelves of summaries, the newest row, saved chapters and the sync tables', async () => {
    const db = new LibraryDatabase(freshName());
    await db.open();
    expect(db.verno).toBe(LIBRARY_SCHEMA_VERSION);
    expect(db.tables.map((t) => t.name).sort()).toEqual([
      'newest',
      'savedChapters',
      'shelves',
      'summaryShelves',
      'syncChanges',
      'syncRecords',
      'syncState',
    ]);
    // Filtering is in memory: no index slows every write down.
    for (const table of db.tables) expect(Object.values(table.schema.idxByName)).toEqual([]);
    db.close();
  });

  it('keeps each record as its backup text on the shelf its id hashes to', async () => {
    const db = new LibraryDatabase(freshName());
    const library = new LibraryService(db);
    const episodes = Array.from({ length: 40 }, (_, i) => makeSaved(i + 1));
    await library.merge(episodes);
    const shelves = await db.shelves.toArray();
    expect(shelves.reduce((n, s) => n + s.ids.length, 0)).toBe(40);
    for (const shelf of shelves) {
      expect(shelf.key).toBeGreaterThanOrEqual(0);
      expect(shelf.key).toBeLessThan(SHELF_COUNT);
      shelf.ids.forEach((id, i) => {
        expect(shelfOf(id)).toBe(shelf.key);
        expect(shelf.texts[i]).toBe(episodeBackupText(episodes.find((e) => e.id === id)!));
      });
    }
    // 40 ids spread over more than a handful of shelves (the hash is not degenerate).
    expect(shelves.length).toBeGreaterThan(20);
    db.close();
  });

  it('upgrades version-1 records: summaries computed, listener data untouched', async () => {
    const name = freshName();
    const v1 = new Dexie(name);
    v1.version(1).stores(SCHEMA_V1);
    const old = [makeSaved(1), { ...makeSaved(2), notes: 'Café and Kubernetes' }];
    // Version 1 stored the export shape, without derived fields; one record even lacks tags.
    const legacy = old.map((e, i) => (i === 1 ? (({ tags: _t, ...rest }) => rest)(e) : e));
    await v1.table('episodes').bulkAdd(legacy);
    v1.close();

    const db = new LibraryDatabase(name);
    const upgraded = await new LibraryService(db).all();
    expect(upgraded).toHaveLength(2);
    expect(upgraded.find((e) => e.id === old[0]!.id)).toEqual(withChapterTech(old[0]!));
    expect(db.verno).toBe(LIBRARY_SCHEMA_VERSION);
    expect(upgraded.find((e) => e.id === old[1]!.id)!.tags).toEqual([]);
    const summaries = await summariesById(db);
    const summary = summaries.get(old[1]!.id);
    expect(summary?.techSlugs).toEqual(old[1]!.tech.map((t) => t.slug));
    expect(summary?.searchText).toContain(' cafe and kubernetes');
    expect(summaries.get(old[0]!.id)).toEqual(toSummary(old[0]!));
    expect(await db.newest.get(0)).toEqual({
      key: 0,
      total: 2,
      summaries: [...summaries.values()].sort(newestFirst),
    });
    db.close();
  });

  it('upgrades version-2 records: derived fields move to the summaries, records keep the saved episode only', async () => {
    const name = freshName();
    const v2 = new Dexie(name);
    v2.version(1).stores(SCHEMA_V1);
    v2.version(2).stores(SCHEMA_V2);
    const old = [makeSaved(3), makeSaved(4), makeSaved(5)];
    const summaries = old.map(toSummary);
    await v2.table('episodes').bulkAdd(
      old.map((e, i) => ({
        ...e,
        techSlugs: summaries[i]!.techSlugs,
        searchText: summaries[i]!.searchText,
      })),
    );
    v2.close();

    const db = new LibraryDatabase(name);
    expect(await new LibraryService(db).all()).toEqual(
      [...old].sort((a, b) => (a.id < b.id ? -1 : 1)).map((e) => withChapterTech(toSaved(e))),
    );
    expect((await db.newest.get(0))?.summaries.map((s) => s.id)).toEqual([
      old[2]!.id,
      old[1]!.id,
      old[0]!.id,
    ]);
    expect((await summariesById(db)).get(old[1]!.id)).toEqual(summaries[1]);
    db.close();
  });

  it('upgrades version-3 records onto shelves: same records, same summaries, old table gone', async () => {
    const name = freshName();
    const v3 = new Dexie(name);
    v3.version(1).stores(SCHEMA_V1);
    v3.version(2).stores(SCHEMA_V2);
    v3.version(3).stores(SCHEMA_V3);
    const old = [
      makeSaved(6),
      { ...makeSaved(7), notes: 'Edited "here"', tags: ['infra'], rating: 4 },
      makeSaved(8),
    ];
    await v3.table('episodes').bulkAdd(old);
    await v3.table('summaries').bulkAdd(old.map(toSummary));
    v3.close();

    const db = new LibraryDatabase(name);
    const library = new LibraryService(db);
    expect(await library.all()).toEqual([...old].sort((a, b) => (a.id < b.id ? -1 : 1)).map(withChapterTech));
    expect(await library.get(old[1]!.id)).toEqual(withChapterTech(old[1]!));
    expect((await summariesById(db)).get(old[1]!.id)).toEqual(toSummary(old[1]!));
    expect(db.tables.map((t) => t.name).sort()).toEqual([
      'newest',
      'savedChapters',
      'shelves',
      'summaryShelves',
      'syncChanges',
      'syncRecords',
      'syncState',
    ]);
    db.close();
  });

  it('upgrades version-4 summaries onto summary shelves: same summaries, newest row and total, old table gone', async () => {
    const name = freshName();
    const v4 = new Dexie(name);
    v4.version(1).stores(SCHEMA_V1);
    v4.version(2).stores(SCHEMA_V2);
    v4.version(3).stores(SCHEMA_V3);
    v4.version(4).stores(SCHEMA_V4);
    // More than the newest row keeps, so the row is the newest few only.
    const old = Array.from({ length: NEWEST_KEPT + 30 }, (_, i) => ({
      ...makeSaved(i + 1),
      savedAt: new Date(Date.UTC(2026, 0, 1, 0, i % 97)).toISOString(),
    }));
    const shelves = new Map<number, { key: number; ids: string[]; texts: string[] }>();
    for (const e of old) {
      const key = shelfOf(e.id);
      const shelf = shelves.get(key) ?? { key, ids: [], texts: [] };
      shelf.ids.push(e.id);
      shelf.texts.push(episodeBackupText(e));
      shelves.set(key, shelf);
    }
    await v4.table('shelves').bulkAdd([...shelves.values()]);
    await v4.table('summaries').bulkAdd(old.map(toSummary));
    v4.close();

    const db = new LibraryDatabase(name);
    const library = new LibraryService(db);
    const expected = old.map(toSummary).sort((a, b) => (a.id < b.id ? -1 : 1));
    expect(await library.summaries()).toEqual(expected);
    expect(await db.newest.get(0)).toEqual({
      key: 0,
      total: old.length,
      summaries: [...expected].sort(newestFirst).slice(0, NEWEST_KEPT),
    });
    expect(await library.all()).toEqual([...old].sort((a, b) => (a.id < b.id ? -1 : 1)).map(withChapterTech));
    expect(db.tables.map((t) => t.name).sort()).toEqual([
      'newest',
      'savedChapters',
      'shelves',
      'summaryShelves',
      'syncChanges',
      'syncRecords',
      'syncState',
    ]);
    db.close();
  });
});

// The Dexie schema: version 5's shelves of records and of summaries, and the upgrades from versions 1 to 4 that fill them.
import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import Dexie from 'dexie';
import { LibraryDatabase, SCHEMA_V1, SCHEMA_V2, SCHEMA_V3, SCHEMA_V4 } from '@/utils/library/db';
import { toSaved, toSummary, type EpisodeSummary } from '@/utils/library/record';
import { newestFirst, NEWEST_KEPT } from '@/utils/library/summary-shelves';
import { LibraryService } from '@/utils/library/service';
import { episodeBackupText } from '@/utils/library/export/backup';
import { SHELF_COUNT, shelfOf } from '@/utils/library/shelves';
import { makeSaved } from './generate';

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

describe('LibraryDatabase', () => {
  it('opens at version 5 with shelves of full records, shelves of summaries and the newest row', async () => {
    const db = new LibraryDatabase(freshName());
    await db.open();
    expect(db.verno).toBe(5);
    expect(db.tables.map((t) => t.name).sort()).toEqual(['newest', 'shelves', 'summaryShelves']);
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
    expect(upgraded.find((e) => e.id === old[0]!.id)).toEqual(old[0]);
    expect(db.verno).toBe(5);
    expect(upgraded.find((e) => e.id === old[1]!.id)!.tags).toEqual([]);
    const summaries = await summariesById(db);
    const summary = summaries.get(old[1]!.id);
    expect(summary?.techSlugs).toEqual(old[1]!.tech.map((t) => t.slug));
    expect(summary?.searchText).toContain(' cafe and kubernetes');
    expect(summaries.get(old[0]!.id)).toEqual(toSummary(old[0]!));
    expect(await db.newest.get(0)).toEqual({ key: 0, total: 2, summaries: [...summaries.values()].sort(newestFirst) });
    db.close();
  });

  it('upgrades version-2 records: derived fields move to the summaries, records keep the saved episode only', async () => {
    const name = freshName();
    const v2 = new Dexie(name);
    v2.version(1).stores(SCHEMA_V1);
    v2.version(2).stores(SCHEMA_V2);
    const old = [makeSaved(3), makeSaved(4), makeSaved(5)];
    const summaries = old.map(toSummary);
    await v2.table('episodes').bulkAdd(old.map((e, i) => ({ ...e, techSlugs: summaries[i]!.techSlugs, searchText: summaries[i]!.searchText })));
    v2.close();

    const db = new LibraryDatabase(name);
    expect(await new LibraryService(db).all()).toEqual([...old].sort((a, b) => (a.id < b.id ? -1 : 1)).map(toSaved));
    expect((await db.newest.get(0))?.summaries.map((s) => s.id)).toEqual([old[2]!.id, old[1]!.id, old[0]!.id]);
    expect((await summariesById(db)).get(old[1]!.id)).toEqual(summaries[1]);
    db.close();
  });

  it('upgrades version-3 records onto shelves: same records, same summaries, old table gone', async () => {
    const name = freshName();
    const v3 = new Dexie(name);
    v3.version(1).stores(SCHEMA_V1);
    v3.version(2).stores(SCHEMA_V2);
    v3.version(3).stores(SCHEMA_V3);
    const old = [makeSaved(6), { ...makeSaved(7), notes: 'Edited "here"', tags: ['infra'], rating: 4 }, makeSaved(8)];
    await v3.table('episodes').bulkAdd(old);
    await v3.table('summaries').bulkAdd(old.map(toSummary));
    v3.close();

    const db = new LibraryDatabase(name);
    const library = new LibraryService(db);
    expect(await library.all()).toEqual([...old].sort((a, b) => (a.id < b.id ? -1 : 1)));
    expect(await library.get(old[1]!.id)).toEqual(old[1]);
    expect((await summariesById(db)).get(old[1]!.id)).toEqual(toSummary(old[1]!));
    expect(db.tables.map((t) => t.name).sort()).toEqual(['newest', 'shelves', 'summaryShelves']);
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
    const old = Array.from({ length: NEWEST_KEPT + 30 }, (_, i) => ({ ...makeSaved(i + 1), savedAt: new Date(Date.UTC(2026, 0, 1, 0, i % 97)).toISOString() }));
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
    expect(await db.newest.get(0)).toEqual({ key: 0, total: old.length, summaries: [...expected].sort(newestFirst).slice(0, NEWEST_KEPT) });
    expect(await library.all()).toEqual([...old].sort((a, b) => (a.id < b.id ? -1 : 1)));
    expect(db.tables.map((t) => t.name).sort()).toEqual(['newest', 'shelves', 'summaryShelves']);
    db.close();
  });
});

// The Dexie schema: version 4's shelves and summaries, and the upgrades from versions 1, 2 and 3 that fill them.
import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import Dexie from 'dexie';
import { LibraryDatabase, SCHEMA_V1, SCHEMA_V2, SCHEMA_V3 } from '@/utils/library/db';
import { toSaved, toSummary } from '@/utils/library/record';
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
afterEach(async () => {
  for (const name of names.splice(0)) await Dexie.delete(name);
});

describe('LibraryDatabase', () => {
  it('opens at version 4 with shelves of full records and summaries indexed by saved date', async () => {
    const db = new LibraryDatabase(freshName());
    await db.open();
    expect(db.verno).toBe(4);
    expect(db.tables.map((t) => t.name).sort()).toEqual(['shelves', 'summaries']);
    expect(db.summaries.schema.idxByName.savedAt).toBeDefined();
    // Filtering is in memory: no multi-entry index slows every write down.
    expect(Object.values(db.shelves.schema.idxByName)).toEqual([]);
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
    expect(db.verno).toBe(4);
    expect(upgraded.find((e) => e.id === old[1]!.id)!.tags).toEqual([]);
    const summary = await db.summaries.get(old[1]!.id);
    expect(summary?.techSlugs).toEqual(old[1]!.tech.map((t) => t.slug));
    expect(summary?.searchText).toContain(' cafe and kubernetes');
    expect(await db.summaries.get(old[0]!.id)).toEqual(toSummary(old[0]!));
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
    expect(await db.summaries.orderBy('savedAt').reverse().primaryKeys()).toEqual([old[2]!.id, old[1]!.id, old[0]!.id]);
    expect(await db.summaries.get(old[1]!.id)).toEqual(summaries[1]);
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
    expect(await db.summaries.get(old[1]!.id)).toEqual(toSummary(old[1]!));
    expect(db.tables.map((t) => t.name).sort()).toEqual(['shelves', 'summaries']);
    db.close();
  });
});

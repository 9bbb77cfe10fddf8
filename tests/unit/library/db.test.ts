// The Dexie schema: version 3's summaries table, and the upgrades from versions 1 and 2 that fill it.
import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import Dexie from 'dexie';
import { LibraryDatabase, SCHEMA_V1, SCHEMA_V2 } from '@/utils/library/db';
import { toSaved, toSummary } from '@/utils/library/record';
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
  it('opens at version 3 with full records and summaries indexed by saved date', async () => {
    const db = new LibraryDatabase(freshName());
    await db.open();
    expect(db.verno).toBe(3);
    expect(db.summaries.schema.idxByName.savedAt).toBeDefined();
    // Filtering is in memory: no multi-entry index slows every write down.
    expect(Object.values(db.episodes.schema.idxByName)).toEqual([]);
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
    const upgraded = await db.episodes.orderBy('id').toArray();
    expect(upgraded).toHaveLength(2);
    expect(upgraded.find((e) => e.id === old[0]!.id)).toEqual(old[0]);
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
    expect(await db.episodes.orderBy('id').toArray()).toEqual([...old].sort((a, b) => (a.id < b.id ? -1 : 1)).map(toSaved));
    expect(await db.summaries.orderBy('savedAt').reverse().primaryKeys()).toEqual([old[2]!.id, old[1]!.id, old[0]!.id]);
    expect(await db.summaries.get(old[1]!.id)).toEqual(summaries[1]);
    db.close();
  });
});

// The Dexie schema: version 2 indexes, and the upgrade from version 1 that fills the derived fields.
import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import Dexie from 'dexie';
import { LibraryDatabase, SCHEMA_V1 } from '@/utils/library/db';
import { toSaved } from '@/utils/library/record';
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
  it('opens at version 2 with multi-entry technology and tag indexes', async () => {
    const db = new LibraryDatabase(freshName());
    await db.open();
    expect(db.verno).toBe(2);
    const schema = db.episodes.schema;
    expect(schema.idxByName.techSlugs?.multi).toBe(true);
    expect(schema.idxByName.tags?.multi).toBe(true);
    db.close();
  });

  it('upgrades version-1 records: derived fields computed, listener data untouched', async () => {
    const name = freshName();
    const v1 = new Dexie(name);
    v1.version(1).stores(SCHEMA_V1);
    const old = [makeSaved(1), { ...makeSaved(2), notes: 'Café and Kubernetes' }];
    // Version 1 stored the export shape, without techSlugs/searchText; one record even lacks tags.
    const legacy = old.map((e, i) => (i === 1 ? (({ tags: _t, ...rest }) => rest)(e) : e));
    await v1.table('episodes').bulkAdd(legacy);
    v1.close();

    const db = new LibraryDatabase(name);
    const upgraded = await db.episodes.orderBy('id').toArray();
    expect(upgraded).toHaveLength(2);
    const second = upgraded.find((e) => e.id === old[1]!.id)!;
    expect(second.techSlugs).toEqual(old[1]!.tech.map((t) => t.slug));
    expect(second.searchText).toContain(' cafe and kubernetes');
    expect(second.tags).toEqual([]);
    expect(toSaved(upgraded.find((e) => e.id === old[0]!.id)!)).toEqual(old[0]);
    const slug = old[0]!.tech[0]!.slug;
    expect(await db.episodes.where('techSlugs').equals(slug).primaryKeys()).toContain(old[0]!.id);
    db.close();
  });
});

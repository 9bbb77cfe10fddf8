// The library's IndexedDB (Dexie), in the extension's origin only: background and extension pages.
import Dexie, { type EntityTable, type DexieOptions } from 'dexie';
import { toStored, type SavedEpisode, type StoredEpisode } from './record';

export const LIBRARY_DB_NAME = 'stackcast-library';

/** Version 1 (first release): episodes by id, with indexes for the saved date and status. */
export const SCHEMA_V1 = { episodes: 'id, savedAt, updatedAt, status' } as const;
/**
 * Version 2 adds multi-entry indexes for technologies and personal tags, and the derived fields
 * `techSlugs` and `searchText` (filled in by the upgrade for records saved under version 1), so
 * filtering by technology no longer reads every record.
 */
export const SCHEMA_V2 = { episodes: 'id, savedAt, updatedAt, status, podcast, *techSlugs, *tags' } as const;

export class LibraryDatabase extends Dexie {
  episodes!: EntityTable<StoredEpisode, 'id'>;

  /**
   * @example
   * const db = new LibraryDatabase(); await db.episodes.count();
   * const testDb = new LibraryDatabase('t1', { indexedDB: new IDBFactory(), IDBKeyRange });
   */
  constructor(name = LIBRARY_DB_NAME, options?: DexieOptions) {
    super(name, options);
    this.version(1).stores(SCHEMA_V1);
    this.version(2)
      .stores(SCHEMA_V2)
      .upgrade(async (tx) => {
        await tx
          .table<StoredEpisode, string>('episodes')
          .toCollection()
          .modify((record: StoredEpisode) => {
            // Early version-1 records had no personal tags field; default it before deriving.
            if (!Array.isArray(record.tags)) record.tags = [];
            const stored = toStored(record as SavedEpisode);
            record.techSlugs = stored.techSlugs;
            record.searchText = stored.searchText;
          });
      });
  }
}

let shared: LibraryDatabase | undefined;

/** The one database of this context (background or extension page), opened lazily. */
export function libraryDb(): LibraryDatabase {
  shared ??= new LibraryDatabase();
  return shared;
}

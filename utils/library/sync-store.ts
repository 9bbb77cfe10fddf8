// The sync engine's LocalStore over the library's IndexedDB (schema 8): the change log the library's writes
// keep, the synced state of each record, and the memo of the last sync with one folder.
import { laterStamp, type HybridClock, type Stamp } from '../sync/clock';
import { NEVER_SYNCED, type LocalStore, type SyncMemo } from '../sync/ports';
import { isRemoved, type SyncRecord } from '../sync/record';
import type { LibraryDatabase } from './db';
import { applyToLibrary, foldChanges } from './sync-fold';
import { chapterKey, deviceClock, episodeKey, saveClock } from './sync-tables';

/** The latest stamp these records carry (a record's `live` or `removed` is its latest write). */
function laterOf(records: readonly SyncRecord[]): Stamp | null {
  let latest: Stamp | null = null;
  for (const record of records) latest = laterStamp(latest, laterStamp(record.live, record.removed));
  return latest;
}

interface StoredMemo {
  folderUrl: string;
  memo: SyncMemo;
}

/**
 * The library as the sync engine sees it, for one sync folder (a memo of another folder counts as never
 * synced, so a new folder gets the whole library).
 * @example
 * const local = new LibrarySyncStore(libraryDb(), folderUrl, announceLibraryChange);
 * await syncOnce({ local, remote, clock: await local.clock() });
 */
export class LibrarySyncStore implements LocalStore {
  constructor(
    readonly db: LibraryDatabase,
    readonly folderUrl: string,
    /** Told which episode ids a sync wrote into the library (pages refresh; never noted as a change). */
    private readonly onApplied: (ids: string[] | null) => void | Promise<void> = () => {},
  ) {}

  private get tables() {
    const { db } = this;
    return [
      db.shelves,
      db.summaryShelves,
      db.newest,
      db.savedChapters,
      db.syncRecords,
      db.syncChanges,
      db.syncState,
    ];
  }

  /** This installation's clock, as the last write or sync left it. */
  async clock(): Promise<HybridClock> {
    return this.db.transaction('rw', this.db.syncState, () => deviceClock(this.db));
  }

  /** Keep what the engine's clock took in (the folder's latest stamp), so later writes stamp after it. */
  async keepClock(clock: HybridClock): Promise<void> {
    await this.db.transaction('rw', this.db.syncState, () => saveClock(this.db, clock));
  }

  /** Whether the library changed since the last sync with this folder (a sync is due). */
  async hasChanges(): Promise<boolean> {
    const memo = await this.readMemo();
    if (memo.cursor === null) return true;
    return (await this.db.syncChanges.where(':id').above(Number(memo.cursor)).count()) > 0;
  }

  async changesSince(cursor: string | null): Promise<{ keys: string[]; cursor: string }> {
    const { db } = this;
    return db.transaction('r', this.tables, async () => {
      const last = Number((await db.syncChanges.toCollection().lastKey()) ?? 0);
      const keys = new Set<string>();
      if (cursor === null) {
        // Never synced with this folder: everything the library holds, and every deletion not yet compacted.
        for (const shelf of await db.shelves.toArray()) for (const id of shelf.ids) keys.add(episodeKey(id));
        for (const [episodeId, start] of await db.savedChapters.toCollection().primaryKeys())
          keys.add(chapterKey({ episodeId, start }));
        for (const key of await db.syncRecords.toCollection().primaryKeys()) keys.add(key);
      }
      for (const row of await db.syncChanges
        .where(':id')
        .above(Number(cursor ?? 0))
        .toArray())
        for (const key of row.keys) keys.add(key);
      return { keys: [...keys], cursor: String(last) };
    });
  }

  async readRecords(keys: readonly string[]): Promise<Map<string, SyncRecord>> {
    return this.db.transaction('rw', this.tables, async () => {
      const clock = await deviceClock(this.db);
      const states = await foldChanges(this.db, clock, keys);
      await saveClock(this.db, clock);
      return states;
    });
  }

  async applyRecords(records: readonly SyncRecord[]): Promise<void> {
    const ids = await this.db.transaction('rw', this.tables, async () => {
      const clock = await deviceClock(this.db);
      // Writes made while this sync ran are folded first, so the merge keeps them.
      await foldChanges(this.db, clock);
      // Stamps seen from other devices: this device's next edit must order after what it shows.
      const seen = laterOf(records);
      if (seen) clock.receive(seen);
      await saveClock(this.db, clock);
      return applyToLibrary(this.db, records);
    });
    if (ids.length > 0) await this.onApplied(ids.length <= 200 ? ids : null);
  }

  async forgetRecords(keys: readonly string[]): Promise<void> {
    await this.db.transaction('rw', this.db.syncRecords, async () => {
      const rows = await this.db.syncRecords.bulkGet([...keys]);
      const gone = rows.flatMap((row) => (row && isRemoved(row.record) ? [row.key] : []));
      await this.db.syncRecords.bulkDelete(gone);
    });
  }

  async readMemo(): Promise<SyncMemo> {
    const stored = (await this.db.syncState.get('memo'))?.value as StoredMemo | undefined;
    return stored?.folderUrl === this.folderUrl ? stored.memo : NEVER_SYNCED;
  }

  async writeMemo(memo: SyncMemo): Promise<void> {
    const { db } = this;
    await db.transaction('rw', db.syncState, db.syncChanges, async () => {
      await db.syncState.put({ name: 'memo', value: { folderUrl: this.folderUrl, memo } });
      // Notes both sent and folded are spent: the log keeps only what a later sync still needs.
      const folded = Number((await db.syncState.get('folded'))?.value ?? 0);
      const spent = Math.min(folded, Number(memo.cursor ?? 0));
      await db.syncChanges.where(':id').belowOrEqual(spent).delete();
    });
  }
}

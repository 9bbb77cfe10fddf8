// The library's sync tables (schema 8): what each write records for sync, in the write's own transaction.
import { HybridClock, newDeviceId, type Stamp } from '../sync/clock';
import type { SyncRecord } from '../sync/record';
import { SAVED_CHAPTER_KIND, savedChapterId } from '../sync/kinds';
import type { LibraryDatabase } from './db';
import type { ChapterRef } from './saved-chapter-record';

/** A record's synced state, by its key (`episode:<id>`, `saved-chapter:<start>@<episode id>`). */
export interface SyncRecordRow {
  key: string;
  record: SyncRecord;
}

/**
 * One library write: the keys it changed and the clock stamp it took. The record's new state is not
 * computed here: the write only notes what changed, and the sync folds it into `syncRecords` later, so a
 * save or an import pays one small row, not a synced record per episode.
 */
export interface SyncChange {
  seq?: number;
  keys: string[];
  at: Stamp;
}

/** Named values: `device` (this installation's id), `clock` (its last stamp), `memo`, `folded`. */
export interface SyncStateRow {
  name: string;
  value: unknown;
}

export const episodeKey = (id: string): string => `episode:${id}`;
/** A chapter's key puts the start first: an episode id may hold any character, a start only digits. */
export const chapterKey = (ref: ChapterRef): string => `${SAVED_CHAPTER_KIND.name}:${savedChapterId(ref)}`;

/** The sync tables every recording write must hold in its transaction. */
export function syncWriteTables(db: LibraryDatabase) {
  return [db.syncChanges, db.syncState] as const;
}

/**
 * This installation's clock, from the stored device id and last stamp (a new id on first use).
 * Call inside a transaction that holds `syncState` read-write.
 */
export async function deviceClock(db: LibraryDatabase): Promise<HybridClock> {
  let device = (await db.syncState.get('device'))?.value;
  if (typeof device !== 'string') {
    device = newDeviceId();
    await db.syncState.put({ name: 'device', value: device });
  }
  const last = (await db.syncState.get('clock'))?.value;
  return new HybridClock(device as string, Date.now, typeof last === 'string' ? last : null);
}

/** Keep the clock's last stamp, so every later write and sync stamps after it. */
export async function saveClock(db: LibraryDatabase, clock: HybridClock): Promise<void> {
  const stored = (await db.syncState.get('clock'))?.value;
  if (typeof stored !== 'string' || stored < clock.last)
    await db.syncState.put({ name: 'clock', value: clock.last });
}

/**
 * Note that these records changed: one row with a fresh stamp. Call inside the write's read-write
 * transaction (with {@link syncWriteTables}), so a write is never committed without its note.
 * @example
 * await recordChanges(db, [episodeKey(saved.id)]);
 */
export async function recordChanges(db: LibraryDatabase, keys: readonly string[]): Promise<void> {
  if (keys.length === 0) return;
  const clock = await deviceClock(db);
  const at = clock.tick();
  await saveClock(db, clock);
  await db.syncChanges.add({ keys: [...new Set(keys)], at });
}

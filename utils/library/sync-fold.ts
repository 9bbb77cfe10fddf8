// Between the library and its synced state: fold the writes noted since the last sync into synced records,
// and apply merged records back to the library. Both run inside the caller's read-write transaction.
import type { Stamp } from '../sync/clock';
import {
  EPISODE_KIND,
  SAVED_CHAPTER_KIND as CHAPTER_KIND,
  editRecord,
  plainSavedChapter,
  removeRecord,
  savedChapterOfRecord,
  savedEpisodeOf,
  type PlainRecord,
} from '../sync/kinds';
import { isRemoved, mergeRecords, type SyncRecord } from '../sync/record';
import type { LibraryDatabase } from './db';
import { fitRecord } from './limits';
import { prepareRecord, type PreparedRecord } from './prepared';
import { parseStored, readRecordTexts, writeShelves } from './shelves';
import { writeSummaries } from './summary-shelves';
import type { SavedChapter } from './saved-chapter-record';
import type { HybridClock } from '../sync/clock';

const EPISODE = 'episode:';
const CHAPTER = `${CHAPTER_KIND.name}:`;

/** The chapter's reference in a `saved-chapter:<start>@<episode id>` key. */
function chapterRefOf(key: string): [string, number] | null {
  const id = key.slice(CHAPTER.length);
  const at = id.indexOf('@');
  const start = Number(id.slice(0, at));
  return at > 0 && Number.isInteger(start) ? [id.slice(at + 1), start] : null;
}

/** The library's current plain records of these keys (keys the library does not hold are absent). */
export async function libraryRecords(
  db: LibraryDatabase,
  keys: readonly string[],
): Promise<Map<string, PlainRecord>> {
  const found = new Map<string, PlainRecord>();
  const episodeIds = keys.filter((key) => key.startsWith(EPISODE)).map((key) => key.slice(EPISODE.length));
  for (const [id, text] of await readRecordTexts(db.shelves, episodeIds))
    found.set(EPISODE + id, parseStored(text) as unknown as PlainRecord);
  const chapterKeys = keys.filter((key) => key.startsWith(CHAPTER));
  const refs = chapterKeys.map(chapterRefOf);
  const wanted = refs.flatMap((ref, i) => (ref ? [{ ref, key: chapterKeys[i]! }] : []));
  const rows = await db.savedChapters.bulkGet(wanted.map(({ ref }) => ref));
  rows.forEach((row, i) => {
    if (row) found.set(wanted[i]!.key, plainSavedChapter(row));
  });
  return found;
}

const kindOf = (key: string) => (key.startsWith(CHAPTER) ? CHAPTER_KIND : EPISODE_KIND);

/**
 * The synced state after a write noted at `at`: the library's record as it is now over the stored state
 * (every field that differs takes the stamp), or a tombstone when the library no longer holds it.
 */
function stateAfterWrite(
  key: string,
  stored: SyncRecord | undefined,
  current: PlainRecord | undefined,
  at: Stamp,
): SyncRecord | undefined {
  if (current) return editRecord(kindOf(key), stored, current, at);
  if (stored && !isRemoved(stored)) return removeRecord(stored, at);
  // Saved and removed before any sync: nothing any other device has to forget.
  return stored;
}

/**
 * Fold every write noted since the last fold into `syncRecords`, and give records the library held before
 * it ever synced (among `keys`) their first synced state. Returns the synced state of `keys`.
 */
export async function foldChanges(
  db: LibraryDatabase,
  clock: HybridClock,
  keys: readonly string[] = [],
): Promise<Map<string, SyncRecord>> {
  const foldedThrough = Number((await db.syncState.get('folded'))?.value ?? 0);
  const rows = await db.syncChanges.where(':id').above(foldedThrough).toArray();
  const latest = new Map<string, Stamp>();
  for (const row of rows) for (const key of row.keys) latest.set(key, row.at);
  const all = [...new Set([...latest.keys(), ...keys])];
  const current = await libraryRecords(db, all);
  const stored = await db.syncRecords.bulkGet(all);
  const states = new Map<string, SyncRecord>();
  const changed: SyncRecord[] = [];
  all.forEach((key, i) => {
    const before = stored[i]?.record;
    const at = latest.get(key) ?? (before ? undefined : clock.tick());
    const now = at === undefined ? before : stateAfterWrite(key, before, current.get(key), at);
    if (now) states.set(key, now);
    if (now && now !== before) changed.push(now);
  });
  await db.syncRecords.bulkPut(changed.map((record) => ({ key: `${record.kind}:${record.id}`, record })));
  const last = rows.at(-1)?.seq;
  if (last !== undefined) await db.syncState.put({ name: 'folded', value: last });
  return states;
}

/**
 * Merge records from the server into the synced state and write what they come to into the library: no
 * change is noted, so they are not sent back as this device's edits. Returns the episode ids written.
 */
export async function applyToLibrary(
  db: LibraryDatabase,
  incoming: readonly SyncRecord[],
): Promise<string[]> {
  const keys = incoming.map((record) => `${record.kind}:${record.id}`);
  const stored = await db.syncRecords.bulkGet(keys);
  const merged = incoming.map((record, i) => mergeRecords(stored[i]?.record, record)!);
  await db.syncRecords.bulkPut(merged.map((record, i) => ({ key: keys[i]!, record })));
  const put: PreparedRecord[] = [];
  const remove: string[] = [];
  const chaptersPut: SavedChapter[] = [];
  const chaptersGone: [string, number][] = [];
  merged.forEach((record, i) => {
    if (record.kind === EPISODE_KIND.name) {
      const episode = savedEpisodeOf(record);
      if (episode) put.push(prepareRecord(fitRecord(episode)));
      else if (isRemoved(record)) remove.push(record.id);
    } else if (record.kind === CHAPTER_KIND.name) {
      const chapter = savedChapterOfRecord(record);
      const ref = chapterRefOf(keys[i]!);
      if (chapter) chaptersPut.push(chapter);
      else if (isRemoved(record) && ref) chaptersGone.push(ref);
    }
    // A kind this build does not know stays in syncRecords only, and is passed on unchanged.
  });
  if (put.length > 0 || remove.length > 0) {
    await writeShelves(db.shelves, put, remove);
    await writeSummaries(db, put, remove);
  }
  if (chaptersPut.length > 0) await db.savedChapters.bulkPut(chaptersPut);
  if (chaptersGone.length > 0) await db.savedChapters.bulkDelete(chaptersGone);
  return [...put.map((record) => record.id), ...remove];
}

// Full records on shelves: each saved episode's backup text, on one of 256 shelves picked by a hash of its id.
import type { Table } from 'dexie';
import { episodeBackupText } from './backup';
import type { SavedEpisode } from './record';

/**
 * How many shelves the library has. Chromium's IndexedDB pays a fixed cost per row read or written,
 * whatever its size (the same bytes take several times as long as a row per episode as on a hundred
 * rows), so records are kept a shelf of many to a row. Part of the
 * stored format (schema version 4): changing it or `shelfOf` needs a schema upgrade.
 */
export const SHELF_COUNT = 256;

/** One row of the `shelves` table: parallel lists of ids and their records' backup text. */
export interface Shelf {
  key: number;
  ids: string[];
  /** `episodeBackupText` of each record: a JSON export joins these, every other reader parses them. */
  texts: string[];
}

/** A full record as stored: its id and backup text. */
export interface StoredRecord {
  id: string;
  text: string;
}

/**
 * The shelf of an episode: FNV-1a of its id's UTF-16 units, folded to 0..255. Part of the stored format.
 * @example
 * shelfOf('https://runninginproduction.com/podcast/1-x') // a number 0..255, always the same
 */
export function shelfOf(id: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < id.length; i++) hash = Math.imul(hash ^ id.charCodeAt(i), 0x01000193);
  return ((hash >>> 24) ^ hash) & (SHELF_COUNT - 1);
}

/**
 * The stored form of a record.
 * @example
 * storedRecord(saved).text.startsWith('    {') // true
 */
export function storedRecord(episode: SavedEpisode): StoredRecord {
  return { id: episode.id, text: episodeBackupText(episode) };
}

/**
 * A stored record's text back as a saved episode. The text was written by `episodeBackupText` from a
 * checked record (every write path goes through `putRecords`), so it is parsed, not validated again.
 * @example
 * parseStored(storedRecord(saved).text) // equal to toSaved(saved)
 */
export function parseStored(text: string): SavedEpisode {
  return JSON.parse(text) as SavedEpisode;
}

/** Shelves read per IndexedDB request batch: bounded, whatever the library's size. */
const READ_BATCH = 64;

/** The shelves with these keys that exist (inside the caller's transaction, if any). */
async function readShelves(table: Table<Shelf, number>, keys: Iterable<number>): Promise<Shelf[]> {
  const wanted = [...new Set(keys)].sort((a, b) => a - b);
  const found: Shelf[] = [];
  for (let start = 0; start < wanted.length; start += READ_BATCH) {
    for (const shelf of await table.bulkGet(wanted.slice(start, start + READ_BATCH)))
      if (shelf) found.push(shelf);
  }
  return found;
}

/**
 * The backup texts of these ids, by id (ids not stored are absent).
 * @example
 * const texts = await readRecordTexts(db.shelves, [id]); texts.get(id)
 */
export async function readRecordTexts(
  table: Table<Shelf, number>,
  ids: Iterable<string>,
): Promise<Map<string, string>> {
  const wanted = new Set(ids);
  const texts = new Map<string, string>();
  if (wanted.size === 0) return texts;
  const keys = new Set<number>();
  for (const id of wanted) keys.add(shelfOf(id));
  for (const shelf of await readShelves(table, keys)) {
    for (let i = 0; i < shelf.ids.length; i++)
      if (wanted.has(shelf.ids[i]!)) texts.set(shelf.ids[i]!, shelf.texts[i]!);
  }
  return texts;
}

/**
 * Every stored record's backup text (shelf by shelf, no particular order).
 * @example
 * for (const { id, text } of await readAllRecordTexts(db.shelves)) …
 */
export async function readAllRecordTexts(table: Table<Shelf, number>): Promise<StoredRecord[]> {
  const out: StoredRecord[] = [];
  for (const shelf of await table.toArray())
    for (let i = 0; i < shelf.ids.length; i++) out.push({ id: shelf.ids[i]!, text: shelf.texts[i]! });
  return out;
}

/**
 * Put records on their shelves (replacing the stored text of an id already there) and remove ids:
 * each shelf touched is read and written once. Call inside a read-write transaction.
 * @example
 * await writeShelves(db.shelves, records.map(storedRecord), []);
 */
export async function writeShelves(
  table: Table<Shelf, number>,
  put: readonly StoredRecord[],
  remove: readonly string[] = [],
): Promise<void> {
  const changes = new Map<number, { put: StoredRecord[]; remove: Set<string> }>();
  const changeOf = (key: number) => {
    let change = changes.get(key);
    if (!change) changes.set(key, (change = { put: [], remove: new Set() }));
    return change;
  };
  for (const id of remove) changeOf(shelfOf(id)).remove.add(id);
  for (const record of put) changeOf(shelfOf(record.id)).put.push(record);
  const existing = new Map((await readShelves(table, changes.keys())).map((shelf) => [shelf.key, shelf]));
  const written: Shelf[] = [];
  const emptied: number[] = [];
  for (const [key, change] of changes) {
    const shelf = existing.get(key) ?? { key, ids: [], texts: [] };
    const at = new Map<string, number>();
    const ids: string[] = [];
    const texts: string[] = [];
    for (let i = 0; i < shelf.ids.length; i++) {
      const id = shelf.ids[i]!;
      if (change.remove.has(id)) continue;
      at.set(id, ids.length);
      ids.push(id);
      texts.push(shelf.texts[i]!);
    }
    for (const record of change.put) {
      const index = at.get(record.id);
      if (index === undefined) {
        at.set(record.id, ids.length);
        ids.push(record.id);
        texts.push(record.text);
      } else texts[index] = record.text;
    }
    if (ids.length > 0) written.push({ key, ids, texts });
    else if (existing.has(key)) emptied.push(key);
  }
  if (emptied.length > 0) await table.bulkDelete(emptied);
  if (written.length > 0) await table.bulkPut(written);
}

// Record kinds: how a library record (a saved episode, later saved chapters) becomes synced state and back.
import type { Stamp } from './clock';
import { stampDevice } from './clock';
import { canonicalJson, isRemoved, type Register, type SyncRecord, type TextState } from './record';
import { LISTENER_LIMITS, SavedEpisodeSchema, type SavedEpisode } from '../library/record';
import { SavedChapterSchema, type SavedChapter } from '../library/saved-chapter-record';

/**
 * Which fields of a kind's plain record are sets (merged per element) and texts (concurrent edits both
 * kept); every other field but `id` is one last-writer-wins value.
 */
export interface RecordKind {
  name: string;
  sets: readonly string[];
  texts: readonly string[];
}

/** A saved episode: its personal tags are a set, its notes a text. The JSON backup's fields, one by one. */
export const EPISODE_KIND: RecordKind = { name: 'episode', sets: ['tags'], texts: ['notes'] };

/** A starred chapter (issue #12): one value per field; unstarring deletes the record. */
export const SAVED_CHAPTER_KIND: RecordKind = { name: 'saved-chapter', sets: [], texts: [] };

/** The plain record a kind reads and writes: the stable id and the fields. */
export type PlainRecord = { id: string } & Record<string, unknown>;

/** Heading of a note version that lost a concurrent edit: the text stays below it for the listener to tidy. */
export function conflictHeading(at: Stamp): string {
  const wall = Number(at.slice(0, 15));
  return `--- Conflict copy (edited at the same time on device ${stampDevice(at)}, ${new Date(wall).toISOString()}) ---`;
}

/** The text a listener sees: the latest version, then each concurrent one under a conflict heading. */
export function renderText(state: TextState | undefined): string {
  if (!state) return '';
  const shown: string[] = [];
  const parts: string[] = [];
  for (const version of state.versions) {
    if (version.v === '' || shown.includes(version.v)) continue;
    parts.push(shown.length === 0 ? version.v : `${conflictHeading(version.at)}\n${version.v}`);
    shown.push(version.v);
  }
  return parts.join('\n\n');
}

/** The elements of a set that are present, in the order they were added (then by text). */
export function renderSet(marks: SyncRecord['sets'][string] | undefined): string[] {
  return Object.entries(marks ?? {})
    .filter(([, mark]) => mark.on)
    .sort(([x, p], [y, q]) => (p.at < q.at ? -1 : p.at > q.at ? 1 : x < y ? -1 : 1))
    .map(([element]) => element);
}

function sameValue(register: Register | undefined, value: unknown): boolean {
  return register !== undefined && JSON.stringify(register.v) === JSON.stringify(value ?? null);
}

/**
 * The synced state after a local save or edit: every field whose value differs from `previous` gets the
 * stamp; with no previous state (first save, or first sync of an existing library) every field does.
 * Saving a deleted record again revives it, since `live` takes the new stamp.
 * @example
 * editRecord(EPISODE_KIND, previous, toSaved(episode), clock.tick())
 */
export function editRecord(
  kind: RecordKind,
  previous: SyncRecord | undefined,
  next: PlainRecord,
  at: Stamp,
): SyncRecord {
  const record: SyncRecord = previous
    ? structuredClone(previous)
    : {
        kind: kind.name,
        id: next.id,
        live: at,
        removed: null,
        removedIn: null,
        fields: {},
        sets: {},
        texts: {},
      };
  let changed = !previous || isRemoved(previous);
  for (const [name, value] of Object.entries(next)) {
    if (name === 'id' || value === undefined) continue;
    if (kind.sets.includes(name)) {
      const wanted = new Set(Array.isArray(value) ? value.map(String) : []);
      const marks = (record.sets[name] ??= {});
      for (const element of wanted)
        if (!marks[element]?.on) {
          marks[element] = { on: true, at };
          changed = true;
        }
      for (const [element, mark] of Object.entries(marks))
        if (mark.on && !wanted.has(element)) {
          marks[element] = { on: false, at };
          changed = true;
        }
    } else if (kind.texts.includes(name)) {
      const text = typeof value === 'string' ? value : '';
      const state = record.texts[name];
      if (state && renderText(state) === text) continue;
      // The new text was written over everything shown, so it supersedes every version this state holds.
      record.texts[name] = { versions: [{ v: text, at }], seen: { ...state?.seen, [stampDevice(at)]: at } };
      changed = true;
    } else if (!sameValue(record.fields[name], value)) {
      record.fields[name] = { v: (value ?? null) as Register['v'], at };
      changed = true;
    }
  }
  if (changed) record.live = at;
  return record;
}

/** The state after deleting the record on this device: a tombstone that keeps the fields until compacted. */
export function removeRecord(previous: SyncRecord, at: Stamp): SyncRecord {
  return { ...previous, removed: at, removedIn: null };
}

/** The plain record a kind stores, or null when the synced record is deleted. */
export function renderRecord(kind: RecordKind, record: SyncRecord): PlainRecord | null {
  if (isRemoved(record)) return null;
  const plain: PlainRecord = { id: record.id };
  for (const [name, register] of Object.entries(record.fields)) plain[name] = register.v;
  for (const name of kind.sets) plain[name] = renderSet(record.sets[name]);
  for (const name of kind.texts) plain[name] = renderText(record.texts[name]);
  return plain;
}

/**
 * What a listener can see of a record, for any kind (even one this build does not know): null when
 * deleted, else each value, set and text as shown. Two records that differ only in bookkeeping (which
 * revision carried a deletion, which edits a text has seen) look the same.
 */
export function shownRecord(record: SyncRecord | undefined): string {
  if (!record || isRemoved(record)) return 'null';
  const sets = Object.fromEntries(
    Object.entries(record.sets).map(([name, marks]) => [name, renderSet(marks)]),
  );
  const texts = Object.fromEntries(
    Object.entries(record.texts).map(([name, text]) => [name, renderText(text)]),
  );
  const fields = Object.fromEntries(Object.entries(record.fields).map(([name, field]) => [name, field.v]));
  return canonicalJson({ fields, sets, texts });
}

/**
 * The saved episode a synced record holds, checked as a backup import checks it; null when deleted, or
 * when its fields do not make a valid episode (a record written by a newer build with fields this one
 * does not know still passes, the unknown fields are dropped). Notes grown past the library's limit by
 * conflict copies are cut to it here so the episode still shows; the synced record keeps every version
 * until the listener edits the notes.
 */
export function savedEpisodeOf(record: SyncRecord): SavedEpisode | null {
  const plain = renderRecord(EPISODE_KIND, record);
  if (!plain) return null;
  if (typeof plain.notes === 'string' && plain.notes.length > LISTENER_LIMITS.notes)
    plain.notes = plain.notes.slice(0, LISTENER_LIMITS.notes);
  const parsed = SavedEpisodeSchema.safeParse(plain);
  return parsed.success ? parsed.data : null;
}

/** A saved chapter's record id: its start and its episode's id (a timeline has one chapter per start). */
export function savedChapterId(chapter: Pick<SavedChapter, 'episodeId' | 'start'>): string {
  return `${chapter.start}@${chapter.episodeId}`;
}

/** A saved chapter as the plain record editRecord takes. */
export function plainSavedChapter(chapter: SavedChapter): PlainRecord {
  return { ...chapter, id: savedChapterId(chapter) };
}

/** The saved chapter a synced record holds; null when unstarred or not a valid saved chapter. */
export function savedChapterOfRecord(record: SyncRecord): SavedChapter | null {
  const plain = renderRecord(SAVED_CHAPTER_KIND, record);
  if (!plain) return null;
  const { id: _id, ...chapter } = plain;
  const parsed = SavedChapterSchema.safeParse(chapter);
  return parsed.success ? parsed.data : null;
}

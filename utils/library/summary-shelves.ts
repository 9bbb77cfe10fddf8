// Summaries on shelves: each shelf's summaries as one JSON text, plus one row of the newest for the first screen.
import type { Table } from 'dexie';
import type { EpisodeSummary } from './record';
import { shelfOf } from './shelves';

/**
 * One row of the `summaryShelves` table: the summaries of the episodes whose full records are on shelf
 * `key` (see `shelfOf`). Chromium's IndexedDB pays a fixed cost per row, so one row per summary made most
 * of an import's write and of the page's first full read; a few hundred shelves pay it a few hundred
 * times. The summaries are one JSON text (one string for IndexedDB to copy, one `JSON.parse` on the page:
 * cheaper to read than dozens of structured-cloned objects with their technology lists).
 */
export interface SummaryShelf {
  key: number;
  /** The ids, in the order of `summaries`: membership checks without parsing. */
  ids: string[];
  /** JSON of `EpisodeSummary[]`. */
  summaries: string;
}

/** The one row of the `newest` table. */
export interface NewestSummaries {
  key: 0;
  /** How many episodes the library holds. */
  total: number;
  /**
   * The newest-saved summaries (savedAt, then id, descending): exactly the library's first
   * `summaries.length` in that order, at most NEWEST_KEPT. The page shows its first screen from this row
   * alone, before the summary shelves are read.
   */
  summaries: EpisodeSummary[];
}

/** Newest summaries kept on the `newest` row. */
export const NEWEST_KEPT = 120;
/** Removals may shrink the newest row down to this before it is rebuilt from every shelf (a screenful or more). */
export const NEWEST_MIN = 60;

/** The tables this module writes, always together (one transaction). */
export interface SummaryTables {
  summaryShelves: Table<SummaryShelf, number>;
  newest: Table<NewestSummaries, number>;
}

/**
 * Newest first: later `savedAt`, then the larger id (the order of the version-3 savedAt index, reversed).
 * @example
 * summaries.sort(newestFirst)[0] // the episode saved last
 */
export function newestFirst(
  a: Pick<EpisodeSummary, 'id' | 'savedAt'>,
  b: Pick<EpisodeSummary, 'id' | 'savedAt'>,
): number {
  if (a.savedAt !== b.savedAt) return a.savedAt < b.savedAt ? 1 : -1;
  return a.id < b.id ? 1 : a.id > b.id ? -1 : 0;
}

function parseShelf(shelf: SummaryShelf): EpisodeSummary[] {
  return JSON.parse(shelf.summaries) as EpisodeSummary[];
}

/**
 * Every summary, in id order (inside the caller's transaction, if any).
 * @example
 * const all = await readAllSummaries(db);
 */
export async function readAllSummaries(tables: SummaryTables): Promise<EpisodeSummary[]> {
  const parsed: EpisodeSummary[] = [];
  for (const shelf of await tables.summaryShelves.toArray())
    for (const summary of parseShelf(shelf)) parsed.push(summary);
  parsed.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  return compactSummaries(parsed);
}

/**
 * The same summaries as new objects, allocated one after another in list order, each with a new list of
 * technology slugs, the slugs one string per technology. What a filter reads of the summaries (each
 * object and its slugs) then sits together in memory: as `JSON.parse` leaves them, every summary's large
 * strings (its search text) lie between one object and the next, in shelf order, and a filter pays for the
 * cache misses. The strings themselves are shared, not copied.
 * @example
 * compactSummaries(JSON.parse(text)) // equal summaries (toEqual), new objects
 */
export function compactSummaries(summaries: readonly EpisodeSummary[]): EpisodeSummary[] {
  const slugs = new Map<string, string>();
  const out = new Array<EpisodeSummary>(summaries.length);
  for (let i = 0; i < summaries.length; i++) {
    const e = summaries[i]!;
    const from = e.techSlugs;
    const techSlugs = new Array<string>(from.length);
    for (let j = 0; j < from.length; j++) {
      const slug = from[j]!;
      let shared = slugs.get(slug);
      if (shared === undefined) slugs.set(slug, (shared = slug));
      techSlugs[j] = shared;
    }
    // The fields in toSummary's order, so every summary has the one shape (hidden class) its filters saw in tests.
    out[i] = {
      id: e.id,
      title: e.title,
      podcast: e.podcast,
      date: e.date,
      durationSeconds: e.durationSeconds,
      url: e.url,
      status: e.status,
      tags: e.tags,
      savedAt: e.savedAt,
      updatedAt: e.updatedAt,
      tech: e.tech,
      techSlugs,
      searchText: e.searchText,
    };
  }
  return out;
}

/**
 * The newest summaries and the library's size (an empty library: none, 0).
 * @example
 * const { total, summaries } = await readNewest(db);
 */
export async function readNewest(
  tables: SummaryTables,
): Promise<{ total: number; summaries: EpisodeSummary[] }> {
  const row = await tables.newest.get(0);
  return row ? { total: row.total, summaries: row.summaries } : { total: 0, summaries: [] };
}

/**
 * Which of these ids have a summary (so are saved), each once, in id order.
 * @example
 * await storedIds(db, ['a', 'b']) // ['b']
 */
export async function storedIds(tables: SummaryTables, ids: readonly string[]): Promise<string[]> {
  const wanted = new Set(ids);
  const found: string[] = [];
  const keys = [...new Set([...wanted].map(shelfOf))];
  for (const shelf of await tables.summaryShelves.bulkGet(keys))
    if (shelf) for (const id of shelf.ids) if (wanted.has(id)) found.push(id);
  return found.sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
}

/** A summary to write: its id, saved date and JSON (so an import keeps strings, not objects, until the write). */
export interface SummaryText {
  id: string;
  savedAt: string;
  /** JSON of the `EpisodeSummary`. */
  summary: string;
}

/**
 * A summary as `writeSummaries` takes it.
 * @example
 * await writeSummaries(db, [summaryText(toSummary(saved))]);
 */
export function summaryText(summary: EpisodeSummary): SummaryText {
  return { id: summary.id, savedAt: summary.savedAt, summary: JSON.stringify(summary) };
}

/**
 * The newest row after a write, or null when it must be rebuilt from every summary. `previous` holds the
 * library's first n in order; episodes outside it were all older than its last, so after the write the
 * survivors plus the written summaries newer than that last one are still the library's first m. Only
 * the written summaries that make the row are parsed.
 */
function nextNewest(
  previous: { total: number; summaries: EpisodeSummary[] },
  put: readonly SummaryText[],
  gone: ReadonlySet<string>,
  total: number,
): EpisodeSummary[] | null {
  const whole = previous.summaries.length === previous.total;
  const last = previous.summaries.at(-1);
  if (!whole && !last) return null;
  const candidates: (EpisodeSummary | SummaryText)[] = previous.summaries.filter(
    (summary) => !gone.has(summary.id),
  );
  for (const written of put) if (whole || newestFirst(written, last!) <= 0) candidates.push(written);
  candidates.sort(newestFirst);
  if (candidates.length > NEWEST_KEPT) candidates.length = NEWEST_KEPT;
  const list = candidates.map((item) =>
    'tech' in item ? item : (JSON.parse(item.summary) as EpisodeSummary),
  );
  return list.length >= Math.min(NEWEST_MIN, total) ? list : null;
}

/**
 * Put summaries (replacing an id's) and remove ids, keeping the newest row and the total in step: each
 * shelf touched is read and written once. Call inside a read-write transaction, with the full records
 * written alongside (LibraryService does both in one place).
 * @example
 * await writeSummaries(db, records.map((r) => summaryText(toSummary(r))), []);
 */
export async function writeSummaries(
  tables: SummaryTables,
  put: readonly SummaryText[],
  remove: readonly string[] = [],
): Promise<void> {
  const changes = new Map<number, { put: SummaryText[]; remove: Set<string> }>();
  const changeOf = (key: number) => {
    let change = changes.get(key);
    if (!change) changes.set(key, (change = { put: [], remove: new Set() }));
    return change;
  };
  for (const id of remove) changeOf(shelfOf(id)).remove.add(id);
  for (const summary of put) changeOf(shelfOf(summary.id)).put.push(summary);
  if (changes.size === 0) return;
  const keys = [...changes.keys()];
  const [existing, previous] = await Promise.all([tables.summaryShelves.bulkGet(keys), readNewest(tables)]);
  let total = previous.total;
  // Ids whose old place in the newest order no longer holds: removed, or written again (their new summary is in `put`).
  const gone = new Set<string>();
  const written: SummaryShelf[] = [];
  const emptied: number[] = [];
  keys.forEach((key, k) => {
    const change = changes.get(key)!;
    const shelf = existing[k];
    const ids: string[] = [];
    const texts: string[] = [];
    const at = new Map<string, number>();
    if (shelf) {
      for (const summary of parseShelf(shelf)) {
        if (change.remove.has(summary.id)) {
          total--;
          gone.add(summary.id);
          continue;
        }
        at.set(summary.id, ids.length);
        ids.push(summary.id);
        texts.push(JSON.stringify(summary));
      }
    }
    for (const summary of change.put) {
      gone.add(summary.id);
      const index = at.get(summary.id);
      if (index !== undefined) texts[index] = summary.summary;
      else {
        total++;
        at.set(summary.id, ids.length);
        ids.push(summary.id);
        texts.push(summary.summary);
      }
    }
    // The JSON of the shelf's array, from its items' JSON.
    if (ids.length > 0) written.push({ key, ids, summaries: `[${texts.join(',')}]` });
    else if (shelf) emptied.push(key);
  });
  let newest = nextNewest(previous, put, gone, total);
  if (!newest) {
    // Removals took the row below a screenful: rebuild it from every shelf (those just changed as written).
    const changed = new Set(keys);
    const all: EpisodeSummary[] = [];
    for (const shelf of await tables.summaryShelves.toArray())
      if (!changed.has(shelf.key)) all.push(...parseShelf(shelf));
    for (const shelf of written) all.push(...parseShelf(shelf));
    newest = all.sort(newestFirst).slice(0, NEWEST_KEPT);
  }
  const writes: Promise<unknown>[] = [tables.newest.put({ key: 0, total, summaries: newest })];
  if (emptied.length > 0) writes.push(tables.summaryShelves.bulkDelete(emptied));
  if (written.length > 0) writes.push(tables.summaryShelves.bulkPut(written));
  await Promise.all(writes);
}

// The library's IndexedDB (Dexie), in the extension's origin only: background and extension pages.
import Dexie, { type DexieOptions, type Table } from 'dexie';
import { toSummary, type EpisodeSummary, type SavedEpisode } from './record';
import { parseStored, readAllRecordTexts, storedRecord, writeShelves, type Shelf } from './shelves';
import { episodeBackupText } from './backup';
import { prepareRecord, type PreparedRecord } from './prepared';
import { fitRecord } from './limits';
import { summaryText, writeSummaries, type NewestSummaries, type SummaryShelf } from './summary-shelves';
import type { SavedChapter } from './saved-chapter-record';
import { withChapterTech } from './chapter-tech-upgrade';
import type { SyncChange, SyncRecordRow, SyncStateRow } from './sync-tables';

export const LIBRARY_DB_NAME = 'stackcast-library';

/** Version 1 (first release): episodes by id, with indexes for the saved date and status. */
export const SCHEMA_V1 = { episodes: 'id, savedAt, updatedAt, status' } as const;
/**
 * Version 2 added multi-entry indexes for technologies and personal tags, and the derived fields
 * `techSlugs` and `searchText` on every record.
 */
export const SCHEMA_V2 = { episodes: 'id, savedAt, updatedAt, status, podcast, *techSlugs, *tags' } as const;
/**
 * Version 3 splits each episode into its full record (`episodes`, read only for the details panel and
 * exports) and a small summary (`summaries`, all the list, filters, facets and search need), so opening
 * the page reads a fraction of the bytes. Filtering runs in memory over the summaries, so the version-2
 * indexes are gone: in Chromium the `*techSlugs` multi-entry index alone (an entry per technology of
 * each episode) was as dear as the rest of an import. `savedAt` stays indexed for the first screenful.
 */
export const SCHEMA_V3 = { episodes: 'id', summaries: 'id, savedAt' } as const;
/**
 * Version 4 keeps full records as their backup text on 256 shelves (utils/library/shelves.ts) instead of
 * one object row each: Chromium's IndexedDB pays a fixed cost per row, so a row per episode was most of an
 * import's write and an export's read, and a JSON export now joins stored strings. Summaries are unchanged.
 */
export const SCHEMA_V4 = { episodes: null, shelves: 'key', summaries: 'id, savedAt' } as const;
/**
 * Version 5 keeps summaries on shelves too (utils/library/summary-shelves.ts): one JSON text per shelf of
 * full records, plus one `newest` row with the first screen's summaries and the library's size. A row
 * per summary was much of an import's write and most of the page's full read.
 */
export const SCHEMA_V5 = { summaries: null, summaryShelves: 'key', newest: 'key' } as const;
/**
 * Version 6 changes no table: it brings every stored record within the limits its backup import checks
 * (fitRecord). Version 5 and earlier could store records their own backup refuses: an import uniting two
 * lists of 50 tags stored 100, and the import took dates of any form and chapters in any order.
 */
export const SCHEMA_V6 = {} as const;
/**
 * Version 7 (issue 12) adds `savedChapters`: chapters saved on their own (utils/library/saved-chapters.ts),
 * keyed by episode id and start, with no other index (a listener saves hundreds, read whole). Its upgrade gives every stored chapter its
 * technologies (Chapter.tech), read from its title with the episode's stack vouching: the record keeps the
 * chapter titles but not the show notes, so the lines nested under a chapter are read only on the next scan.
 */
export const SCHEMA_V7 = { savedChapters: '[episodeId+start]' } as const;
/**
 * Version 8 (issue 13) adds what sync keeps beside the library (utils/library/sync-store.ts): `syncRecords`,
 * each record's synced state (field clocks, tombstones) by `kind:id`; `syncChanges`, one row per library
 * write with the keys it changed and its clock stamp (a row per write, not per record, so an import stays one
 * row); `syncState`, named rows (the device, its clock, what the last sync sent). No upgrade: a library that
 * never synced is sent whole by its first sync.
 */
export const SCHEMA_V8 = { syncRecords: 'key', syncChanges: '++seq', syncState: 'name' } as const;

/** Version 1 and 2 records may carry derived fields and lack tags: the saved episode alone. */
function savedFromLegacy(record: SavedEpisode & { techSlugs?: unknown; searchText?: unknown }): SavedEpisode {
  // Early version-1 records had no personal tags field; default it.
  if (!Array.isArray(record.tags)) record.tags = [];
  delete record.techSlugs;
  delete record.searchText;
  return record;
}

/** The newest schema version this build knows (IndexedDB stores Dexie's version times ten). */
export const LIBRARY_SCHEMA_VERSION = 8;

export class LibraryDatabase extends Dexie {
  shelves!: Table<Shelf, number>;
  summaryShelves!: Table<SummaryShelf, number>;
  newest!: Table<NewestSummaries, number>;
  savedChapters!: Table<SavedChapter, [string, number]>;
  syncRecords!: Table<SyncRecordRow, string>;
  syncChanges!: Table<SyncChange, number>;
  syncState!: Table<SyncStateRow, string>;
  /** Whether opening waits for another connection that holds an older version open (see onBlockedChange). */
  blocked = false;
  private readonly blockedWatchers = new Set<(blocked: boolean) => void>();

  /**
   * Be told when opening starts or stops waiting for another tab: an upgrade cannot run while a connection
   * to the older version stays open (a tab of an older Stackcast that ignores the request to close).
   * @example
   * const stop = db.onBlockedChange((blocked) => show(blocked));
   */
  onBlockedChange(watcher: (blocked: boolean) => void): () => void {
    this.blockedWatchers.add(watcher);
    return () => this.blockedWatchers.delete(watcher);
  }

  private setBlocked(blocked: boolean): void {
    if (this.blocked === blocked) return;
    this.blocked = blocked;
    for (const watcher of this.blockedWatchers) watcher(blocked);
  }

  /**
   * @example
   * const db = new LibraryDatabase(); await db.newest.get(0);
   * const testDb = new LibraryDatabase('t1', { indexedDB: new IDBFactory(), IDBKeyRange });
   */
  constructor(name = LIBRARY_DB_NAME, options?: DexieOptions) {
    // No shared live-query cache: with it, every slice an import writes was applied "optimistically" to
    // the page's 10,000-summary query (copied and re-rendered per slice), and each result deep-cloned.
    // Live queries still re-run once each transaction commits.
    super(name, { cache: 'disabled', ...options });
    this.version(1).stores(SCHEMA_V1);
    // Version 2's derived fields are recomputed as summaries by version 3: its upgrade has nothing left to do.
    this.version(2).stores(SCHEMA_V2);
    this.version(3)
      .stores(SCHEMA_V3)
      .upgrade(async (tx) => {
        const summaries: EpisodeSummary[] = [];
        await tx
          .table<SavedEpisode, string>('episodes')
          .toCollection()
          .modify((record: SavedEpisode) => {
            // Older versions wrote records the backup import now refuses (too many tags, unsorted chapters,
            // dates of any form): the record is kept within its limits as it moves on.
            const fitted = fitRecord(savedFromLegacy(record));
            Object.assign(record, fitted);
            summaries.push(toSummary(fitted));
          });
        await tx.table<EpisodeSummary, string>('summaries').bulkPut(summaries);
      });
    this.version(4)
      .stores(SCHEMA_V4)
      .upgrade(async (tx) => {
        // The version-3 rows (already stripped of older derived fields by the version-3 upgrade) move
        // onto shelves; Dexie deletes the `episodes` table after this function.
        const records = await tx.table<SavedEpisode, string>('episodes').toArray();
        await writeShelves(
          tx.table<Shelf, number>('shelves'),
          records.map((record) => storedRecord(fitRecord(record))),
        );
      });
    this.version(5)
      .stores(SCHEMA_V5)
      .upgrade(async (tx) => {
        // The version-4 summary rows (as the version-3 upgrade or later writes computed them) move onto
        // summary shelves; Dexie deletes the `summaries` table after this function.
        const summaries = await tx.table<EpisodeSummary, string>('summaries').toArray();
        await writeSummaries(
          { summaryShelves: tx.table('summaryShelves'), newest: tx.table('newest') },
          summaries.map(summaryText),
        );
      });
    this.version(6)
      .stores(SCHEMA_V6)
      .upgrade(async (tx) => {
        const shelves = tx.table<Shelf, number>('shelves');
        const changed: PreparedRecord[] = [];
        for (const { text } of await readAllRecordTexts(shelves)) {
          const fitted = fitRecord(parseStored(text));
          // Most records already fit: only those whose backup text changes are written again.
          if (episodeBackupText(fitted) !== text) changed.push(prepareRecord(fitted));
        }
        if (changed.length === 0) return;
        await writeShelves(shelves, changed);
        await writeSummaries(
          { summaryShelves: tx.table('summaryShelves'), newest: tx.table('newest') },
          changed,
        );
      });
    this.version(7)
      .stores(SCHEMA_V7)
      .upgrade(async (tx) => {
        const shelves = tx.table<Shelf, number>('shelves');
        const changed: PreparedRecord[] = [];
        for (const { text } of await readAllRecordTexts(shelves)) {
          const record = parseStored(text);
          const tagged = withChapterTech(record);
          if (tagged !== record) changed.push(prepareRecord(tagged));
        }
        // Summaries do not hold chapters: only the full records change.
        if (changed.length > 0) await writeShelves(shelves, changed);
      });
    this.version(8).stores(SCHEMA_V8);
    this.on('blocked', () => this.setBlocked(true));
    this.on(
      'ready',
      () => {
        this.setBlocked(false);
        // Dexie opens a database of a higher version than it declares as it is: a newer Stackcast's
        // records and tables would be read, and written, as this one understands them.
        const stored = this.backendDB().version / 10;
        if (stored > LIBRARY_SCHEMA_VERSION) {
          throw new Dexie.VersionError(
            `The library is at version ${stored}, written by a newer Stackcast; this one reads up to version ${LIBRARY_SCHEMA_VERSION}.`,
          );
        }
      },
      true,
    );
  }
}

let shared: LibraryDatabase | undefined;

/** The one database of this context (background or extension page), opened lazily. */
export function libraryDb(): LibraryDatabase {
  shared ??= new LibraryDatabase();
  return shared;
}

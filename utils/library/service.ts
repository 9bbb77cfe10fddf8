// The library service: every read and write of saved episodes, each write one transaction (the import's merge
// plan in import-merge.ts, the export's reads in record-texts.ts).
import type { Episode } from '../model';
import type { LibraryDatabase } from './db';
import { describeStorageError } from './errors';
import { mergeScrape } from './merge';
import { planMerge, type MergeReport } from './import-merge';
import { recordTextsByShelf, recordTextsInOrder } from './record-texts';
import { parseStored, readAllRecordTexts, readRecordTexts, writeShelves } from './shelves';
import { readAllSummaries, storedIds, writeSummaries } from './summary-shelves';
import { prepareRecord, type PreparedRecord } from './prepared';
import { fitRecord } from './limits';
import { episodeKey, recordChanges, syncWriteTables } from './sync-tables';
import {
  DEFAULT_LISTENER_FIELDS,
  ListenerFieldsSchema,
  toSaved,
  type EpisodeSummary,
  type ListenerFields,
  type SavedEpisode,
} from './record';

export interface LibraryServiceOptions {
  /** Clock, injectable for tests. */
  now?: () => Date;
  /** Called after a write commits, with the changed ids (null: many). */
  onChange?: (ids: string[] | null) => void | Promise<void>;
}

export class LibraryService {
  private readonly now: () => Date;
  private readonly onChange: (ids: string[] | null) => void | Promise<void>;

  /**
   * @example
   * const library = new LibraryService(libraryDb(), { onChange: announceLibraryChange });
   */
  constructor(
    readonly db: LibraryDatabase,
    options: LibraryServiceOptions = {},
  ) {
    this.now = options.now ?? (() => new Date());
    this.onChange = options.onChange ?? (() => {});
  }

  private async transact<T>(action: string, ids: string[] | null, work: () => Promise<T>): Promise<T> {
    let result: T;
    try {
      result = await this.db.transaction(
        'rw',
        [this.db.shelves, this.db.summaryShelves, this.db.newest, ...syncWriteTables(this.db)],
        work,
      );
    } catch (error) {
      throw describeStorageError(error, action);
    }
    await this.onChange(ids);
    return result;
  }

  /**
   * Write full records and remove ids, inside a transaction: the record shelves, and the summary
   * shelves with the newest row and the total in step. The one write path of the library: every save,
   * edit, removal, restore and import comes through here, so each notes its change for sync here too, in
   * the same transaction. Both are queued before either is awaited, so IndexedDB's backend writes one
   * while the page serialises the other.
   */
  private async storeRecords(put: readonly PreparedRecord[], remove: readonly string[] = []): Promise<void> {
    await recordChanges(this.db, [...put.map((record) => record.id), ...remove].map(episodeKey));
    const records = writeShelves(this.db.shelves, put, remove);
    // A failure is thrown by the Promise.all below (and aborts the transaction); this only keeps one that
    // comes first from being reported as unhandled meanwhile.
    records.catch(() => {});
    await Promise.all([records, writeSummaries(this.db, put, remove)]);
  }

  /** Full records of these ids, by id (inside the caller's transaction, if any). */
  private async readRecords(ids: Iterable<string>): Promise<Map<string, SavedEpisode>> {
    const records = new Map<string, SavedEpisode>();
    for (const [id, text] of await readRecordTexts(this.db.shelves, ids)) records.set(id, parseStored(text));
    return records;
  }

  /**
   * Save an episode, or refresh a saved one (personal fields kept). Saving the same id twice at once
   * leaves one record: the read and the write happen in one read-write transaction.
   * @example
   * const saved = await library.save(episode); saved.status // 'to-listen'
   */
  async save(episode: Episode): Promise<SavedEpisode> {
    return this.transact('save the episode', [episode.id], async () => {
      const now = this.now().toISOString();
      const existing = (await this.readRecords([episode.id])).get(episode.id);
      const saved: SavedEpisode = fitRecord(
        existing
          ? mergeScrape(existing, episode, now)
          : toSaved({ ...episode, ...DEFAULT_LISTENER_FIELDS, savedAt: now, updatedAt: now }),
      );
      await this.storeRecords([prepareRecord(saved)]);
      return saved;
    });
  }

  /**
   * Remove episodes; returns what was removed so the caller can undo with `restore`.
   * @example
   * const removed = await library.remove([id]); await library.restore(removed);
   */
  async remove(ids: string[]): Promise<SavedEpisode[]> {
    return this.transact('remove the episode', ids, async () => {
      const found = await this.readRecords(ids);
      const records = [...new Set(ids)].flatMap((id) => found.get(id) ?? []);
      await this.storeRecords([], ids);
      return records;
    });
  }

  /** Put removed episodes back exactly as they were (undo). */
  async restore(records: SavedEpisode[]): Promise<void> {
    await this.transact(
      'restore the episodes',
      records.map((r) => r.id),
      async () => {
        await this.storeRecords(records.map((record) => prepareRecord(fitRecord(record))));
      },
    );
  }

  /**
   * Which of these ids are saved.
   * @example
   * await library.savedIds(['a', 'b']) // ['b']
   */
  async savedIds(ids: string[]): Promise<string[]> {
    try {
      return await this.db.transaction('r', this.db.summaryShelves, () => storedIds(this.db, ids));
    } catch (error) {
      throw describeStorageError(error, 'read the library');
    }
  }

  /**
   * Change the listener's fields of some episodes (status, notes, tags, rating, position).
   * @example
   * await library.update([id], { status: 'listened' });
   */
  async update(ids: string[], patch: Partial<ListenerFields>): Promise<number> {
    const checked = ListenerFieldsSchema.partial().parse(patch);
    return this.transact('update the episode', ids, async () => {
      const updatedAt = this.now().toISOString();
      const records = [...(await this.readRecords(ids)).values()];
      await this.storeRecords(records.map((r) => prepareRecord(fitRecord({ ...r, ...checked, updatedAt }))));
      return records.length;
    });
  }

  /** Every saved episode, in id order. */
  async all(): Promise<SavedEpisode[]> {
    try {
      const stored = await this.db.transaction('r', this.db.shelves, () =>
        readAllRecordTexts(this.db.shelves),
      );
      return stored
        .sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
        .map((record) => parseStored(record.text));
    } catch (error) {
      throw describeStorageError(error, 'read the library');
    }
  }

  /** Every summary, in id order (what the library page lists, filters and searches). */
  async summaries(): Promise<EpisodeSummary[]> {
    try {
      return await this.db.transaction('r', this.db.summaryShelves, () => readAllSummaries(this.db));
    } catch (error) {
      throw describeStorageError(error, 'read the library');
    }
  }

  /** One full record (callers word their own errors: the details panel says it could not open it). */
  async get(id: string): Promise<SavedEpisode | undefined> {
    return (await this.readRecords([id])).get(id);
  }

  /**
   * The backup texts of these ids' full records, in this order, `slice` at a time (see recordTextsInOrder).
   * @example
   * for await (const texts of library.recordTexts(ids)) write(texts.join(',\n'));
   */
  recordTexts(ids: readonly string[], slice?: number): AsyncGenerator<string[]> {
    return recordTextsInOrder(this.db, ids, slice);
  }

  /**
   * The backup texts of these ids with their positions in `ids`, shelf by shelf (see recordTextsByShelf).
   * @example
   * for await (const { positions, texts } of library.recordTextsByShelf(ids)) texts.forEach((t, i) => write(positions[i], t));
   */
  recordTextsByShelf(
    ids: readonly string[],
    shelvesPerRead?: number,
  ): AsyncGenerator<{ positions: number[]; texts: string[] }> {
    return recordTextsByShelf(this.db, ids, shelvesPerRead);
  }

  /**
   * Full records of these ids in this order (missing ids skipped), `slice` at a time.
   * @example
   * for await (const slice of library.records(ids)) write(slice);
   */
  async *records(ids: readonly string[], slice = 2_000): AsyncGenerator<SavedEpisode[]> {
    for await (const texts of this.recordTexts(ids, slice)) yield texts.map(parseStored);
  }

  /**
   * Merge validated episodes (an import) by id, all in ONE transaction: either all land or none.
   * @example
   * const report = await library.merge(backup.episodes); report.added
   */
  async merge(incoming: readonly SavedEpisode[]): Promise<MergeReport> {
    return this.mergePrepared(incoming.map(prepareRecord));
  }

  /**
   * `merge` of episodes already prepared for storage (an import prepares each as soon as it is checked).
   * @example
   * const report = await library.mergePrepared(checked.map(prepareRecord));
   */
  async mergePrepared(incoming: readonly PreparedRecord[]): Promise<MergeReport> {
    return this.transact('import the backup', null, async () => {
      const { report, changed } = await planMerge(this.db, incoming);
      await this.storeRecords(changed);
      return report;
    });
  }
}

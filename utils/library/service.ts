// The library service: every read and write of saved episodes, each write one transaction.
import type { Episode } from '../model';
import type { LibraryDatabase } from './db';
import { describeStorageError } from './errors';
import { mergeImported, mergeScrape } from './merge';
import {
  parseStored,
  readAllRecordTexts,
  readRecordTexts,
  shelfOf,
  writeShelves,
  type Shelf,
} from './shelves';
import { readAllSummaries, storedIds, writeSummaries } from './summary-shelves';
import { prepareRecord, type PreparedRecord } from './prepared';
import { fitRecord } from './limits';
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

export interface MergeReport {
  added: number;
  updated: number;
  unchanged: number;
  /**
   * Present when uniting an episode's personal tags with the backup's went past the limit: on how many
   * episodes, and how many tags were left out (the newer version's tags are all kept, see unitedTags).
   */
  tagsLeftOut?: { episodes: number; tags: number };
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
      result = await this.db.transaction('rw', this.db.shelves, this.db.summaryShelves, this.db.newest, work);
    } catch (error) {
      throw describeStorageError(error, action);
    }
    await this.onChange(ids);
    return result;
  }

  /**
   * Write full records and remove ids, inside a transaction: the record shelves, and the summary
   * shelves with the newest row and the total in step. The one write path of the library: every save,
   * edit, removal, restore and import comes through here. Both are queued before either is awaited, so
   * IndexedDB's backend writes one while the page serialises the other.
   */
  private async storeRecords(put: readonly PreparedRecord[], remove: readonly string[] = []): Promise<void> {
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
   * The backup text (`episodeBackupText`) of these ids' full records, in this order (missing ids
   * skipped), `slice` at a time. Shelves are read once, in one transaction, so the texts of the
   * episodes asked for are held until written (strings: the size of the JSON file).
   * @example
   * for await (const texts of library.recordTexts(ids)) write(texts.join(',\n'));
   */
  async *recordTexts(ids: readonly string[], slice = 2_000): AsyncGenerator<string[]> {
    let texts: Map<string, string>;
    try {
      texts = await this.db.transaction('r', this.db.shelves, () => readRecordTexts(this.db.shelves, ids));
    } catch (error) {
      throw describeStorageError(error, 'read the library');
    }
    for (let start = 0; start < ids.length; start += slice) {
      const out: string[] = [];
      for (let i = start; i < Math.min(ids.length, start + slice); i++) {
        const text = texts.get(ids[i]!);
        if (text === undefined) continue;
        out.push(text);
        // Each id once, and the string can go as soon as it is written.
        texts.delete(ids[i]!);
      }
      yield out;
    }
  }

  /**
   * The backup texts of these ids with their positions in `ids` (an id listed twice: its first), shelf by
   * shelf in no particular order, missing ids skipped. A few dozen shelves per read, each read its own
   * transaction and started before the previous batch is handed over: the caller uses each batch while
   * the next is read, and no more than a batch of texts is held (a Markdown export parses and drops them;
   * a whole library's texts held at once are a large heap for the garbage collector to promote and mark).
   * @example
   * for await (const { positions, texts } of library.recordTextsByShelf(ids)) texts.forEach((t, i) => write(positions[i], t));
   */
  async *recordTextsByShelf(
    ids: readonly string[],
    shelvesPerRead = 32,
  ): AsyncGenerator<{ positions: number[]; texts: string[] }> {
    const positionOf = new Map<string, number>();
    ids.forEach((id, position) => {
      if (!positionOf.has(id)) positionOf.set(id, position);
    });
    const keys = [...new Set([...positionOf.keys()].map(shelfOf))].sort((a, b) => a - b);
    const read = async (batch: number[]): Promise<(Shelf | undefined)[]> => {
      try {
        return await this.db.transaction('r', this.db.shelves, () => this.db.shelves.bulkGet(batch));
      } catch (error) {
        throw describeStorageError(error, 'read the library');
      }
    };
    let pending = keys.length > 0 ? read(keys.slice(0, shelvesPerRead)) : null;
    for (let start = 0; pending; start += shelvesPerRead) {
      const shelves = await pending;
      const next = start + shelvesPerRead;
      pending = next < keys.length ? read(keys.slice(next, next + shelvesPerRead)) : null;
      // Its failure is thrown when awaited above; this only keeps it from being reported as unhandled
      // if the caller stops early.
      pending?.catch(() => {});
      const positions: number[] = [];
      const texts: string[] = [];
      for (const shelf of shelves) {
        if (!shelf) continue;
        for (let i = 0; i < shelf.ids.length; i++) {
          const position = positionOf.get(shelf.ids[i]!);
          if (position === undefined) continue;
          positions.push(position);
          texts.push(shelf.texts[i]!);
        }
      }
      yield { positions, texts };
    }
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
      const report: MergeReport = { added: 0, updated: 0, unchanged: 0 };
      // Ids only (from the summary shelves), then full records only for the ids already saved: importing
      // into an empty or small library reads nothing else.
      const knownIds = new Set(
        await storedIds(
          this.db,
          incoming.map((e) => e.id),
        ),
      );
      const existing = await readRecordTexts(this.db.shelves, knownIds);
      // Each id's latest text (stored, or as merged so far) and, when it is to be written, its prepared form.
      const latest = new Map<string, string>();
      const changed = new Map<string, PreparedRecord>();
      const leftOut = (tags: number) => {
        if (tags <= 0) return;
        report.tagsLeftOut ??= { episodes: 0, tags: 0 };
        report.tagsLeftOut.episodes++;
        report.tagsLeftOut.tags += tags;
      };
      for (const record of incoming) {
        const localText = latest.get(record.id) ?? existing.get(record.id);
        if (localText === undefined) {
          report.added++;
          leftOut(record.tagsLeftOut ?? 0);
          // No parse: stored as prepared.
          latest.set(record.id, record.text);
          changed.set(record.id, record);
          continue;
        }
        const local = parseStored(localText);
        const incomingRecord = parseStored(record.text);
        const merged = fitRecord(mergeImported(local, incomingRecord));
        leftOut(
          new Set([...local.tags, ...incomingRecord.tags]).size -
            merged.tags.length +
            (record.tagsLeftOut ?? 0),
        );
        if (JSON.stringify(merged) === JSON.stringify(local)) report.unchanged++;
        else {
          report.updated++;
          const prepared = prepareRecord(merged);
          latest.set(record.id, prepared.text);
          changed.set(record.id, prepared);
        }
      }
      // Unchanged records are not rewritten: re-importing a backup costs reads only.
      await this.storeRecords([...changed.values()]);
      return report;
    });
  }
}

// The library service: every read and write of saved episodes, each write one transaction.
import type { Episode } from '../model';
import type { LibraryDatabase } from './db';
import { describeStorageError } from './errors';
import { mergeImported, mergeScrape } from './merge';
import {
  DEFAULT_LISTENER_FIELDS,
  ListenerFieldsSchema,
  toSaved,
  toSummary,
  type EpisodeSummary,
  type ListenerFields,
  type SavedEpisode,
} from './record';

/** Writes go to IndexedDB in slices this big, so the page can paint between them (same transaction). */
const WRITE_SLICE = 1_000;


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
      result = await this.db.transaction('rw', this.db.episodes, this.db.summaries, work);
    } catch (error) {
      throw describeStorageError(error, action);
    }
    await this.onChange(ids);
    return result;
  }

  /**
   * Write full records and their summaries (inside a transaction), a slice at a time: the next slice is
   * queued before waiting for the previous one, so IndexedDB's backend writes one while the page
   * serialises the next, and the page can still paint between slices.
   */
  private async putRecords(records: SavedEpisode[]): Promise<void> {
    let previous: Promise<unknown> = Promise.resolve();
    for (let start = 0; start < records.length; start += WRITE_SLICE) {
      const slice = records.slice(start, start + WRITE_SLICE);
      const current = Promise.all([this.db.episodes.bulkPut(slice), this.db.summaries.bulkPut(slice.map(toSummary))]);
      await previous;
      previous = current;
    }
    await previous;
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
      const existing = await this.db.episodes.get(episode.id);
      const saved: SavedEpisode = existing
        ? mergeScrape(existing, episode, now)
        : toSaved({ ...episode, ...DEFAULT_LISTENER_FIELDS, savedAt: now, updatedAt: now });
      await this.putRecords([saved]);
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
      const records = (await this.db.episodes.bulkGet(ids)).filter((r): r is SavedEpisode => r !== undefined);
      await this.db.episodes.bulkDelete(ids);
      await this.db.summaries.bulkDelete(ids);
      return records.map(toSaved);
    });
  }

  /** Put removed episodes back exactly as they were (undo). */
  async restore(records: SavedEpisode[]): Promise<void> {
    await this.transact(
      'restore the episodes',
      records.map((r) => r.id),
      async () => {
        await this.putRecords(records.map(toSaved));
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
      const keys = await this.db.episodes.where('id').anyOf(ids).primaryKeys();
      return keys;
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
      const records = (await this.db.episodes.bulkGet(ids)).filter((r): r is SavedEpisode => r !== undefined);
      await this.putRecords(records.map((r) => toSaved({ ...toSaved(r), ...checked, updatedAt })));
      return records.length;
    });
  }

  /** Every saved episode, in id order. */
  async all(): Promise<SavedEpisode[]> {
    try {
      return (await this.db.episodes.toArray()).map(toSaved);
    } catch (error) {
      throw describeStorageError(error, 'read the library');
    }
  }

  /** Every summary, in id order (what the library page lists, filters and searches). */
  async summaries(): Promise<EpisodeSummary[]> {
    try {
      return await this.db.summaries.toArray();
    } catch (error) {
      throw describeStorageError(error, 'read the library');
    }
  }

  async get(id: string): Promise<SavedEpisode | undefined> {
    const record = await this.db.episodes.get(id);
    return record && toSaved(record);
  }

  /**
   * Full records of these ids in this order (missing ids skipped), read `slice` at a time so a caller
   * streaming an export holds one slice in memory.
   * @example
   * for await (const slice of library.records(ids)) write(slice);
   */
  async *records(ids: readonly string[], slice = 2_000): AsyncGenerator<SavedEpisode[]> {
    for (let start = 0; start < ids.length; start += slice) {
      let found: (SavedEpisode | undefined)[];
      try {
        found = await this.db.episodes.bulkGet(ids.slice(start, start + slice));
      } catch (error) {
        throw describeStorageError(error, 'read the library');
      }
      // Records are stored in toSaved's shape already (every write goes through it, the v3 upgrade strips
      // older derived fields): no copy here, exports make the one they need.
      yield found.filter((r): r is SavedEpisode => r !== undefined);
    }
  }

  /**
   * Merge validated episodes (an import) by id, all in ONE transaction: either all land or none.
   * @example
   * const report = await library.merge(backup.episodes); report.added
   */
  async merge(incoming: SavedEpisode[]): Promise<MergeReport> {
    return this.transact('import the backup', null, async () => {
      const report: MergeReport = { added: 0, updated: 0, unchanged: 0 };
      // Keys only (cheap), then full records only for the ids already saved: importing into an empty
      // or small library reads nothing else.
      const savedKeys = new Set(await this.db.episodes.toCollection().primaryKeys());
      const knownIds = [...new Set(incoming.map((e) => e.id).filter((id) => savedKeys.has(id)))];
      const existing = new Map<string, SavedEpisode>();
      for (const record of await this.db.episodes.bulkGet(knownIds)) if (record) existing.set(record.id, toSaved(record));
      const byId = new Map<string, SavedEpisode>();
      const changed = new Set<string>();
      for (const episode of incoming) {
        const local = byId.get(episode.id) ?? existing.get(episode.id);
        if (!local) {
          report.added++;
          byId.set(episode.id, toSaved(episode));
          changed.add(episode.id);
          continue;
        }
        const merged = mergeImported(local, episode);
        if (JSON.stringify(merged) === JSON.stringify(local)) report.unchanged++;
        else {
          report.updated++;
          changed.add(episode.id);
        }
        byId.set(episode.id, merged);
      }
      // Unchanged records are not rewritten: re-importing a backup costs reads only.
      await this.putRecords([...changed].map((id) => byId.get(id)!));
      return report;
    });
  }
}

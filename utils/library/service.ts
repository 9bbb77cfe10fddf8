// The library service: every read and write of saved episodes, each write one transaction.
import type { Episode } from '../model';
import type { LibraryDatabase } from './db';
import { describeStorageError } from './errors';
import { mergeImported, mergeScrape } from './merge';
import {
  DEFAULT_LISTENER_FIELDS,
  ListenerFieldsSchema,
  toSaved,
  toStored,
  type ListenerFields,
  type SavedEpisode,
  type StoredEpisode,
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
      result = await this.db.transaction('rw', this.db.episodes, work);
    } catch (error) {
      throw describeStorageError(error, action);
    }
    await this.onChange(ids);
    return result;
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
      await this.db.episodes.put(toStored(saved));
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
      const records = (await this.db.episodes.bulkGet(ids)).filter((r): r is StoredEpisode => r !== undefined);
      await this.db.episodes.bulkDelete(ids);
      return records.map(toSaved);
    });
  }

  /** Put removed episodes back exactly as they were (undo). */
  async restore(records: SavedEpisode[]): Promise<void> {
    await this.transact(
      'restore the episodes',
      records.map((r) => r.id),
      async () => {
        await this.db.episodes.bulkPut(records.map(toStored));
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
      const records = (await this.db.episodes.bulkGet(ids)).filter((r): r is StoredEpisode => r !== undefined);
      await this.db.episodes.bulkPut(records.map((r) => toStored({ ...toSaved(r), ...checked, updatedAt })));
      return records.length;
    });
  }

  /** Every saved episode (derived fields included), unordered. */
  async all(): Promise<StoredEpisode[]> {
    try {
      return await this.db.episodes.toArray();
    } catch (error) {
      throw describeStorageError(error, 'read the library');
    }
  }

  async get(id: string): Promise<SavedEpisode | undefined> {
    const record = await this.db.episodes.get(id);
    return record && toSaved(record);
  }

  /**
   * Merge validated episodes (an import) by id, all in ONE transaction: either all land or none.
   * @example
   * const report = await library.merge(backup.episodes); report.added
   */
  async merge(incoming: SavedEpisode[]): Promise<MergeReport> {
    return this.transact('import the backup', null, async () => {
      const report: MergeReport = { added: 0, updated: 0, unchanged: 0 };
      const existing = await this.db.episodes.bulkGet(incoming.map((e) => e.id));
      const byId = new Map<string, SavedEpisode>();
      incoming.forEach((episode, index) => {
        const local = byId.get(episode.id) ?? (existing[index] && toSaved(existing[index]));
        if (!local) {
          report.added++;
          byId.set(episode.id, toSaved(episode));
          return;
        }
        const merged = mergeImported(local, episode);
        if (JSON.stringify(merged) === JSON.stringify(local)) report.unchanged++;
        else report.updated++;
        byId.set(episode.id, merged);
      });
      await this.db.episodes.bulkPut([...byId.values()].map(toStored));
      return report;
    });
  }
}

// Saved chapters: the reads and writes of the `savedChapters` table (library schema 7), each write one transaction.
import type { Episode } from '../model';
import type { LibraryDatabase } from './db';
import { describeStorageError } from './errors';
import { libraryDb } from './db';
import { announceLibraryChange } from './revision';
import { savedChapterOf, type ChapterRef, type SavedChapter } from './saved-chapter-record';
import { chapterKey, recordChanges, syncWriteTables } from './sync-tables';

export interface SavedChaptersOptions {
  /** Clock, injectable for tests. */
  now?: () => Date;
  /** Called after a write commits with the episode ids whose saved chapters changed (null: many). */
  onChange?: (episodeIds: string[] | null) => void | Promise<void>;
}

/** How a merge of imported saved chapters went. */
export interface SavedChaptersMergeReport {
  added: number;
  updated: number;
  unchanged: number;
}

const keyOf = (ref: ChapterRef): [string, number] => [ref.episodeId, ref.start];

/**
 * The library's saved chapters.
 * @example
 * const saved = new SavedChapters(libraryDb());
 * await saved.saveChapter(episode, 754); await saved.listSavedChapters(); // [{ episodeId, start: 754, … }]
 */
export class SavedChapters {
  private readonly now: () => Date;
  private readonly onChange: (episodeIds: string[] | null) => void | Promise<void>;

  constructor(
    readonly db: LibraryDatabase,
    options: SavedChaptersOptions = {},
  ) {
    this.now = options.now ?? (() => new Date());
    this.onChange = options.onChange ?? (() => {});
  }

  private async write<T>(action: string, episodeIds: string[] | null, work: () => Promise<T>): Promise<T> {
    let result: T;
    try {
      // Every write notes its change for sync in the same transaction (utils/library/sync-tables.ts).
      result = await this.db.transaction('rw', [this.db.savedChapters, ...syncWriteTables(this.db)], work);
    } catch (error) {
      throw describeStorageError(error, action);
    }
    await this.onChange(episodeIds);
    return result;
  }

  /**
   * Star the chapter of `episode` starting at `start`, with a copy of what it needs of the episode. Saving
   * it again refreshes that copy and keeps the first saved time. Null when the episode has no such chapter.
   */
  async saveChapter(episode: Episode, start: number): Promise<SavedChapter | null> {
    const chapter = savedChapterOf(episode, start, this.now());
    if (chapter === null) return null;
    return this.write('save the chapter', [episode.id], async () => {
      const existing = await this.db.savedChapters.get(keyOf(chapter));
      const saved = existing === undefined ? chapter : { ...chapter, savedAt: existing.savedAt };
      await this.db.savedChapters.put(saved);
      await recordChanges(this.db, [chapterKey(saved)]);
      return saved;
    });
  }

  /** Remove a saved chapter; false when it was not saved. */
  async unsaveChapter(ref: ChapterRef): Promise<boolean> {
    return this.write('remove the saved chapter', [ref.episodeId], async () => {
      const key = keyOf(ref);
      if ((await this.db.savedChapters.get(key)) === undefined) return false;
      await this.db.savedChapters.delete(key);
      await recordChanges(this.db, [chapterKey(ref)]);
      return true;
    });
  }

  /** Every saved chapter, the most recently saved first (ties: episode, then start). */
  async listSavedChapters(): Promise<SavedChapter[]> {
    const all = await this.db.savedChapters.toArray();
    return all.sort(
      (a, b) =>
        b.savedAt.localeCompare(a.savedAt) || a.episodeId.localeCompare(b.episodeId) || a.start - b.start,
    );
  }

  /** The starts of an episode's saved chapters, ascending: which stars a panel shows lit. */
  async savedStarts(episodeId: string): Promise<number[]> {
    const rows = await this.db.savedChapters
      .where('[episodeId+start]')
      .between([episodeId, 0], [episodeId, Infinity])
      .toArray();
    return rows.map((row) => row.start);
  }

  /** Whether each chapter is saved, in the order asked. */
  async isChapterSaved(refs: readonly ChapterRef[]): Promise<boolean[]> {
    if (refs.length === 0) return [];
    const rows = await this.db.savedChapters.bulkGet(refs.map(keyOf));
    return rows.map((row) => row !== undefined);
  }

  /**
   * Merge checked saved chapters (a backup's) into the library: new ones are added; one already saved is
   * replaced by the imported copy only when that was saved later, so importing a file twice changes nothing.
   */
  async mergeSavedChapters(chapters: readonly SavedChapter[]): Promise<SavedChaptersMergeReport> {
    const report: SavedChaptersMergeReport = { added: 0, updated: 0, unchanged: 0 };
    if (chapters.length === 0) return report;
    return this.write('import the saved chapters', null, async () => {
      const existing = await this.db.savedChapters.bulkGet(chapters.map(keyOf));
      const put: SavedChapter[] = [];
      chapters.forEach((chapter, i) => {
        const stored = existing[i];
        if (stored === undefined) {
          report.added++;
          put.push(chapter);
        } else if (chapter.savedAt > stored.savedAt) {
          report.updated++;
          put.push(chapter);
        } else report.unchanged++;
      });
      await this.db.savedChapters.bulkPut(put);
      await recordChanges(this.db, put.map(chapterKey));
      return report;
    });
  }
}

let shared: SavedChapters | undefined;

/**
 * The saved chapters of this extension context (background or extension page); writes announce a library change.
 * @example
 * await contextSavedChapters().saveChapter(episode, 754);
 */
export function contextSavedChapters(): SavedChapters {
  shared ??= new SavedChapters(libraryDb(), { onChange: announceLibraryChange });
  return shared;
}

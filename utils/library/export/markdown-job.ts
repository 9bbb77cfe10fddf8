// One share of a Markdown reading-list export as a job a worker runs: read its episodes' full records from
// the library's IndexedDB and write them as a reading-list shard (pure of any worker API, so tests run it).
import type { LibraryDatabase } from '../db';
import { LibraryStorageError } from '../errors';
import { LibraryService } from '../service';
import { parseStored } from '../shelves';
import type { ReadingListOptions } from './reading-list';
import { ReadingListBytes, type ReadingListShard } from './reading-list-bytes';

/** What the page asks of a worker: some of the list's episodes, each with its position in the whole list. */
export interface MarkdownJob {
  /** The library database's name (the worker opens its own connection to it). */
  dbName: string;
  groupBy: ReadingListOptions['groupBy'];
  technologies?: string[];
  /** Milliseconds since the epoch (a Date is posted as one anyway; kept explicit). */
  exportedAt: number;
  ids: string[];
  /** Each id's position in the whole list, parallel to `ids`. */
  positions: number[];
}

/** A worker's answer: its shard, or the failure as the message the listener will read. */
export type MarkdownJobResult =
  | { ok: true; shard: ReadingListShard; count: number }
  /** `reason` is set for a storage failure (a LibraryStorageError's), absent for any other error. */
  | { ok: false; message: string; reason?: string };

/**
 * The job's reading-list options (the whole list's, as the page would pass them).
 * @example
 * new ReadingListBytes(markdownJobOptions(job))
 */
export function markdownJobOptions(job: Pick<MarkdownJob, 'groupBy' | 'technologies' | 'exportedAt'>): ReadingListOptions {
  return { groupBy: job.groupBy, technologies: job.groupBy === 'technology' ? job.technologies : undefined, exportedAt: new Date(job.exportedAt) };
}

/**
 * Read the job's records shelf by shelf from this database and write them into a reading-list shard.
 * Failures come back as `{ ok: false }` with the message the page would have shown (a storage failure
 * as `describeStorageError` words it), never thrown: a worker posts its result whatever happens.
 * @example
 * const result = await runMarkdownJob(new LibraryDatabase(job.dbName), job);
 */
export async function runMarkdownJob(db: LibraryDatabase, job: MarkdownJob): Promise<MarkdownJobResult> {
  try {
    const writer = new ReadingListBytes(markdownJobOptions(job));
    const positions = job.positions;
    let count = 0;
    for await (const slice of new LibraryService(db).recordTextsByShelf(job.ids)) {
      const texts = slice.texts;
      // Each record is parsed only to be written, and let go at once.
      for (let i = 0; i < texts.length; i++) writer.add(parseStored(texts[i]!), positions[slice.positions[i]!]!);
      count += texts.length;
    }
    return { ok: true, shard: writer.shard(), count };
  } catch (error) {
    // recordTextsByShelf has already described IndexedDB failures; anything else keeps its own message.
    if (error instanceof LibraryStorageError) return { ok: false, message: error.message, reason: error.reason };
    return { ok: false, message: error instanceof Error ? error.message : String(error) };
  }
}

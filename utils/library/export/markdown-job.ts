// What a Markdown export worker does, pure of any worker API (so tests run it): read a share of the list's
// episodes from the library's IndexedDB into a reading-list shard, and assemble shards into the file.
import type { LibraryDatabase } from '../db';
import { LibraryStorageError } from '../errors';
import { LibraryService } from '../service';
import { parseStored } from '../shelves';
import type { ReadingListOptions } from '../../export/reading-list';
import {
  assembleReadingList,
  ReadingListBytes,
  readingListShardBuffers,
  type ReadingListShard,
} from './reading-list-bytes';

/** What the page asks of a worker first: some of the list's episodes, each with its position in the whole list. */
export interface MarkdownJob {
  type: 'job';
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

/** What the page asks of one worker last: the file, from every worker's shard (the list's order is global). */
export interface MarkdownAssembly {
  type: 'assemble';
  groupBy: ReadingListOptions['groupBy'];
  technologies?: string[];
  exportedAt: number;
  shards: ReadingListShard[];
  /** The file's MIME type. */
  fileType: string;
}

export type MarkdownWorkerRequest = MarkdownJob | MarkdownAssembly;

/** The finished file, from an assembly. */
export type MarkdownFileResult = { ok: true; blob: Blob } | { ok: false; message: string };

/** A worker's answer to a job: its shard, or the failure as the message the listener will read. */
export type MarkdownJobResult =
  | { ok: true; shard: ReadingListShard; count: number }
  /** `reason` is set for a storage failure (a LibraryStorageError's), absent for any other error. */
  | { ok: false; message: string; reason?: string };

/**
 * The job's reading-list options (the whole list's, as the page would pass them).
 * @example
 * new ReadingListBytes(markdownJobOptions(job))
 */
export function markdownJobOptions(
  job: Pick<MarkdownJob, 'groupBy' | 'technologies' | 'exportedAt'>,
): ReadingListOptions {
  return {
    groupBy: job.groupBy,
    technologies: job.groupBy === 'technology' ? job.technologies : undefined,
    exportedAt: new Date(job.exportedAt),
  };
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
      for (let i = 0; i < texts.length; i++)
        writer.add(parseStored(texts[i]!), positions[slice.positions[i]!]!);
      count += texts.length;
    }
    return { ok: true, shard: writer.shard(), count };
  } catch (error) {
    // recordTextsByShelf has already described IndexedDB failures; anything else keeps its own message.
    if (error instanceof LibraryStorageError)
      return { ok: false, message: error.message, reason: error.reason };
    return { ok: false, message: error instanceof Error ? error.message : String(error) };
  }
}

/**
 * The file of these shards (every worker's), as one Blob: copied together where the shards are, off the
 * page's heap.
 * @example
 * const { blob } = assembleMarkdownFile({ type: 'assemble', groupBy: 'podcast', exportedAt, shards, fileType: 'text/markdown' });
 */
export function assembleMarkdownFile(request: MarkdownAssembly): MarkdownFileResult {
  try {
    return {
      ok: true,
      blob: new Blob([...assembleReadingList(request.shards, markdownJobOptions(request))], {
        type: `${request.fileType};charset=utf-8`,
      }),
    };
  } catch (error) {
    return { ok: false, message: error instanceof Error ? error.message : String(error) };
  }
}

/**
 * A worker's answer to a request, with what its message transfers (a shard's buffers move, not copy).
 * @example
 * const { answer, transfer } = await answerMarkdownRequest(event.data, (name) => new LibraryDatabase(name)); postMessage(answer, { transfer });
 */
export async function answerMarkdownRequest(
  request: MarkdownWorkerRequest,
  open: (dbName: string) => LibraryDatabase,
): Promise<{ answer: MarkdownJobResult | MarkdownFileResult; transfer: ArrayBuffer[] }> {
  if (request.type === 'assemble') return { answer: assembleMarkdownFile(request), transfer: [] };
  const db = open(request.dbName);
  try {
    const answer = await runMarkdownJob(db, request);
    return { answer, transfer: answer.ok ? readingListShardBuffers(answer.shard) : [] };
  } finally {
    db.close();
  }
}

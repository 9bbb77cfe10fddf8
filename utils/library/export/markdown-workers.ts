// A Markdown reading-list export run by workers: each reads and writes the episodes of some shelves, the
// page assembles their shards into the file (byte for byte what the page would have written itself).
import { LibraryStorageError } from '../errors';
import { shelfOf } from '../shelves';
import { exportFileName } from '../../export/filename';
import { LIBRARY_EXPORTS } from './index';
import type {
  MarkdownFileResult,
  MarkdownJob,
  MarkdownJobResult,
  MarkdownWorkerRequest,
} from './markdown-job';
import { readingListShardBuffers, type ReadingListShard } from './reading-list-bytes';
import type { ExportBlob } from './stream';

/** The part of a `Worker` an export uses (tests pass one that runs the jobs in-process). */
export interface MarkdownWorker {
  postMessage(request: MarkdownWorkerRequest, options?: { transfer: Transferable[] }): void;
  /** 'message' events are MessageEvents. */
  addEventListener(type: 'message' | 'error' | 'messageerror', listener: (event: Event) => void): void;
  removeEventListener(type: 'message' | 'error' | 'messageerror', listener: (event: Event) => void): void;
  terminate(): void;
}

/** Below this many episodes one worker does it all: a second one's start costs more than it saves. */
const ONE_WORKER_BELOW = 2_000;

/** Why the workers could not do the export (the caller writes it in the page instead). */
class WorkerUnavailable extends Error {}

/** A started worker, or WorkerUnavailable. */
function start(spawn: () => MarkdownWorker): MarkdownWorker {
  try {
    return spawn();
  } catch (error) {
    throw new WorkerUnavailable(String(error));
  }
}

/**
 * Post a request and wait for the worker's answer. Rejects with `WorkerUnavailable` when the worker
 * cannot run (its script failed to load, an uncaught error, an answer that could not be read).
 */
function ask<T>(
  worker: MarkdownWorker,
  request: MarkdownWorkerRequest,
  transfer: Transferable[] = [],
): Promise<T> {
  return new Promise((resolve, reject) => {
    const done = () => {
      worker.removeEventListener('message', answered);
      worker.removeEventListener('error', failed);
      worker.removeEventListener('messageerror', failed);
    };
    const answered = (event: Event) => {
      done();
      resolve((event as MessageEvent<T>).data);
    };
    const failed = (event: Event) => {
      done();
      reject(new WorkerUnavailable((event as ErrorEvent).message || event.type));
    };
    worker.addEventListener('message', answered);
    worker.addEventListener('error', failed);
    worker.addEventListener('messageerror', failed);
    worker.postMessage(request, { transfer });
  });
}

/** A job's shard, or the error the page's own export would have thrown (so the listener reads the same notice). */
function shardOf(result: MarkdownJobResult): { shard: ReadingListShard; count: number } {
  if (result.ok) return result;
  throw result.reason === undefined
    ? new Error(result.message)
    : new LibraryStorageError(result.message, result.reason);
}

/**
 * Export these episodes (ids in list order) as a Markdown reading list, read and written by workers
 * (one per shelf parity, up to `workers`), or `null` when workers are not available here, so the caller
 * writes it in the page. A storage failure in a worker rejects with its LibraryStorageError.
 * @example
 * const file = (await exportReadingListInWorkers('markdown-technology', ids, { exportedAt, dbName, spawn })) ?? (await streamLibraryExport(…));
 */
export async function exportReadingListInWorkers(
  kind: 'markdown-technology' | 'markdown-podcast',
  ids: readonly string[],
  options: {
    exportedAt: Date;
    technologies?: string[];
    dbName: string;
    spawn: () => MarkdownWorker;
    workers?: number;
  },
): Promise<ExportBlob | null> {
  const groupBy = kind === 'markdown-technology' ? 'technology' : 'podcast';
  const count = Math.max(1, Math.min(options.workers ?? 2, ids.length < ONE_WORKER_BELOW ? 1 : Infinity));
  // Whole shelves per worker: each reads only its own rows.
  const jobs: MarkdownJob[] = Array.from({ length: count }, () => ({
    type: 'job',
    dbName: options.dbName,
    groupBy,
    technologies: options.technologies,
    exportedAt: options.exportedAt.getTime(),
    ids: [],
    positions: [],
  }));
  for (let position = 0; position < ids.length; position++) {
    const id = ids[position]!;
    const job = jobs[shelfOf(id) % count]!;
    job.ids.push(id);
    job.positions.push(position);
  }
  const spec = LIBRARY_EXPORTS[kind];
  const workers: MarkdownWorker[] = [];
  try {
    for (let i = 0; i < count; i++) workers.push(start(options.spawn));
    const results = (
      await Promise.all(workers.map((worker, i) => ask<MarkdownJobResult>(worker, jobs[i]!)))
    ).map(shardOf);
    // The first worker copies the file together, off the page's heap (on the page, the collector's work
    // after receiving every worker's stores was most of the assembly).
    const shards = results.map((result) => result.shard);
    const transfer = shards.flatMap(readingListShardBuffers);
    const request = {
      type: 'assemble',
      groupBy,
      technologies: options.technologies,
      exportedAt: jobs[0]!.exportedAt,
      shards,
      fileType: spec.type,
    } as const;
    const file = await ask<MarkdownFileResult>(workers[0]!, request, transfer);
    if (!file.ok) throw new Error(file.message);
    return {
      name: exportFileName(spec.extension, options.exportedAt),
      type: spec.type,
      blob: file.blob,
      count: results.reduce((sum, result) => sum + result.count, 0),
    };
  } catch (error) {
    if (error instanceof WorkerUnavailable) return null;
    throw error;
  } finally {
    for (const worker of workers) worker.terminate();
  }
}

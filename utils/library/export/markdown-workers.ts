// A Markdown reading-list export run by workers: each reads and writes the episodes of some shelves, the
// page assembles their shards into the file (byte for byte what the page would have written itself).
import { LibraryStorageError } from '../errors';
import { shelfOf } from '../shelves';
import { exportFileName } from './filename';
import { LIBRARY_EXPORTS } from './index';
import { markdownJobOptions, type MarkdownJob, type MarkdownJobResult } from './markdown-job';
import { assembleReadingList, type ReadingListShard } from './reading-list-bytes';
import type { ExportBlob } from './stream';

/** The part of a `Worker` an export uses (tests pass one that runs the job in-process). */
export interface MarkdownWorker {
  postMessage(job: MarkdownJob): void;
  addEventListener(type: 'message', listener: (event: MessageEvent<MarkdownJobResult>) => void): void;
  addEventListener(type: 'error' | 'messageerror', listener: (event: Event) => void): void;
  terminate(): void;
}

/** Below this many episodes one worker does it all: a second one's start costs more than it saves. */
const ONE_WORKER_BELOW = 2_000;

/** Why the workers could not do the export (the caller writes it in the page instead). */
class WorkerUnavailable extends Error {}

/**
 * One worker's job: its shard of the list or the failure it reported. Rejects with `WorkerUnavailable`
 * when the worker cannot start or run (its script failed to load, an uncaught error, an unreadable answer).
 */
function runJob(spawn: () => MarkdownWorker, job: MarkdownJob): Promise<{ shard: ReadingListShard; count: number }> {
  return new Promise((resolve, reject) => {
    let worker: MarkdownWorker;
    try {
      worker = spawn();
    } catch (error) {
      reject(new WorkerUnavailable(String(error)));
      return;
    }
    const fail = (event: Event) => {
      worker.terminate();
      reject(new WorkerUnavailable((event as ErrorEvent).message || event.type));
    };
    worker.addEventListener('error', fail);
    worker.addEventListener('messageerror', fail);
    worker.addEventListener('message', (event: MessageEvent<MarkdownJobResult>) => {
      worker.terminate();
      const result = event.data;
      if (result.ok) resolve(result);
      // The same error the page's own export would have thrown, so the listener reads the same notice.
      else reject(result.reason === undefined ? new Error(result.message) : new LibraryStorageError(result.message, result.reason));
    });
    worker.postMessage(job);
  });
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
  options: { exportedAt: Date; technologies?: string[]; dbName: string; spawn: () => MarkdownWorker; workers?: number },
): Promise<ExportBlob | null> {
  const groupBy = kind === 'markdown-technology' ? 'technology' : 'podcast';
  const count = Math.max(1, Math.min(options.workers ?? 2, ids.length < ONE_WORKER_BELOW ? 1 : Infinity));
  // Whole shelves per worker: each reads only its own rows.
  const jobs: MarkdownJob[] = Array.from({ length: count }, () => ({
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
  let results: { shard: ReadingListShard; count: number }[];
  try {
    results = await Promise.all(jobs.map((job) => runJob(options.spawn, job)));
  } catch (error) {
    if (error instanceof WorkerUnavailable) return null;
    throw error;
  }
  const spec = LIBRARY_EXPORTS[kind];
  const parts = [...assembleReadingList(results.map((result) => result.shard), markdownJobOptions(jobs[0]!))];
  return {
    name: exportFileName(spec.extension, options.exportedAt),
    type: spec.type,
    blob: new Blob(parts, { type: `${spec.type};charset=utf-8` }),
    count: results.reduce((sum, result) => sum + result.count, 0),
  };
}

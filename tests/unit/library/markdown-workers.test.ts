// Reading lists written by workers (each a share of the shelves, assembled by the page) are byte for byte
// the page's own export; a worker that cannot start leaves the export to the page; failures keep their messages.
import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { exportLibrary } from '@/utils/library/export';
import { LibraryDatabase } from '@/utils/library/db';
import { LibraryStorageError } from '@/utils/library/errors';
import { runMarkdownJob, type MarkdownJob, type MarkdownJobResult } from '@/utils/library/export/markdown-job';
import { exportReadingListInWorkers, type MarkdownWorker } from '@/utils/library/export/markdown-workers';
import { readingListShardBuffers } from '@/utils/library/export/reading-list-bytes';
import { LibraryService } from '@/utils/library/service';
import type { SavedEpisode } from '@/utils/library/record';
import { freshDatabase } from './fresh-db';
import { makeSaved } from './generate';

const exportedAt = new Date('2026-11-22T10:00:00.000Z');

/**
 * A worker that runs the job in this thread, as markdown.worker.ts does, its answer structured-cloned
 * with the shard's buffers transferred (what postMessage does between threads).
 */
class InProcessWorker implements MarkdownWorker {
  readonly jobs: MarkdownJob[] = [];
  terminated = false;
  private onMessage: ((event: MessageEvent<MarkdownJobResult>) => void) | null = null;

  constructor(private readonly answer: (job: MarkdownJob) => Promise<MarkdownJobResult> = runInDatabase) {}

  addEventListener(type: string, listener: (event: never) => void): void {
    if (type === 'message') this.onMessage = listener as (event: MessageEvent<MarkdownJobResult>) => void;
  }

  postMessage(job: MarkdownJob): void {
    this.jobs.push(structuredClone(job));
    void this.answer(this.jobs.at(-1)!).then((result) => {
      const data = structuredClone(result, { transfer: result.ok ? readingListShardBuffers(result.shard) : [] });
      this.onMessage?.(new MessageEvent('message', { data }));
    });
  }

  terminate(): void {
    this.terminated = true;
  }
}

async function runInDatabase(job: MarkdownJob): Promise<MarkdownJobResult> {
  const db = new LibraryDatabase(job.dbName);
  try {
    return await runMarkdownJob(db, job);
  } finally {
    db.close();
  }
}

async function savedLibrary(episodes: readonly SavedEpisode[]): Promise<LibraryDatabase> {
  const db = freshDatabase();
  await new LibraryService(db).merge(episodes);
  return db;
}

const library: SavedEpisode[] = [
  ...Array.from({ length: 60 }, (_, i) => makeSaved(i + 1)),
  // Nothing to link or group by, and text that needs escaping.
  { ...makeSaved(80), url: null, audioUrl: null, podcast: null, tech: [], chapters: [] },
  { ...makeSaved(81), title: '=SUM(A1) <b>&</b> [x](y)', notes: 'line one\nline two, "quoted"' },
];

describe('exportReadingListInWorkers', () => {
  it.each([1, 2, 3])('writes the page export byte for byte with %i workers, in any view order', async (workers) => {
    const db = await savedLibrary(library);
    // A view order unlike the shelves' (reversed, then every third moved to the end) and an id not saved.
    const view = [...library].reverse();
    const order = [...view.filter((_, i) => i % 3 !== 0), ...view.filter((_, i) => i % 3 === 0)];
    const ids = [...order.map((e) => e.id), 'https://example.com/removed'];
    for (const [kind, technologies] of [
      ['markdown-technology', undefined],
      ['markdown-technology', [library[0]!.tech[0]!.slug, library[1]!.tech[1]!.slug]],
      ['markdown-podcast', undefined],
    ] as const) {
      const spawned: InProcessWorker[] = [];
      const spawn = () => {
        spawned.push(new InProcessWorker());
        return spawned.at(-1)!;
      };
      const options = { exportedAt, technologies: technologies ? [...technologies] : undefined };
      const file = await exportReadingListInWorkers(kind, ids, { ...options, dbName: db.name, spawn, workers });
      const expected = exportLibrary(kind, order, options);
      expect(file).not.toBeNull();
      expect(await file!.blob.text()).toBe(expected.text);
      expect(file!.name).toBe(expected.name);
      expect(file!.blob.type).toBe('text/markdown;charset=utf-8');
      expect(file!.count).toBe(order.length);
      // Small lists take one worker; every worker is ended once it has answered.
      expect(spawned).toHaveLength(1);
      expect(spawned.every((w) => w.terminated)).toBe(true);
    }
  });

  it('splits a large list between workers by shelf, each reading only its own shelves', async () => {
    const many = Array.from({ length: 2_100 }, (_, i) => ({ ...makeSaved(i + 1), chapters: [] }));
    const db = await savedLibrary(many);
    const spawned: InProcessWorker[] = [];
    const spawn = () => {
      spawned.push(new InProcessWorker());
      return spawned.at(-1)!;
    };
    const ids = many.map((e) => e.id);
    const file = await exportReadingListInWorkers('markdown-technology', ids, { exportedAt, dbName: db.name, spawn, workers: 2 });
    expect(await file!.blob.text()).toBe(exportLibrary('markdown-technology', many, { exportedAt }).text);
    expect(spawned).toHaveLength(2);
    const [a, b] = spawned.map((w) => w.jobs[0]!);
    expect(a!.ids.length + b!.ids.length).toBe(ids.length);
    expect(a!.ids.length).toBeGreaterThan(800);
    expect(b!.ids.length).toBeGreaterThan(800);
    // Positions are the ids' places in the whole list.
    expect(a!.positions.every((p, i) => ids[p] === a!.ids[i])).toBe(true);
  });

  it('answers null when no worker can start, so the page writes the file itself', async () => {
    const ids = library.map((e) => e.id);
    const cannotStart = () => {
      throw new DOMException('Workers are not allowed here', 'SecurityError');
    };
    expect(await exportReadingListInWorkers('markdown-podcast', ids, { exportedAt, dbName: 'x', spawn: cannotStart })).toBeNull();
    // A worker whose script fails to load reports an error event and never answers.
    const broken: MarkdownWorker = {
      addEventListener(type: string, listener: (event: never) => void) {
        if (type === 'error') queueMicrotask(() => (listener as (event: Event) => void)(new Event('error')));
      },
      postMessage() {},
      terminate() {},
    };
    expect(await exportReadingListInWorkers('markdown-podcast', ids, { exportedAt, dbName: 'x', spawn: () => broken })).toBeNull();
  });

  it('rejects with the storage error a worker reports, worded for the listener', async () => {
    const db = await savedLibrary(library.slice(0, 3));
    // The job's database closed under it: the read fails as it would in the page.
    const closed = new InProcessWorker(async (job) => {
      const own = new LibraryDatabase(job.dbName);
      own.close();
      return runMarkdownJob(own, job);
    });
    const failure = exportReadingListInWorkers('markdown-technology', library.slice(0, 3).map((e) => e.id), { exportedAt, dbName: db.name, spawn: () => closed });
    await expect(failure).rejects.toBeInstanceOf(LibraryStorageError);
    await expect(failure).rejects.toThrow(/^Could not read the library: the library database is not available/);
    // A quota error as the worker posts it reaches the page as the same typed error.
    const full = new InProcessWorker(async () => ({ ok: false, message: 'Could not read the library: storage is full.', reason: 'QuotaExceededError' }));
    const quota = exportReadingListInWorkers('markdown-technology', ['a'], { exportedAt, dbName: db.name, spawn: () => full });
    await expect(quota).rejects.toMatchObject({ name: 'LibraryStorageError', reason: 'QuotaExceededError', message: 'Could not read the library: storage is full.' });
    // Any other failure keeps its message, as a plain error.
    const bug = new InProcessWorker(async () => ({ ok: false, message: 'x is not a function' }));
    const plain = exportReadingListInWorkers('markdown-technology', ['a'], { exportedAt, dbName: db.name, spawn: () => bug });
    await expect(plain).rejects.toThrow('x is not a function');
    await expect(plain).rejects.not.toBeInstanceOf(LibraryStorageError);
  });
});

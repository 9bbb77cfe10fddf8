// Reading lists written by workers (each a share of the shelves, assembled by the page) are byte for byte
// the page's own export; a worker that cannot start leaves the export to the page; failures keep their messages.
import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { exportLibrary } from '@/utils/library/export';
import { LibraryDatabase } from '@/utils/library/db';
import { LibraryStorageError } from '@/utils/library/errors';
import {
  answerMarkdownRequest,
  runMarkdownJob,
  type MarkdownJob,
  type MarkdownJobResult,
  type MarkdownWorkerRequest,
} from '@/utils/library/export/markdown-job';
import { exportReadingListInWorkers, type MarkdownWorker } from '@/utils/library/export/markdown-workers';
import { LibraryService } from '@/utils/library/service';
import type { SavedEpisode } from '@/utils/library/record';
import { freshDatabase } from './fresh-db';
import { makeSaved } from './generate';

const exportedAt = new Date('2026-11-22T10:00:00.000Z');

type Answer = Awaited<ReturnType<typeof answerMarkdownRequest>>;

/**
 * A worker that answers in this thread as markdown.worker.ts does, its answers structured-cloned with
 * the buffers transferred both ways (what postMessage does between threads).
 */
class InProcessWorker extends EventTarget implements MarkdownWorker {
  readonly jobs: MarkdownJob[] = [];
  assembled = 0;
  terminated = false;

  constructor(private readonly answer: (request: MarkdownWorkerRequest) => Promise<Answer> = inDatabase) {
    super();
  }

  postMessage(request: MarkdownWorkerRequest, options?: { transfer: Transferable[] }): void {
    const received = structuredClone(request, { transfer: options?.transfer ?? [] });
    if (received.type === 'job') this.jobs.push(received);
    else this.assembled++;
    void this.answer(received).then(({ answer, transfer }) => {
      this.dispatchEvent(new MessageEvent('message', { data: structuredClone(answer, { transfer }) }));
    });
  }

  terminate(): void {
    this.terminated = true;
  }
}

function inDatabase(request: MarkdownWorkerRequest): Promise<Answer> {
  return answerMarkdownRequest(request, (name) => new LibraryDatabase(name));
}

/** A worker whose every job fails with this result (an assembly would still answer). */
function failing(result: MarkdownJobResult): InProcessWorker {
  return new InProcessWorker(async (request) =>
    request.type === 'job' ? { answer: result, transfer: [] } : inDatabase(request),
  );
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
  it.each([1, 2, 3])(
    'writes the page export byte for byte with %i workers, in any view order',
    async (workers) => {
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
        const file = await exportReadingListInWorkers(kind, ids, {
          ...options,
          dbName: db.name,
          spawn,
          workers,
        });
        const expected = exportLibrary(kind, order, options);
        expect(file).not.toBeNull();
        expect(await file!.blob.text()).toBe(expected.text);
        expect(file!.name).toBe(expected.name);
        expect(file!.blob.type).toBe('text/markdown;charset=utf-8');
        expect(file!.count).toBe(order.length);
        // Small lists take one worker, which also copies the file together; it is ended once done.
        expect(spawned).toHaveLength(1);
        expect(spawned[0]!.assembled).toBe(1);
        expect(spawned.every((w) => w.terminated)).toBe(true);
      }
    },
  );

  it('splits a large list between workers by shelf, each reading only its own shelves', async () => {
    const many = Array.from({ length: 2_100 }, (_, i) => ({ ...makeSaved(i + 1), chapters: [] }));
    const db = await savedLibrary(many);
    const spawned: InProcessWorker[] = [];
    const spawn = () => {
      spawned.push(new InProcessWorker());
      return spawned.at(-1)!;
    };
    const ids = many.map((e) => e.id);
    const file = await exportReadingListInWorkers('markdown-technology', ids, {
      exportedAt,
      dbName: db.name,
      spawn,
      workers: 2,
    });
    expect(await file!.blob.text()).toBe(exportLibrary('markdown-technology', many, { exportedAt }).text);
    expect(spawned).toHaveLength(2);
    expect(spawned.map((w) => w.assembled)).toEqual([1, 0]);
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
    expect(
      await exportReadingListInWorkers('markdown-podcast', ids, {
        exportedAt,
        dbName: 'x',
        spawn: cannotStart,
      }),
    ).toBeNull();
    // A worker whose script fails to load reports an error event and never answers.
    const broken = new InProcessWorker();
    broken.postMessage = () => queueMicrotask(() => broken.dispatchEvent(new Event('error')));
    expect(
      await exportReadingListInWorkers('markdown-podcast', ids, {
        exportedAt,
        dbName: 'x',
        spawn: () => broken,
      }),
    ).toBeNull();
  });

  it('rejects with the storage error a worker reports, worded for the listener', async () => {
    const db = await savedLibrary(library.slice(0, 3));
    // The job's database closed under it: the read fails as it would in the page.
    const closed = new InProcessWorker(async (request) => {
      if (request.type !== 'job') return inDatabase(request);
      const own = new LibraryDatabase(request.dbName);
      own.close();
      return { answer: await runMarkdownJob(own, request), transfer: [] };
    });
    const failure = exportReadingListInWorkers(
      'markdown-technology',
      library.slice(0, 3).map((e) => e.id),
      { exportedAt, dbName: db.name, spawn: () => closed },
    );
    await expect(failure).rejects.toBeInstanceOf(LibraryStorageError);
    await expect(failure).rejects.toThrow(
      /^Could not read the library: the library database is not available/,
    );
    // A quota error as the worker posts it reaches the page as the same typed error.
    const full = failing({
      ok: false,
      message: 'Could not read the library: storage is full.',
      reason: 'QuotaExceededError',
    });
    const quota = exportReadingListInWorkers('markdown-technology', ['a'], {
      exportedAt,
      dbName: db.name,
      spawn: () => full,
    });
    await expect(quota).rejects.toMatchObject({
      name: 'LibraryStorageError',
      reason: 'QuotaExceededError',
      message: 'Could not read the library: storage is full.',
    });
    // Any other failure keeps its message, as a plain error.
    const bug = failing({ ok: false, message: 'x is not a function' });
    const plain = exportReadingListInWorkers('markdown-technology', ['a'], {
      exportedAt,
      dbName: db.name,
      spawn: () => bug,
    });
    await expect(plain).rejects.toThrow('x is not a function');
    await expect(plain).rejects.not.toBeInstanceOf(LibraryStorageError);
  });
});

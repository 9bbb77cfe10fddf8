// An import checked and prepared by a worker writes what the page's own check would; a worker that
// cannot run leaves the check to the page; a bad file's message reaches the listener unchanged.
import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { toBackupJson } from '@/utils/library/backup';
import {
  BackupImportError,
  importBackup,
  prepareBackup,
  prepareInWorker,
  type ImportCheckResult,
} from '@/utils/library/import';
import { prepareRecord } from '@/utils/library/prepared';
import { LibraryService } from '@/utils/library/service';
import { freshDatabase } from './fresh-db';
import { makeSaved } from './generate';

const exportedAt = new Date('2026-11-22T10:00:00.000Z');
const episodes = Array.from({ length: 12 }, (_, i) => makeSaved(i + 1));
const backup = new Blob([toBackupJson(episodes, exportedAt)], { type: 'application/json' });
const bad = new Blob([toBackupJson([{ ...makeSaved(1), url: 'javascript:alert(1)' }], exportedAt)], {
  type: 'application/json',
});

/** A worker that answers in this thread as import.worker.ts does, its answer structured-cloned. */
class InProcessImportWorker extends EventTarget {
  terminated = false;
  postMessage(file: Blob): void {
    void file
      .text()
      .then((text): ImportCheckResult => ({ ok: true, records: prepareBackup(text) }))
      .catch((error: Error): ImportCheckResult => ({
        ok: false,
        message: error.message,
        backupError: error.name === 'BackupImportError',
      }))
      .then((result) => this.dispatchEvent(new MessageEvent('message', { data: structuredClone(result) })));
  }
  terminate(): void {
    this.terminated = true;
  }
}

const asWorker = (fake: EventTarget) => fake as unknown as Worker;

describe('prepareInWorker', () => {
  it("gives the page's prepared records, and the library the same contents", async () => {
    const worker = new InProcessImportWorker();
    const records = await prepareInWorker(backup, () => asWorker(worker));
    expect(records).toEqual({ records: episodes.map(prepareRecord), savedChapters: [] });
    expect(worker.terminated).toBe(true);
    const [viaWorker, inPage] = [new LibraryService(freshDatabase()), new LibraryService(freshDatabase())];
    expect(
      await importBackup(backup, viaWorker, {
        prepareOffPage: () => prepareInWorker(backup, () => asWorker(new InProcessImportWorker())),
      }),
    ).toEqual({ added: 12, updated: 0, unchanged: 0 });
    await importBackup(backup, inPage);
    expect(await viaWorker.all()).toEqual(await inPage.all());
    expect(await viaWorker.summaries()).toEqual(await inPage.summaries());
  });

  it('rejects a bad file with the message the page would give, and nothing is written', async () => {
    const library = new LibraryService(freshDatabase());
    const failure = importBackup(bad, library, {
      prepareOffPage: () => prepareInWorker(bad, () => asWorker(new InProcessImportWorker())),
    });
    await expect(failure).rejects.toBeInstanceOf(BackupImportError);
    await expect(failure).rejects.toThrow(/^Nothing was imported: episodes\[0\]\.url/);
    expect(await library.all()).toEqual([]);
  });

  it('answers null when the worker cannot start or run, and the page checks the file itself', async () => {
    const cannotStart = () => {
      throw new DOMException('Workers are not allowed here', 'SecurityError');
    };
    expect(await prepareInWorker(backup, cannotStart)).toBeNull();
    const broken = new InProcessImportWorker();
    broken.postMessage = () => queueMicrotask(() => broken.dispatchEvent(new Event('error')));
    expect(await prepareInWorker(backup, () => asWorker(broken))).toBeNull();
    const library = new LibraryService(freshDatabase());
    expect(
      await importBackup(backup, library, { prepareOffPage: () => prepareInWorker(backup, cannotStart) }),
    ).toEqual({ added: 12, updated: 0, unchanged: 0 });
  });
});

// Importing a JSON backup: full validation first with messages naming path and reason, one-transaction
// merge (newest wins, personal fields kept), and export → import → export giving the same file.
import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import Dexie from 'dexie';
import { LibraryDatabase } from '@/utils/library/db';
import { LibraryService } from '@/utils/library/service';
import {
  BackupImportError,
  MAX_BACKUP_BYTES,
  importBackup,
  parseBackup,
  parseBackupInSlices,
} from '@/utils/library/import';
import { BackupSchema } from '@/utils/library/backup';
import { toBackupJson } from '@/utils/library/backup';
import { makeSaved } from './generate';

let counter = 0;
const dbs: LibraryDatabase[] = [];
function freshLibrary() {
  const db = new LibraryDatabase(`library-import-test-${++counter}`);
  dbs.push(db);
  return new LibraryService(db);
}
afterEach(async () => {
  for (const db of dbs.splice(0)) {
    db.close();
    await Dexie.delete(db.name);
  }
});
const exportedAt = new Date('2026-11-22T10:00:00.000Z');
const file = (text: string) => new Blob([text], { type: 'application/json' });
const envelope = (episodes: unknown[], extra: Record<string, unknown> = {}) =>
  JSON.stringify({
    format: 'stackcast-library',
    version: 1,
    exportedAt: exportedAt.toISOString(),
    episodes,
    ...extra,
  });

describe('parseBackup rejects bad files with a message naming what is wrong', () => {
  it.each([
    ['malformed JSON', '{"format": "stackcast-library",', /not valid JSON/],
    ['a JSON array', '[]', /not a Stackcast library backup/],
    [
      'another format',
      JSON.stringify({ format: 'opml', version: 1 }),
      /format is "opml", expected "stackcast-library"/,
    ],
    ['a newer version', envelope([], { version: 2 }), /version 2, written by a newer Stackcast/],
    [
      'a missing version',
      JSON.stringify({ format: 'stackcast-library', episodes: [] }),
      /Unsupported backup version \(missing\)/,
    ],
    [
      'a javascript: URL',
      envelope([makeSaved(1), { ...makeSaved(2), url: 'javascript:alert(1)' }]),
      /episodes\[1\]\.url: must be an http\(s\) URL/,
    ],
    [
      'a megabyte title',
      envelope([{ ...makeSaved(1), title: 'x'.repeat(1_000_000) }]),
      /episodes\[0\]\.title: Too big/i,
    ],
    ['a bad status', envelope([{ ...makeSaved(1), status: 'done' }]), /episodes\[0\]\.status/],
    [
      'a negative chapter start',
      envelope([{ ...makeSaved(1), chapters: [{ start: -5, title: 'x' }] }]),
      /episodes\[0\]\.chapters\[0\]\.start/,
    ],
  ])('%s', (_label, text, message) => {
    expect(() => parseBackup(text)).toThrow(BackupImportError);
    expect(() => parseBackup(text)).toThrow(message);
  });
});

describe('validation a slice of episodes at a time', () => {
  it('names the problems of the envelope first, then those of the episodes', () => {
    const text = envelope(
      [
        makeSaved(1),
        { ...makeSaved(2), url: 'file:///etc/passwd' },
        { ...makeSaved(3), status: 'x' },
        { ...makeSaved(4), rating: 9 },
      ],
      { exportedAt: 'yesterday' },
    );
    expect(() => parseBackup(text)).toThrow(
      /^Nothing was imported: exportedAt: .*; episodes\[1\]\.url: must be an http\(s\) URL \(episode "Episode 2: [^"]+"\); episodes\[2\]\.status: .* \(episode "Episode 3: [^"]+"\) \(and 1 more problems\)\.$/,
    );
  });

  it('gives the same backup as the whole-file schema, sliced or not, across many slices', async () => {
    const text = envelope(Array.from({ length: 1_203 }, (_, i) => makeSaved(i + 1)));
    const whole = BackupSchema.parse(JSON.parse(text));
    expect(parseBackup(text)).toEqual(whole);
    expect(await parseBackupInSlices(text)).toEqual(whole);
    const bad = envelope(
      Array.from({ length: 1_203 }, (_, i) =>
        i === 1_100 ? { ...makeSaved(i + 1), audioUrl: 'javascript:void 0' } : makeSaved(i + 1),
      ),
    );
    await expect(parseBackupInSlices(bad)).rejects.toThrow(
      /episodes\[1100\]\.audioUrl: must be an http\(s\) URL/,
    );
  });
});

describe('importBackup', () => {
  it('refuses a file over 100 MB by its size, without reading it', async () => {
    const library = freshLibrary();
    const huge = { size: MAX_BACKUP_BYTES + 1, text: () => Promise.reject(new Error('must not be read')) };
    await expect(importBackup(huge, library)).rejects.toThrow(
      /This file is 100.0 MB; backups over 100 MB are refused/,
    );
  });

  it('leaves the library unchanged when any episode is invalid', async () => {
    const library = freshLibrary();
    await library.merge([makeSaved(1)]);
    const before = await library.all();
    const bad = envelope([
      makeSaved(2),
      { ...makeSaved(3), audioUrl: 'data:audio/mp3;base64,AAAA' },
      makeSaved(4),
    ]);
    await expect(importBackup(file(bad), library)).rejects.toThrow(/episodes\[1\]\.audioUrl/);
    expect(await library.all()).toEqual(before);
  });

  it('merges by id: newer episode data wins, notes and tags survive, savedAt is the earliest', async () => {
    const library = freshLibrary();
    const local = {
      ...makeSaved(1),
      notes: 'my notes',
      tags: ['work'],
      rating: 4,
      updatedAt: '2026-02-01T00:00:00.000Z',
    };
    await library.merge([local]);
    const incoming = {
      ...local,
      title: 'Newer title',
      notes: '',
      tags: ['infra'],
      rating: null,
      status: 'listened' as const,
      savedAt: '2024-01-01T00:00:00.000Z',
      updatedAt: '2026-03-01T00:00:00.000Z',
    };
    const older = { ...makeSaved(2), title: 'Older' };
    await library.merge([{ ...older, title: 'Local newer', updatedAt: '2026-05-01T00:00:00.000Z' }]);
    const report = await importBackup(file(envelope([incoming, older, makeSaved(3)])), library);
    // The older incoming copy of the second episode changes nothing: the local one is newer.
    expect(report).toEqual({ added: 1, updated: 1, unchanged: 1 });
    expect(await library.get(local.id)).toMatchObject({
      title: 'Newer title',
      status: 'listened',
      notes: 'my notes',
      tags: ['work', 'infra'],
      rating: 4,
      savedAt: '2024-01-01T00:00:00.000Z',
      updatedAt: '2026-03-01T00:00:00.000Z',
    });
    expect((await library.get(older.id))?.title).toBe('Local newer');
  });

  it('export → import into an empty library → export gives the identical file; re-import changes nothing', async () => {
    const source = freshLibrary();
    await source.merge(Array.from({ length: 25 }, (_, i) => makeSaved(i + 1)));
    const sorted = async (l: LibraryService) => (await l.all()).sort((a, b) => (a.id < b.id ? -1 : 1));
    const first = toBackupJson(await sorted(source), exportedAt);
    const target = freshLibrary();
    expect(await importBackup(file(first), target)).toEqual({ added: 25, updated: 0, unchanged: 0 });
    const second = toBackupJson(await sorted(target), exportedAt);
    expect(second).toBe(first);
    expect(await importBackup(file(second), target)).toEqual({ added: 0, updated: 0, unchanged: 25 });
    expect(toBackupJson(await sorted(target), exportedAt)).toBe(first);
  });
});

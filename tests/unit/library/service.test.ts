// The library service on fake IndexedDB: saving, re-saving, concurrency, undo, edits, errors as messages.
import 'fake-indexeddb/auto';
import { describe, expect, it, vi } from 'vitest';
import { LibraryService } from '@/utils/library/service';
import Dexie from 'dexie';
import { describeStorageError, LibraryStorageError } from '@/utils/library/errors';
import { episodeBackupText } from '@/utils/library/backup';
import { makeEpisode, makeSaved } from './generate';
import { freshDatabase, freshDatabaseName } from './fresh-db';

const freshDb = freshDatabase;
const clock = (iso: string) => () => new Date(iso);

describe('LibraryService.save', () => {
  it('stores a new episode with default listener fields', async () => {
    const library = new LibraryService(freshDb(), { now: clock('2026-11-22T10:00:00.000Z') });
    const saved = await library.save(makeEpisode(1));
    expect(saved).toMatchObject({ status: 'to-listen', notes: '', tags: [], rating: null, position: null });
    expect(saved.savedAt).toBe('2026-11-22T10:00:00.000Z');
    expect(await library.savedIds([saved.id, 'https://example.com/other'])).toEqual([saved.id]);
  });

  it('re-saving refreshes the episode data and keeps the personal fields and savedAt', async () => {
    let now = '2026-11-22T10:00:00.000Z';
    const library = new LibraryService(freshDb(), { now: () => new Date(now) });
    const episode = makeEpisode(1);
    await library.save(episode);
    await library.update([episode.id], { status: 'listened', notes: 'great', tags: ['Work'], rating: 5 });
    now = '2026-11-23T10:00:00.000Z';
    const again = await library.save({ ...episode, title: 'Renamed', chapters: [] });
    expect(again).toMatchObject({
      title: 'Renamed',
      status: 'listened',
      notes: 'great',
      tags: ['work'],
      rating: 5,
    });
    expect(again.savedAt).toBe('2026-11-22T10:00:00.000Z');
    expect(again.updatedAt).toBe(now);
    // A bare save (no chapters) does not erase the chapters saved before.
    expect(again.chapters).toEqual(episode.chapters);
  });

  it('parallel saves of one id (double click, two tabs) leave exactly one record', async () => {
    const name = freshDatabaseName();
    const tabA = new LibraryService(freshDb(name));
    const tabB = new LibraryService(freshDb(name));
    const episode = makeEpisode(7);
    await Promise.all(Array.from({ length: 20 }, (_, i) => (i % 2 ? tabA : tabB).save(episode)));
    expect((await tabA.summaries()).map((s) => s.id)).toEqual([episode.id]);
    expect((await tabA.db.newest.get(0))?.total).toBe(1);
    expect((await tabA.db.shelves.toArray()).flatMap((shelf) => shelf.ids)).toEqual([episode.id]);
    expect((await tabB.all()).map((e) => e.id)).toEqual([episode.id]);
  });

  it('announces each committed change with the changed ids', async () => {
    const onChange = vi.fn();
    const library = new LibraryService(freshDb(), { onChange });
    const episode = makeEpisode(2);
    await library.save(episode);
    await library.remove([episode.id]);
    expect(onChange.mock.calls).toEqual([[[episode.id]], [[episode.id]]]);
  });
});

describe('LibraryService remove, restore, update', () => {
  it('remove returns the records and restore puts them back exactly (undo)', async () => {
    const library = new LibraryService(freshDb());
    const a = await library.save(makeEpisode(1));
    await library.update([a.id], { notes: 'keep me' });
    const before = await library.get(a.id);
    const removed = await library.remove([a.id, 'missing']);
    expect(removed).toEqual([before]);
    expect(await library.get(a.id)).toBeUndefined();
    await library.restore(removed);
    expect(await library.get(a.id)).toEqual(before);
  });

  it('bulk update changes the listener fields of several episodes and rejects invalid values', async () => {
    const library = new LibraryService(freshDb());
    const ids = (await Promise.all([1, 2, 3].map((n) => library.save(makeEpisode(n))))).map((e) => e.id);
    expect(await library.update(ids.slice(0, 2), { status: 'listening' })).toBe(2);
    const statuses = (await library.all()).map((e) => [e.id, e.status]);
    expect(Object.fromEntries(statuses)).toEqual({
      [ids[0]!]: 'listening',
      [ids[1]!]: 'listening',
      [ids[2]!]: 'to-listen',
    });
    await expect(library.update(ids, { rating: 9 })).rejects.toThrow();
    // Notes edits feed the search text.
    await library.update([ids[2]!], { notes: 'Kubernetes migration' });
    const summaries = await library.summaries();
    expect(summaries.find((s) => s.id === ids[2])?.searchText).toContain(' kubernetes migration');
    expect(summaries.find((s) => s.id === ids[0])?.status).toBe('listening');
  });
});

describe('storage errors', () => {
  it('a quota error becomes a readable message and nothing is half-written', async () => {
    const db = freshDb();
    const library = new LibraryService(db);
    let writes = 0;
    db.summaryShelves.hook('creating', () => {
      if (++writes === 3) throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    });
    const error = await library.merge([1, 2, 3, 4].map((n) => makeSaved(n))).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(LibraryStorageError);
    expect((error as LibraryStorageError).reason).toBe('QuotaExceededError');
    expect((error as Error).message).toMatch(/storage for Stackcast is full.*Nothing was changed/);
    expect(await db.shelves.count()).toBe(0);
    expect(await db.summaryShelves.count()).toBe(0);
    expect(await db.newest.count()).toBe(0);
  });
});

describe('quota errors inside bulk writes', () => {
  const quota = () => new DOMException('The quota has been exceeded.', 'QuotaExceededError');

  it('a BulkError whose failures hold a QuotaExceededError says storage is full and nothing changed', async () => {
    const db = freshDb();
    const library = new LibraryService(db);
    await library.save(makeEpisode(1));
    const before = await library.all();
    // What Dexie throws when some puts of a bulkPut fail: the quota error is one of its failures, not its inner.
    vi.spyOn(db.shelves, 'bulkPut').mockImplementation(
      () =>
        Promise.reject(
          new Dexie.BulkError('shelves.bulkPut(): 1 of 2 operations failed', { 1: quota() }),
        ) as never,
    );
    const error = await library.merge([2, 3].map((n) => makeSaved(n))).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(LibraryStorageError);
    expect((error as LibraryStorageError).reason).toBe('QuotaExceededError');
    expect((error as Error).message).toMatch(/storage for Stackcast is full.*Nothing was changed/);
    vi.restoreAllMocks();
    expect(await library.all()).toEqual(before);
  });

  it('finds the quota error however Dexie nests it: AbortError → BulkError → failures, failuresByPos, inner', () => {
    const bulk = new Dexie.BulkError('2 of 3 operations failed', {
      0: new Dexie.ConstraintError('key'),
      2: quota(),
    });
    const nested = [
      bulk,
      new Dexie.AbortError('Transaction aborted', bulk),
      new Dexie.AbortError('Transaction aborted', new Dexie.AbortError('inner', bulk)),
      Object.assign(new Error('wrapped'), { cause: bulk }),
      new Dexie.BulkError('1 failed', { 0: new Dexie.AbortError('x', quota()) }),
    ];
    for (const error of nested)
      expect(describeStorageError(error, 'import the backup')).toMatchObject({
        name: 'LibraryStorageError',
        reason: 'QuotaExceededError',
      });
    // Other bulk failures keep their own wording.
    expect(
      describeStorageError(new Dexie.BulkError('1 failed', { 0: new Dexie.ConstraintError('key') }), 'save')
        .message,
    ).not.toMatch(/full/);
  });

  it('a cyclic or very deep error chain does not hang the message', () => {
    const looped: { name: string; inner?: unknown } = { name: 'AbortError' };
    looped.inner = looped;
    expect(describeStorageError(looped, 'save').message).toMatch(/^Could not save/);
  });
});

describe('LibraryService.recordTextsByShelf', () => {
  it('gives each stored id once with its first position, batch by batch, missing ids skipped', async () => {
    const library = new LibraryService(freshDb());
    const saved = Array.from({ length: 30 }, (_, i) => makeSaved(i + 1));
    await library.merge(saved);
    const ids = [saved[3]!.id, 'https://example.com/missing', ...saved.map((e) => e.id), saved[0]!.id];
    const seen = new Map<number, string>();
    let batches = 0;
    for await (const { positions, texts } of library.recordTextsByShelf(ids, 4)) {
      batches++;
      positions.forEach((position, i) => {
        expect(seen.has(position)).toBe(false);
        seen.set(position, texts[i]!);
      });
    }
    expect(batches).toBeGreaterThan(1);
    const expected = new Map<number, string>();
    ids.forEach((id, position) => {
      const episode = saved.find((e) => e.id === id);
      if (episode && ![...expected.values()].includes(episodeBackupText(episode)))
        expected.set(position, episodeBackupText(episode));
    });
    expect(new Map([...seen].sort((a, b) => a[0] - b[0]))).toEqual(
      new Map([...expected].sort((a, b) => a[0] - b[0])),
    );
  });
});

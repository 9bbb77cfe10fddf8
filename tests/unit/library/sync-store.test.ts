// The library's LocalStore (schema 8): every write path notes its change in its own transaction, two
// libraries on fake IndexedDB converge through one folder, and what a sync applies is never sent back.
import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import Dexie from 'dexie';
import { LIBRARY_SCHEMA_VERSION, SCHEMA_V7 } from '@/utils/library/db';
import { LibraryService } from '@/utils/library/service';
import { SavedChapters } from '@/utils/library/saved-chapters';
import { LibrarySyncStore } from '@/utils/library/sync-store';
import { MemoryFolder } from '@/utils/sync/memory-folder';
import { syncOnce } from '@/utils/sync/engine';
import { storedRecord, writeShelves } from '@/utils/library/shelves';
import { summaryText, writeSummaries } from '@/utils/library/summary-shelves';
import { toSummary } from '@/utils/library/record';
import { WrongPassphraseError } from '@/utils/sync/crypto';
import { freshDatabase, freshDatabaseName } from './fresh-db';
import { makeEpisode, makeSaved } from './generate';

const FOLDER = 'https://dav.example.test/Stackcast/';

function device() {
  const db = freshDatabase();
  const applied: Array<string[] | null> = [];
  return {
    db,
    library: new LibraryService(db),
    chapters: new SavedChapters(db),
    store: new LibrarySyncStore(db, FOLDER, (ids) => void applied.push(ids)),
    applied,
    async sync(remote: MemoryFolder, passphrase?: string) {
      const clock = await this.store.clock();
      const result = await syncOnce({ local: this.store, remote, clock, passphrase });
      await this.store.keepClock(clock);
      return result;
    },
  };
}

describe('library schema 8', () => {
  it('upgrades a version-7 library: episodes kept, sync tables empty, the first sync sends them all', async () => {
    const name = freshDatabaseName();
    const v7 = new Dexie(name);
    v7.version(7).stores({ shelves: 'key', summaryShelves: 'key', newest: 'key', ...SCHEMA_V7 });
    const saved = [makeSaved(1), makeSaved(2)];
    await v7.transaction('rw', v7.tables, async () => {
      await writeShelves(v7.table('shelves'), saved.map(storedRecord));
      await writeSummaries(
        { summaryShelves: v7.table('summaryShelves'), newest: v7.table('newest') },
        saved.map((e) => summaryText(toSummary(e))),
      );
    });
    v7.close();
    const db = freshDatabase(name);
    expect((await new LibraryService(db).all()).map((e) => e.id)).toEqual(saved.map((e) => e.id).sort());
    expect(db.verno).toBe(LIBRARY_SCHEMA_VERSION);
    expect(await db.syncChanges.count()).toBe(0);
    const store = new LibrarySyncStore(db, FOLDER);
    const { keys } = await store.changesSince(null);
    expect(keys.sort()).toEqual(saved.map((e) => `episode:${e.id}`).sort());
    const result = await syncOnce({ local: store, remote: new MemoryFolder(), clock: await store.clock() });
    expect(result.sent).toBe(2);
  });
});

describe('the library notes every write for sync', () => {
  it('save, edit, remove, restore, import and saved chapters each note their keys', async () => {
    const a = device();
    const episode = makeEpisode(1);
    await a.library.save(episode);
    await a.library.update([episode.id], { notes: 'hello' });
    const removed = await a.library.remove([episode.id]);
    await a.library.restore(removed);
    await a.library.merge([makeSaved(2)]);
    await a.chapters.saveChapter(episode, episode.chapters[1]!.start);
    await a.chapters.unsaveChapter({ episodeId: episode.id, start: episode.chapters[1]!.start });
    const rows = await a.db.syncChanges.toArray();
    expect(rows.map((row) => row.keys)).toEqual([
      [`episode:${episode.id}`],
      [`episode:${episode.id}`],
      [`episode:${episode.id}`],
      [`episode:${episode.id}`],
      [`episode:${makeSaved(2).id}`],
      [`saved-chapter:${episode.chapters[1]!.start}@${episode.id}`],
      [`saved-chapter:${episode.chapters[1]!.start}@${episode.id}`],
    ]);
    // Stamps strictly rise: each write orders after the one before.
    const stamps = rows.map((row) => row.at);
    expect([...stamps].sort()).toEqual(stamps);
    expect(new Set(stamps).size).toBe(stamps.length);
  });
});

describe('two libraries through one folder', () => {
  it('a save arrives, a delete is carried back, notes edited on both are both kept', async () => {
    const folder = new MemoryFolder();
    const a = device();
    const b = device();
    const episode = makeEpisode(7);
    await a.library.save(episode);
    expect((await a.sync(folder)).sent).toBe(1);
    expect((await b.sync(folder)).received).toBe(1);
    expect((await b.library.get(episode.id))?.title).toBe(episode.title);
    // Applying it noted nothing: b has no change of its own to send.
    expect(await b.store.hasChanges()).toBe(false);
    expect(b.applied).toEqual([[episode.id]]);

    await a.library.update([episode.id], { notes: 'from a' });
    await b.library.update([episode.id], { notes: 'from b' });
    await a.sync(folder);
    await b.sync(folder);
    await a.sync(folder);
    const notesA = (await a.library.get(episode.id))?.notes ?? '';
    const notesB = (await b.library.get(episode.id))?.notes ?? '';
    expect(notesA).toBe(notesB);
    expect(notesA).toContain('from a');
    expect(notesA).toContain('from b');

    await b.library.remove([episode.id]);
    await b.sync(folder);
    await a.sync(folder);
    expect(await a.library.get(episode.id)).toBeUndefined();
    expect(await b.library.get(episode.id)).toBeUndefined();
  });

  it('saved chapters travel, and an edit made after a sync read its records is kept', async () => {
    const folder = new MemoryFolder();
    const a = device();
    const b = device();
    const episode = makeEpisode(3);
    const start = episode.chapters[2]!.start;
    await a.chapters.saveChapter(episode, start);
    await a.library.save(episode);
    await a.sync(folder);
    await b.sync(folder);
    expect(await b.chapters.savedStarts(episode.id)).toEqual([start]);

    // b edits while its sync is between reading and applying: the edit survives and goes out next time.
    await a.library.update([episode.id], { status: 'listened' });
    await a.sync(folder);
    const read = b.store.readRecords.bind(b.store);
    b.store.readRecords = async (keys) => {
      const records = await read(keys);
      await b.library.update([episode.id], { tags: ['later'] });
      return records;
    };
    await b.sync(folder);
    b.store.readRecords = read;
    const onB = await b.library.get(episode.id);
    expect(onB?.status).toBe('listened');
    expect(onB?.tags).toEqual(['later']);
    expect(await b.store.hasChanges()).toBe(true);
    await b.sync(folder);
    await a.sync(folder);
    expect((await a.library.get(episode.id))?.tags).toEqual(['later']);
  });

  it('the first sync into a folder that holds a library merges both libraries', async () => {
    const folder = new MemoryFolder();
    const a = device();
    const b = device();
    await a.library.merge([makeSaved(1), makeSaved(2)]);
    await b.library.merge([makeSaved(2), makeSaved(3)]);
    await a.sync(folder);
    await b.sync(folder);
    await a.sync(folder);
    const ids = (library: LibraryService) => library.all().then((all) => all.map((e) => e.id));
    expect(await ids(a.library)).toEqual(await ids(b.library));
    expect(await ids(a.library)).toHaveLength(3);
  });

  it('a wrong passphrase stops before anything changes, in the library or its sync tables', async () => {
    const folder = new MemoryFolder();
    const a = device();
    const b = device();
    await a.library.save(makeEpisode(11));
    await a.sync(folder, 'correct horse battery staple');
    await b.library.save(makeEpisode(12));
    const files = new Map(folder.files);
    const before = {
      ids: (await b.library.all()).map((e) => e.id),
      records: await b.db.syncRecords.count(),
      changes: await b.db.syncChanges.count(),
    };
    await expect(b.sync(folder, 'wrong passphrase')).rejects.toBeInstanceOf(WrongPassphraseError);
    expect({
      ids: (await b.library.all()).map((e) => e.id),
      records: await b.db.syncRecords.count(),
      changes: await b.db.syncChanges.count(),
    }).toEqual(before);
    expect(folder.files).toEqual(files);
    expect(await b.store.hasChanges()).toBe(true);
    // With the right one it merges both libraries.
    await b.sync(folder, 'correct horse battery staple');
    expect(await b.library.all()).toHaveLength(2);
  });
});

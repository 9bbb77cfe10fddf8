import { describe, expect, it } from 'vitest';
import { MemoryFolder, ServerUnavailableError } from '@/utils/sync/memory-folder';
import { DELETION_KEPT_MS, SyncBusyError } from '@/utils/sync/engine';
import { NewerFormatError } from '@/utils/sync/files';
import { MANIFEST_PATH, ManifestSchema, SHARD_COUNT } from '@/utils/sync/layout';
import { savedEpisodeOf } from '@/utils/sync/kinds';
import { Replica, plainEpisode } from './replica';

const url = (name: string) => plainEpisode(name).id;
const key = (name: string) => `episode:${url(name)}`;

function manifestOf(folder: MemoryFolder) {
  return ManifestSchema.parse(JSON.parse(folder.files.get(MANIFEST_PATH)!.text));
}

/** Files in the folder the manifest does not name. */
function orphans(folder: MemoryFolder): string[] {
  const named = new Set(Object.values(manifestOf(folder).shards).map((entry) => entry.file));
  return [...folder.files.keys()].filter((path) => path !== MANIFEST_PATH && !named.has(path));
}

function snapshot(folder: MemoryFolder): string {
  return JSON.stringify([...folder.files].sort(([a], [b]) => (a < b ? -1 : 1)));
}

describe('syncOnce', () => {
  it('sends a library to an empty folder and brings it to a second device', async () => {
    const folder = new MemoryFolder();
    const laptop = new Replica('laptop');
    const desktop = new Replica('desktop');
    for (const name of ['a', 'b', 'c']) laptop.edit(name);
    const first = await laptop.sync(folder);
    expect(first).toMatchObject({ sent: 3, received: 0, revision: 1 });
    const second = await desktop.sync(folder);
    expect(second).toMatchObject({ sent: 0, received: 3 });
    expect([...desktop.library().keys()]).toEqual([...laptop.library().keys()]);
    expect(savedEpisodeOf(desktop.records.get(key('a'))!)?.title).toBe('Episode a');
  });

  it('makes one record of the same episode saved on two devices offline, tags of both kept', async () => {
    const folder = new MemoryFolder();
    const laptop = new Replica('laptop');
    const desktop = new Replica('desktop');
    laptop.edit('a', (plain) => ({ ...plain, tags: ['infra'] }));
    desktop.edit('a', (plain) => ({ ...plain, tags: ['rust'] }));
    await laptop.sync(folder);
    await desktop.sync(folder);
    await laptop.sync(folder);
    expect(laptop.library()).toEqual(desktop.library());
    expect(laptop.library().size).toBe(1);
    expect([...(laptop.library().get(key('a'))?.tags as string[])].sort()).toEqual(['infra', 'rust']);
  });

  it('keeps both notes edited at once on two devices, the later one first', async () => {
    const folder = new MemoryFolder();
    const laptop = new Replica('laptop');
    const desktop = new Replica('desktop');
    laptop.edit('a');
    await laptop.sync(folder);
    await desktop.sync(folder);
    laptop.edit('a', (plain) => ({ ...plain, notes: 'from the laptop' }));
    desktop.edit('a', (plain) => ({ ...plain, notes: 'from the desktop' }));
    await laptop.sync(folder);
    await desktop.sync(folder);
    await laptop.sync(folder);
    const notes = String(laptop.library().get(key('a'))?.notes);
    expect(notes.startsWith('from the desktop\n\n--- Conflict copy')).toBe(true);
    expect(notes.endsWith('from the laptop')).toBe(true);
    expect(desktop.library()).toEqual(laptop.library());
    // An edit made over both versions replaces them: the listener has seen them.
    desktop.edit('a', (plain) => ({ ...plain, notes: 'tidied' }));
    await desktop.sync(folder);
    await laptop.sync(folder);
    expect(laptop.library().get(key('a'))?.notes).toBe('tidied');
  });

  it('rewrites one shard for one change in a large library', async () => {
    const folder = new MemoryFolder();
    const laptop = new Replica('laptop');
    for (let index = 0; index < 500; index++) laptop.edit(`ep${index}`);
    await laptop.sync(folder);
    expect(Object.keys(manifestOf(folder).shards)).toHaveLength(SHARD_COUNT);
    laptop.edit('ep7', (plain) => ({ ...plain, status: 'listened' }));
    const writesBefore = folder.writes;
    const result = await laptop.sync(folder);
    expect(result).toMatchObject({ sent: 1, shardsRead: 1, shardsWritten: 1 });
    expect(folder.writes - writesBefore).toBe(2);
  });

  it('deletes on every device: a deletion wins over an older edit and loses to a newer one', async () => {
    let time = 1_750_000_000_000;
    const now = () => time;
    const folder = new MemoryFolder();
    const laptop = new Replica('laptop', now);
    const desktop = new Replica('desktop', now);
    laptop.edit('a');
    laptop.edit('b');
    await laptop.sync(folder);
    await desktop.sync(folder);
    laptop.edit('a', (plain) => ({ ...plain, rating: 2 }));
    time += 1_000;
    desktop.remove('a');
    desktop.remove('b');
    time += 1_000;
    laptop.edit('b', (plain) => ({ ...plain, rating: 4 }));
    await desktop.sync(folder);
    await laptop.sync(folder);
    await desktop.sync(folder);
    expect([...laptop.library().keys()]).toEqual([key('b')]);
    expect(desktop.library()).toEqual(laptop.library());
    expect(desktop.library().get(key('b'))?.rating).toBe(4);
  });

  it('drops a deletion from the folder once every device has seen it, and 30 days have passed', async () => {
    let time = 1_750_000_000_000;
    const folder = new MemoryFolder();
    const laptop = new Replica('laptop', () => time);
    const desktop = new Replica('desktop', () => time);
    const tombstones = () =>
      Object.values(manifestOf(folder).shards).reduce((sum, s) => sum + s.tombstones, 0);
    laptop.edit('a');
    laptop.edit('b');
    await laptop.sync(folder);
    await desktop.sync(folder);
    laptop.remove('a');
    expect((await laptop.sync(folder)).compacted).toBe(0);
    expect(tombstones()).toBe(1);
    time += DELETION_KEPT_MS;
    // The desktop reads the deletion, and as the last device to see it, sweeps it out.
    expect((await desktop.sync(folder)).compacted).toBe(1);
    expect(tombstones()).toBe(0);
    await laptop.sync(folder);
    expect([...laptop.library().keys()]).toEqual([key('b')]);
    expect(desktop.library()).toEqual(laptop.library());
    expect(desktop.records.has(key('a'))).toBe(false);
  });

  it('keeps a deletion in the folder while a device that has not seen it is away', async () => {
    let time = 1_750_000_000_000;
    const now = () => time;
    const folder = new MemoryFolder();
    const [laptop, desktop, phone] = ['laptop', 'desktop', 'phone'].map((name) => new Replica(name, now));
    laptop!.edit('a');
    for (const replica of [laptop!, desktop!, phone!]) await replica.sync(folder);
    phone!.edit('a', (plain) => ({ ...plain, rating: 3 }));
    time += 1_000;
    desktop!.remove('a');
    for (let round = 0; round < 3; round++)
      for (const replica of [desktop!, laptop!]) await replica.sync(folder);
    expect(Object.values(manifestOf(folder).shards).reduce((sum, s) => sum + s.tombstones, 0)).toBe(1);
    // The phone's edit is older than the deletion: it loses, on the phone too.
    await phone!.sync(folder);
    await laptop!.sync(folder);
    expect(phone!.library().size).toBe(0);
    expect(laptop!.library().size).toBe(0);
  });

  it('sends the whole library to a new folder, or to this one emptied', async () => {
    const laptop = new Replica('laptop');
    for (const name of ['a', 'b', 'c']) laptop.edit(name);
    await laptop.sync(new MemoryFolder());
    laptop.edit('d');
    const another = new MemoryFolder();
    expect((await laptop.sync(another)).sent).toBe(4);
    another.files.clear();
    expect((await laptop.sync(another)).sent).toBe(4);
    const desktop = new Replica('desktop');
    await desktop.sync(another);
    expect(desktop.library().size).toBe(4);
  });

  it('refuses a folder written by a newer Stackcast and changes nothing', async () => {
    const folder = new MemoryFolder();
    const laptop = new Replica('laptop');
    laptop.edit('a');
    await laptop.sync(folder);
    const manifest = JSON.parse(folder.files.get(MANIFEST_PATH)!.text);
    folder.files.set(MANIFEST_PATH, {
      text: JSON.stringify({ ...manifest, version: 2, newThing: [] }),
      etag: '"v2"',
    });
    const desktop = new Replica('desktop');
    desktop.edit('b');
    const before = snapshot(folder);
    await expect(desktop.sync(folder)).rejects.toThrow(NewerFormatError);
    expect(snapshot(folder)).toBe(before);
    expect([...desktop.library().keys()]).toEqual([key('b')]);
  });

  it('retries after another device wrote the manifest first (412)', async () => {
    const folder = new MemoryFolder();
    const laptop = new Replica('laptop');
    laptop.edit('a');
    await laptop.sync(folder);
    laptop.edit('b');
    folder.faults.staleOnce = new Set([MANIFEST_PATH]);
    const result = await laptop.sync(folder);
    expect(result.attempts).toBe(2);
    expect(orphans(folder)).toEqual([]);
    const desktop = new Replica('desktop');
    await desktop.sync(folder);
    expect(desktop.library().size).toBe(2);
  });

  it('gives up with a clear error when the folder keeps changing under it', async () => {
    const folder = new MemoryFolder();
    const laptop = new Replica('laptop');
    laptop.edit('a');
    folder.faults.staleOnce = new Set([MANIFEST_PATH]);
    await expect(syncWithAttempts(laptop, folder, 1)).rejects.toThrow(SyncBusyError);
  });

  it('two devices syncing at the same moment both land, one after a retry', async () => {
    const folder = new MemoryFolder({ delay: () => Promise.resolve() });
    const laptop = new Replica('laptop');
    const desktop = new Replica('desktop');
    laptop.edit('a');
    desktop.edit('a', (plain) => ({ ...plain, rating: 4 }));
    desktop.edit('b');
    const results = await Promise.all([laptop.sync(folder), desktop.sync(folder)]);
    expect(results.map((result) => result.attempts).sort()).toEqual([1, 2]);
    expect(orphans(folder)).toEqual([]);
    await laptop.sync(folder);
    expect(laptop.library()).toEqual(desktop.library());
    expect(laptop.library().size).toBe(2);
  });

  it('leaves the last good state when the connection drops mid-upload, and a later sync completes', async () => {
    const folder = new MemoryFolder();
    const laptop = new Replica('laptop');
    for (let index = 0; index < 50; index++) laptop.edit(`ep${index}`);
    await laptop.sync(folder);
    for (let index = 0; index < 50; index += 5)
      laptop.edit(`ep${index}`, (plain) => ({ ...plain, rating: 5 }));
    const manifestBefore = folder.files.get(MANIFEST_PATH)!.text;
    folder.faults.failAfterWrites = folder.writes + 3;
    await expect(laptop.sync(folder)).rejects.toThrow(ServerUnavailableError);
    expect(folder.files.get(MANIFEST_PATH)!.text).toBe(manifestBefore);
    const desktop = new Replica('desktop');
    folder.faults.failAfterWrites = undefined;
    await desktop.sync(folder);
    expect(desktop.library().size).toBe(50);
    expect([...desktop.library().values()].filter((plain) => plain.rating === 5)).toHaveLength(0);
    await laptop.sync(folder);
    await desktop.sync(folder);
    expect([...desktop.library().values()].filter((plain) => plain.rating === 5)).toHaveLength(10);
  });
});

async function syncWithAttempts(replica: Replica, folder: MemoryFolder, maxAttempts: number) {
  const { syncOnce } = await import('@/utils/sync/engine');
  return syncOnce({ local: replica, remote: folder, clock: replica.clock, maxAttempts });
}

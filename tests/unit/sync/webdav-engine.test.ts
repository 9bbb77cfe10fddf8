// The sync engine over WebDAV end to end, on each real server: devices meet through the server's files, two
// syncing at the same moment both land, and an encrypted folder holds only ciphertext on the server's disk.
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createWebDavClient, folderUrlOf } from '../../../utils/sync/webdav';
import { webDavRemoteFolder } from '../../../utils/sync/webdav-remote';
import {
  hasRclone,
  startRcloneServer,
  startWebDavServer,
  type RunningWebDav,
} from '../../fixtures/webdav-servers';
import { Replica, plainEpisode } from './replica';

const rclone = hasRclone();
if (!rclone)
  console.warn('rclone is not installed: the rclone serve webdav tests are skipped (apt-get install rclone)');

const SERVERS = [
  { name: 'webdav-server', start: startWebDavServer, available: true },
  { name: 'rclone serve webdav', start: startRcloneServer, available: rclone },
];

const key = (name: string) => `episode:${plainEpisode(name).id}`;

/** Every file under a directory, as text. */
function filesUnder(directory: string): string[] {
  return readdirSync(directory, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile())
    .map((entry) => readFileSync(join(entry.parentPath, entry.name), 'utf8'));
}

describe.each(SERVERS)('the engine over $name', ({ start, available }) => {
  let server: RunningWebDav;
  let folders = 0;

  /** A fresh sync folder and each device's view of it. */
  function folder(...owners: string[]) {
    const path = `Stackcast-${++folders}`;
    const client = createWebDavClient({
      folderUrl: folderUrlOf(server.url, path),
      user: server.user,
      password: server.password,
    });
    const remotes = owners.map((owner) => webDavRemoteFolder(client, { owner }));
    return remotes;
  }

  beforeAll(async () => {
    if (available) server = await start();
  });
  afterAll(async () => {
    await server?.stop();
  });

  it.skipIf(!available)('brings a save to the second device and a deletion back to the first', async () => {
    const [laptopFolder, desktopFolder] = folder('laptop', 'desktop');
    const laptop = new Replica('laptop');
    const desktop = new Replica('desktop');
    laptop.edit('a');
    laptop.edit('b', (plain) => ({ ...plain, notes: 'Notes über Kubernetes', tags: ['k8s'] }));
    expect(await laptop.sync(laptopFolder!)).toMatchObject({ sent: 2, received: 0 });
    expect(await desktop.sync(desktopFolder!)).toMatchObject({ sent: 0, received: 2 });
    expect(desktop.library()).toEqual(laptop.library());
    desktop.remove('a');
    await desktop.sync(desktopFolder!);
    await laptop.sync(laptopFolder!);
    expect([...laptop.library().keys()]).toEqual([key('b')]);
    expect(laptop.library().get(key('b'))?.notes).toBe('Notes über Kubernetes');
  });

  it.skipIf(!available)('lets two devices syncing at the same moment both land', async () => {
    const [laptopFolder, desktopFolder] = folder('laptop', 'desktop');
    const laptop = new Replica('laptop');
    const desktop = new Replica('desktop');
    for (let index = 0; index < 20; index++) {
      laptop.edit(`laptop-${index}`);
      desktop.edit(`desktop-${index}`);
    }
    await Promise.all([laptop.sync(laptopFolder!), desktop.sync(desktopFolder!)]);
    await laptop.sync(laptopFolder!);
    await desktop.sync(desktopFolder!);
    expect(laptop.library().size).toBe(40);
    expect(desktop.library()).toEqual(laptop.library());
  });
});

// rclone keeps the folder as plain files on disk: exactly what the server's owner can read.
describe.skipIf(!rclone)('an encrypted folder on rclone serve webdav', () => {
  let server: RunningWebDav & { directory: string };
  beforeAll(async () => {
    server = await startRcloneServer();
  });
  afterAll(async () => {
    await server?.stop();
  });

  it('holds only ciphertext on the server, and the second device reads it with the passphrase', async () => {
    const client = createWebDavClient({
      folderUrl: folderUrlOf(server.url, 'Encrypted'),
      user: server.user,
      password: server.password,
    });
    const laptop = new Replica('laptop');
    laptop.edit('secret', (plain) => ({ ...plain, title: 'Migrating to Postgres', notes: 'pager duty' }));
    await laptop.sync(webDavRemoteFolder(client, { owner: 'laptop' }), 'correct horse battery staple');
    const stored = filesUnder(join(server.directory, 'Encrypted')).join('\n');
    expect(stored.length).toBeGreaterThan(0);
    expect(stored).not.toMatch(/Migrating|Postgres|pager duty/);
    const desktop = new Replica('desktop');
    await desktop.sync(webDavRemoteFolder(client, { owner: 'desktop' }), 'correct horse battery staple');
    expect(desktop.library().get(key('secret'))?.title).toBe('Migrating to Postgres');
  });
});

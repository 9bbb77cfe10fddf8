// The WebDAV client and the engine's RemoteFolder against two real servers on 127.0.0.1: the npm webdav-server
// and Debian's `rclone serve webdav`. Both ignore If-Match, so the guarded write must hold through a LOCK.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PreconditionFailedError } from '../../../utils/sync/ports';
import { createWebDavClient, folderUrlOf, type WebDavClient } from '../../../utils/sync/webdav';
import { WebDavError } from '../../../utils/sync/webdav-errors';
import { probeWriteGuard } from '../../../utils/sync/webdav-guard';
import { webDavRemoteFolder } from '../../../utils/sync/webdav-remote';
import {
  hasRclone,
  startRcloneServer,
  startWebDavServer,
  type RunningWebDav,
} from '../../fixtures/webdav-servers';

const rclone = hasRclone();
if (!rclone)
  console.warn('rclone is not installed: the rclone serve webdav tests are skipped (apt-get install rclone)');

const SERVERS = [
  { name: 'webdav-server', start: startWebDavServer, available: true },
  { name: 'rclone serve webdav', start: startRcloneServer, available: rclone },
];

describe.each(SERVERS)('$name', ({ start, available }) => {
  let server: RunningWebDav;
  let client: WebDavClient;
  let folder = 0;

  /** A client on a fresh folder for each test, so tests do not see each other's files. */
  async function freshFolder(): Promise<WebDavClient> {
    folder++;
    const fresh = createWebDavClient({
      folderUrl: folderUrlOf(server.url, `Stackcast ${folder}/library`),
      user: server.user,
      password: server.password,
    });
    await fresh.makeFolder('');
    return fresh;
  }

  beforeAll(async () => {
    if (!available) return;
    server = await start();
    client = createWebDavClient({ folderUrl: server.url, user: server.user, password: server.password });
  });
  afterAll(async () => {
    await server?.stop();
  });

  it.skipIf(!available)('creates nested folders, writes, lists, reads, moves and removes files', async () => {
    const folderClient = await freshFolder();
    await folderClient.makeFolder('shards/old');
    const { etag: putEtag } = await folderClient.put('shards/a b.json', '{"n":"é"}');
    await folderClient.put('manifest.json', '{}');
    const listing = await folderClient.list('', 1);
    expect(listing.map((entry) => entry.path).sort()).toEqual(['', 'manifest.json', 'shards']);
    expect(listing.find((entry) => entry.path === 'shards')?.isCollection).toBe(true);
    const [shard] = await folderClient.list('shards/a b.json', 0);
    expect(shard).toMatchObject({ path: 'shards/a b.json', isCollection: false, size: 10 });
    expect(shard?.etag).toMatch(/^(W\/)?".+"$/);
    if (putEtag) expect(putEtag).toBe(shard?.etag);
    const file = await folderClient.get('shards/a b.json');
    expect(new TextDecoder().decode(file!.body)).toBe('{"n":"é"}');
    await folderClient.move('shards/a b.json', 'manifest.json');
    expect(new TextDecoder().decode((await folderClient.get('manifest.json'))!.body)).toBe('{"n":"é"}');
    expect(await folderClient.get('shards/a b.json')).toBeNull();
    expect(await folderClient.remove('manifest.json')).toBe(true);
    expect(await folderClient.remove('manifest.json')).toBe(false);
    await expect(folderClient.list('missing', 0)).rejects.toMatchObject({ problem: 'not-found' });
  });

  it.skipIf(!available)('gives each written version a new ETag', async () => {
    const folderClient = await freshFolder();
    const seen = new Set<string>();
    for (const text of ['one', 'two', 'six', 'ten']) {
      await folderClient.put('manifest.json', text);
      const [entry] = await folderClient.list('manifest.json', 0);
      seen.add(entry!.etag!);
    }
    expect(seen.size).toBe(4);
  });

  it.skipIf(!available)('ignores If-Match, so the write guard found is a LOCK', async () => {
    const folderClient = await freshFolder();
    await folderClient.put('manifest.json', 'v1');
    // Recorded server behaviour: a stale If-Match is written anyway (no 412).
    await folderClient.put('manifest.json', 'v2', { ifMatch: '"not-the-current-etag"' });
    expect(new TextDecoder().decode((await folderClient.get('manifest.json'))!.body)).toBe('v2');
    expect(await probeWriteGuard(folderClient)).toBe('lock');
    const lock = await folderClient.lock('manifest.json.lock', { owner: 'laptop', timeoutSeconds: 60 });
    await expect(
      folderClient.lock('manifest.json.lock', { owner: 'desktop', timeoutSeconds: 60 }),
    ).rejects.toMatchObject({ problem: 'locked', status: 423 });
    await folderClient.unlock(lock);
    await folderClient.unlock(
      await folderClient.lock('manifest.json.lock', { owner: 'desktop', timeoutSeconds: 60 }),
    );
    // The probe cleans up after itself.
    const names = (await folderClient.list('', 1)).map((entry) => entry.path);
    expect(names.filter((name) => name.startsWith('.stackcast-probe'))).toEqual([]);
  });

  it.skipIf(!available)(
    'refuses a manifest write over a version another device wrote (stale ETag)',
    async () => {
      const folderClient = await freshFolder();
      const remote = webDavRemoteFolder(folderClient, { owner: 'laptop' });
      expect(await remote.read('manifest.json')).toBeNull();
      await remote.write('manifest.json', 'first', { ifNoneMatch: '*' });
      await expect(remote.write('manifest.json', 'again', { ifNoneMatch: '*' })).rejects.toBeInstanceOf(
        PreconditionFailedError,
      );
      const read = await remote.read('manifest.json');
      expect(read).toMatchObject({ text: 'first' });
      expect(read!.etag).toBeTruthy();
      const written = await remote.write('manifest.json', 'second', { ifMatch: read!.etag! });
      await expect(remote.write('manifest.json', 'lost', { ifMatch: read!.etag! })).rejects.toBeInstanceOf(
        PreconditionFailedError,
      );
      const now = await remote.read('manifest.json');
      expect(now!.text).toBe('second');
      if (written.etag) expect(now!.etag).toBe(written.etag);
      // No half-written or lock-probe files are left beside the manifest.
      const names = (await folderClient.list('', 1)).map((entry) => entry.path);
      expect(names.filter((name) => name.endsWith('.part'))).toEqual([]);
    },
  );

  it.skipIf(!available)(
    'lets exactly one of two devices writing at once win, and the other retry',
    async () => {
      const folderClient = await freshFolder();
      const laptop = webDavRemoteFolder(folderClient, { owner: 'laptop' });
      const desktop = webDavRemoteFolder(folderClient, { owner: 'desktop' });
      await laptop.write('manifest.json', 'base', { ifNoneMatch: '*' });
      for (let round = 0; round < 5; round++) {
        const [a, b] = await Promise.all([laptop.read('manifest.json'), desktop.read('manifest.json')]);
        expect(a!.etag).toBe(b!.etag);
        const results = await Promise.allSettled([
          laptop.write('manifest.json', `laptop ${round}`, { ifMatch: a!.etag! }),
          desktop.write('manifest.json', `desktop ${round}`, { ifMatch: b!.etag! }),
        ]);
        const won = results.filter((result) => result.status === 'fulfilled');
        expect(won).toHaveLength(1);
        const lost = results.find((result) => result.status === 'rejected') as PromiseRejectedResult;
        expect(lost.reason).toBeInstanceOf(PreconditionFailedError);
        const winner = results[0]!.status === 'fulfilled' ? 'laptop' : 'desktop';
        expect((await laptop.read('manifest.json'))!.text).toBe(`${winner} ${round}`);
      }
    },
  );

  it.skipIf(!available)('answers a wrong password with unauthorized', async () => {
    const wrong = createWebDavClient({ folderUrl: server.url, user: server.user, password: 'wrong' });
    await expect(wrong.list('', 0)).rejects.toSatisfy(
      (error) => error instanceof WebDavError && error.problem === 'unauthorized' && error.status === 401,
    );
    expect((await client.list('', 0))[0]?.isCollection).toBe(true);
  });
});

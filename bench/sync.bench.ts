// Sync (issue 13) against a real WebDAV server on 127.0.0.1 (the npm webdav-server, files in memory): the
// whole path a browser takes (the library's LocalStore on IndexedDB, the engine, the fetch WebDAV client
// with its lock-held compare-and-swap), in Node with fake-indexeddb standing in for the browser's IndexedDB.
// Three syncs: 10,000 episodes to an empty folder; one changed note in that 10,000-episode folder (it must
// send far less than the whole library); the first sync of a second machine, which receives everything.
import 'fake-indexeddb/auto';
import Dexie from 'dexie';
import { LibraryDatabase } from '../utils/library/db';
import { LibraryService } from '../utils/library/service';
import { LibrarySyncStore } from '../utils/library/sync-store';
import { syncOnce, type SyncResult } from '../utils/sync/engine';
import { createWebDavClient } from '../utils/sync/webdav';
import { webDavRemoteFolder } from '../utils/sync/webdav-remote';
import { syncFolderUrl } from '../utils/sync/webdav-connection';
import { startWebDavServer } from '../tests/fixtures/webdav-servers';
import { makeSaved } from '../tests/unit/library/generate';
import { cpus, loadavg } from 'node:os';
import { table } from './lib/timing';

const EPISODES = 10_000;
const LOAD_AT_START = () => loadavg()[0]!.toFixed(1);

/** Bytes and requests on the wire, counted around the global fetch the WebDAV client uses. */
const wire = { sent: 0, received: 0, requests: 0 };

function countFetch(): () => void {
  const original = globalThis.fetch;
  globalThis.fetch = async (input, init) => {
    wire.requests++;
    const body = init?.body;
    if (typeof body === 'string') wire.sent += new TextEncoder().encode(body).byteLength;
    else if (body instanceof Uint8Array) wire.sent += body.byteLength;
    const response = await original(input, init);
    const bytes = new Uint8Array(await response.arrayBuffer());
    wire.received += bytes.byteLength;
    return new Response(response.status === 204 || response.status === 304 ? null : bytes, {
      status: response.status,
      statusText: response.statusText,
      headers: response.headers,
    });
  };
  return () => (globalThis.fetch = original);
}

interface Measured {
  label: string;
  seconds: number;
  result: SyncResult;
  sent: number;
  received: number;
  requests: number;
}

async function measuredSync(
  label: string,
  store: LibrarySyncStore,
  folderUrl: string,
  user: string,
  password: string,
) {
  const client = createWebDavClient({ folderUrl, user, password });
  const clock = await store.clock();
  const remote = webDavRemoteFolder(client, { owner: `bench ${clock.device}` });
  Object.assign(wire, { sent: 0, received: 0, requests: 0 });
  const started = performance.now();
  const result = await syncOnce({ local: store, remote, clock });
  const seconds = (performance.now() - started) / 1000;
  await store.keepClock(clock);
  return { label, seconds, result, ...wire } satisfies Measured;
}

const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KiB`;

export default async function syncBench(): Promise<string> {
  const load = LOAD_AT_START();
  const server = await startWebDavServer();
  const restore = countFetch();
  const names = [`sync-bench-a-${Date.now()}`, `sync-bench-b-${Date.now()}`];
  const [dbA, dbB] = names.map((name) => new LibraryDatabase(name));
  try {
    const folderUrl = syncFolderUrl({ serverUrl: server.url, folder: 'Stackcast' })!;
    const library = new LibraryService(dbA!);
    const episodes = Array.from({ length: EPISODES }, (_, i) => makeSaved(i + 1));
    await library.merge(episodes);
    const libraryBytes = episodes.reduce((sum, e) => sum + JSON.stringify(e).length, 0);

    const storeA = new LibrarySyncStore(dbA!, folderUrl);
    const storeB = new LibrarySyncStore(dbB!, folderUrl);
    const rows: Measured[] = [];
    rows.push(
      await measuredSync(
        `${EPISODES.toLocaleString('en')} episodes to an empty folder`,
        storeA,
        folderUrl,
        server.user,
        server.password,
      ),
    );
    await library.update([episodes[4_321]!.id], { notes: 'One note changed on this machine.' });
    rows.push(
      await measuredSync(
        'one changed note into that folder',
        storeA,
        folderUrl,
        server.user,
        server.password,
      ),
    );
    rows.push(
      await measuredSync("a second machine's first sync", storeB, folderUrl, server.user, server.password),
    );
    const onB = (await new LibraryService(dbB!).summaries()).length;
    if (onB !== EPISODES)
      throw new Error(`sync bench: the second machine holds ${onB} episodes, not ${EPISODES}`);
    const one = rows[1]!;
    return [
      '## sync',
      '',
      `Against webdav-server 2.6 on 127.0.0.1 (lock-held compare-and-swap), the library on fake-indexeddb in Node; ` +
        `${EPISODES.toLocaleString('en')} generated episodes (~${(libraryBytes / 1024 / 1024).toFixed(1)} MiB as JSON), plaintext folder, 64 shards. ` +
        'Bytes are request and answer bodies as the fetch client sent and read them. ' +
        `Run ${new Date().toISOString().slice(0, 10)} on ${cpus().length} cores, load ${load} at start.`,
      '',
      table(
        [
          'sync',
          'wall',
          'episodes sent / received',
          'shards written / read',
          'bytes sent',
          'bytes received',
          'requests',
        ],
        rows.map((row) => [
          row.label,
          `${row.seconds.toFixed(2)} s`,
          `${row.result.sent} / ${row.result.received}`,
          `${row.result.shardsWritten} / ${row.result.shardsRead}`,
          kb(row.sent),
          kb(row.received),
          String(row.requests),
        ]),
      ),
      '',
      `One change sent ${kb(one.sent)}, ${((one.sent / rows[0]!.sent) * 100).toFixed(1)} % of the first sync's ${kb(rows[0]!.sent)}: ` +
        `the changed shard and the manifest. These ids fill ${rows[0]!.result.shardsWritten} of the 64 shards, so a shard ` +
        `holds about 1/${rows[0]!.result.shardsWritten} of the library. ` +
        'A shard file is read with one GET (its name is its hash, which is checked); the manifest between two ' +
        'PROPFINDs, since webdav-server sends no ETag with GET.',
    ].join('\n');
  } finally {
    restore();
    for (const db of [dbA, dbB]) db?.close();
    for (const name of names) await Dexie.delete(name);
    await server.stop();
  }
}

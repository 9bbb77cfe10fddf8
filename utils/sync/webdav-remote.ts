// The sync engine's RemoteFolder over WebDAV. The engine's one promise to keep: a write guarded by an ETag
// never lands over a manifest another device wrote meanwhile (PreconditionFailedError instead), on every
// server, including those that ignore If-Match (see webdav-guard.ts).
import { PreconditionFailedError, type RemoteFile, type RemoteFolder, type WriteCondition } from './ports';
import { WebDavError, isStaleWrite } from './webdav-errors';
import { probeWriteGuard, type WriteGuard } from './webdav-guard';
import { SHARDS_DIRECTORY } from './layout';
import type { WebDavClient, WebDavLock } from './webdav';

export interface WebDavRemoteOptions {
  /** Who holds a lock, as other devices' LOCK answers show it (a device name, never a secret). */
  owner: string;
  /** Known from "Test connection"; probed on the first guarded write otherwise. */
  guard?: WriteGuard;
  /** Asked of the server; a crashed device's lock lapses after it (webdav-server 2.6 keeps 3600 s). */
  lockTimeoutSeconds?: number;
  /** Waits between tries while another device holds the lock, then `locked` is thrown (the engine backs off). */
  lockWaitsMs?: readonly number[];
}

const DEFAULT_LOCK_WAITS_MS = [200, 500, 1_000, 2_000, 4_000];
/** Tries at reading a file and its ETag as one version, on servers that send no ETag with GET. */
const CONSISTENT_READ_TRIES = 3;

/** Guards found per folder while the background lives: a sync every few minutes need not probe each time. */
const PROBED_GUARDS = new Map<string, Promise<WriteGuard>>();

/** ETags compare without the weak marker: a server may list `W/"x"` and send `"x"`. */
function sameEtag(a: string, b: string): boolean {
  return a.replace(/^W\//, '') === b.replace(/^W\//, '');
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/**
 * The folder as the engine sees it.
 * @example
 * const remote = webDavRemoteFolder(createWebDavClient(config), { owner: 'Firefox on laptop' });
 * await syncOnce({ local, remote, clock });
 */
export function webDavRemoteFolder(
  client: WebDavClient,
  options: WebDavRemoteOptions,
): RemoteFolder & { writeGuard(): Promise<WriteGuard> } {
  const writeGuard = (): Promise<WriteGuard> => {
    if (options.guard) return Promise.resolve(options.guard);
    let probed = PROBED_GUARDS.get(client.folderUrl);
    if (!probed) {
      probed = probeWriteGuard(client);
      PROBED_GUARDS.set(client.folderUrl, probed);
      // A failed probe (offline, 5xx) is asked again next time, not remembered.
      probed.catch(() => PROBED_GUARDS.delete(client.folderUrl));
    }
    return probed;
  };
  const decoder = new TextDecoder();

  /** The ETag the server lists for a path, or null when there is no such file. */
  async function etagOf(path: string): Promise<string | null> {
    try {
      const [entry] = await client.list(path, 0);
      return entry?.etag ?? null;
    } catch (error) {
      if (error instanceof WebDavError && error.problem === 'not-found') return null;
      throw error;
    }
  }

  async function read(path: string): Promise<RemoteFile | null> {
    const file = await client.get(path);
    if (!file) return null;
    if (file.etag) return { text: decoder.decode(file.body), etag: file.etag };
    // A shard file is named by its content's hash, never rewritten, and the engine checks that hash: any body
    // read is the version its name promises, and no write is ever guarded by its ETag. One GET is enough.
    if (path.startsWith(`${SHARDS_DIRECTORY}/`)) return { text: decoder.decode(file.body), etag: null };
    // No ETag with the body: the same ETag listed before and after the GET proves the body is that version
    // (an ETag taken after alone could belong to a newer write, and the engine would then overwrite it).
    for (let attempt = 0; attempt < CONSISTENT_READ_TRIES; attempt++) {
      const before = await etagOf(path);
      const again = await client.get(path);
      if (!before || !again) return again && { text: decoder.decode(again.body), etag: null };
      const after = await etagOf(path);
      if (after && sameEtag(before, after)) return { text: decoder.decode(again.body), etag: before };
    }
    throw new WebDavError('stale', 'GET', path);
  }

  async function acquire(path: string): Promise<WebDavLock> {
    const timeoutSeconds = options.lockTimeoutSeconds ?? 120;
    for (const wait of [...(options.lockWaitsMs ?? DEFAULT_LOCK_WAITS_MS), -1]) {
      try {
        return await client.lock(path, { owner: options.owner, timeoutSeconds });
      } catch (error) {
        if (!(error instanceof WebDavError && error.problem === 'locked') || wait < 0) throw error;
        await sleep(wait);
      }
    }
    throw new WebDavError('locked', 'LOCK', path);
  }

  /** Compare and swap under a lock: write beside, then move into place, so a cut upload leaves the old file. */
  async function writeUnderLock(path: string, text: string, condition: WriteCondition, locking: boolean) {
    const held = locking ? await acquire(`${path}.lock`) : undefined;
    try {
      const current = await etagOf(path);
      if ('ifMatch' in condition && (current === null || !sameEtag(current, condition.ifMatch)))
        throw new PreconditionFailedError(path);
      if ('ifNoneMatch' in condition && current !== null) throw new PreconditionFailedError(path);
      const part = `${path}.${Math.random().toString(36).slice(2, 10)}.part`;
      try {
        await client.put(part, text);
        await client.move(part, path);
      } catch (error) {
        await client.remove(part).catch(() => undefined);
        throw error;
      }
      // Still under the lock, so the listed ETag is this write's.
      return { etag: locking ? await etagOf(path) : null };
    } finally {
      if (held) await client.unlock(held).catch(() => undefined);
    }
  }

  return {
    read,
    async write(path, text, condition) {
      const guarded = 'ifMatch' in condition || 'ifNoneMatch' in condition;
      if (!guarded) return { etag: (await client.put(path, text)).etag };
      const kind = await writeGuard();
      if (kind !== 'if-match') return writeUnderLock(path, text, condition, kind === 'lock');
      try {
        const conditions = 'ifMatch' in condition ? { ifMatch: condition.ifMatch } : { ifNoneMatch: true };
        return { etag: (await client.put(path, text, conditions)).etag };
      } catch (error) {
        if (isStaleWrite(error)) throw new PreconditionFailedError(path);
        throw error;
      }
    },
    async remove(path) {
      await client.remove(path);
    },
    async ensureDirectory(path) {
      await client.makeFolder(path);
    },
    writeGuard,
  };
}

// How this server can keep two devices from overwriting each other's manifest. Servers differ: Apache mod_dav
// and Nextcloud refuse a PUT whose If-Match no longer holds (412), but rclone serve webdav (1.60) and the npm
// webdav-server (2.6) ignore If-Match and If-None-Match; both do refuse a second exclusive LOCK (423). So a
// guarded write uses If-Match where it holds, and otherwise compares ETags while holding a LOCK.
import { WebDavError } from './webdav-errors';
import type { WebDavClient } from './webdav';

/**
 * - `if-match`: the server answers 412 to a stale If-Match and to If-None-Match `*` over a file.
 * - `lock`: conditions are ignored, but an exclusive LOCK excludes a second one.
 * - `none`: neither; two devices syncing at the same moment could lose one's manifest write.
 */
export type WriteGuard = 'if-match' | 'lock' | 'none';

const PROBE_ETAG = '"stackcast-probe-stale"';

function probeName(): string {
  return `.stackcast-probe-${Math.random().toString(36).slice(2, 10)}`;
}

/** The status of a request that may fail, or 0 for success. */
async function statusOf(attempt: Promise<unknown>): Promise<number> {
  try {
    await attempt;
    return 0;
  } catch (error) {
    if (error instanceof WebDavError && error.status) return error.status;
    throw error;
  }
}

/**
 * Find out, with throw-away files in the sync folder (removed afterwards), which guard the server honours.
 * The folder must exist. Failures other than the refusals probed for (401, network...) are thrown.
 */
export async function probeWriteGuard(client: WebDavClient): Promise<WriteGuard> {
  const probe = probeName();
  await client.put(probe, 'stackcast write-guard probe');
  try {
    const staleMatch = await statusOf(client.put(probe, 'stale if-match', { ifMatch: PROBE_ETAG }));
    const overExisting = await statusOf(client.put(probe, 'if-none-match', { ifNoneMatch: true }));
    if (staleMatch === 412 && overExisting === 412) return 'if-match';
  } finally {
    await client.remove(probe).catch(() => undefined);
  }
  return (await locksExclude(client)) ? 'lock' : 'none';
}

async function locksExclude(client: WebDavClient): Promise<boolean> {
  const path = `${probeName()}.lock`;
  let first;
  try {
    first = await client.lock(path, { owner: 'stackcast write-guard probe', timeoutSeconds: 60 });
  } catch (error) {
    if (error instanceof WebDavError && ['not-webdav', 'forbidden', 'unexpected'].includes(error.problem))
      return false;
    throw error;
  }
  try {
    const second = await client.lock(path, {
      owner: 'stackcast write-guard probe, second',
      timeoutSeconds: 60,
    });
    // Granted twice: the server does not exclude anyone. Release the second too.
    await client.unlock(second).catch(() => undefined);
    return false;
  } catch (error) {
    if (error instanceof WebDavError && error.problem === 'locked') return true;
    throw error;
  } finally {
    await client.unlock(first).catch(() => undefined);
    await client.remove(path).catch(() => undefined);
  }
}

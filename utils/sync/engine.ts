// One sync of this device's library with the folder: read, merge, write beside, then swap the manifest.
import { laterStamp, parseStamp, type HybridClock } from './clock';
import { shownRecord } from './kinds';
import { folderKey } from './crypto';
import { FolderMovedOnError, inBatches, manifestText, readManifest, readShard, writeShard } from './files';
import { MANIFEST_PATH, SHARDS_DIRECTORY, emptyManifest, shardOf, type Manifest } from './layout';
import {
  NEVER_SYNCED,
  PreconditionFailedError,
  type LocalStore,
  type RemoteFolder,
  type SyncMemo,
  type WriteCondition,
} from './ports';
import { isRemoved, mergeRecords, recordKey, sameRecord, type SyncRecord } from './record';

export interface SyncOptions {
  local: LocalStore;
  remote: RemoteFolder;
  /** This device's clock (its device id names it in the manifest); the caller persists `clock.last`. */
  clock: HybridClock;
  /** Encrypts a new folder, opens an encrypted one; a plaintext folder with a passphrase is refused. */
  passphrase?: string;
  /** Rounds after another device wrote the manifest first (412) before giving up. */
  maxAttempts?: number;
}

export interface SyncResult {
  /** Episodes this sync changed in the folder as a listener sees them (new, edited or deleted). */
  sent: number;
  /** Episodes this sync changed in the local library as the listener sees them. */
  received: number;
  shardsRead: number;
  shardsWritten: number;
  /** Deletions every device has seen, dropped from the folder by this sync. */
  compacted: number;
  /** The manifest revision the folder is at after this sync. */
  revision: number;
  /** Rounds it took (more than 1 when another device wrote at the same moment). */
  attempts: number;
}

export class SyncBusyError extends Error {
  constructor(attempts: number) {
    super(`Other devices kept writing the sync folder (${attempts} tries); the next sync will try again.`);
    this.name = 'SyncBusyError';
  }
}

function group(keys: Iterable<string>): Map<string, string[]> {
  const byShard = new Map<string, string[]>();
  for (const key of keys) {
    const shard = shardOf(key);
    byShard.set(shard, [...(byShard.get(shard) ?? []), key]);
  }
  return byShard;
}

const isEpisode = (key: string) => key.startsWith('episode:');

/**
 * Sync once: read the manifest (refusing a newer format or a wrong passphrase before anything changes), fetch
 * the shards whose hash changed since the last sync and those holding local changes, merge, apply the merge to
 * the library, write changed shards under new names, then write the manifest over the version read
 * (If-Match). When another device wrote first, start over from its manifest (up to `maxAttempts`).
 * @example
 * const { sent, received } = await syncOnce({ local, remote, clock, passphrase });
 */
export async function syncOnce(options: SyncOptions): Promise<SyncResult> {
  const { local } = options;
  const maxAttempts = options.maxAttempts ?? 5;
  const memo = await local.readMemo();
  const changes = await local.changesSince(memo.cursor);
  const everything = () => local.changesSince(null);
  const rounds: Rounds = { received: new Set(), uploaded: new Set() };
  const { received } = rounds;
  for (let attempt = 1; attempt <= maxAttempts; attempt++) {
    try {
      const result = await attemptSync(options, memo, changes, everything, rounds);
      await local.writeMemo(result.memo);
      return { ...result.counts, received: [...received].filter(isEpisode).length, attempts: attempt };
    } catch (error) {
      if (!(error instanceof PreconditionFailedError || error instanceof FolderMovedOnError)) throw error;
    }
  }
  throw new SyncBusyError(maxAttempts);
}

type Changes = Awaited<ReturnType<LocalStore['changesSince']>>;
type Counts = Omit<SyncResult, 'received' | 'attempts'>;

/** What the rounds of one sync gather: the records received, and the shard files written (by lost rounds too). */
interface Rounds {
  received: Set<string>;
  uploaded: Set<string>;
}

async function attemptSync(
  { local, remote, clock, passphrase }: SyncOptions,
  lastMemo: SyncMemo,
  changesSinceLast: Changes,
  everything: () => Promise<Changes>,
  { received, uploaded }: Rounds,
): Promise<{ memo: SyncMemo; counts: Counts }> {
  const read = await readManifest(remote);
  const { key, encryption } = await folderKey(read?.manifest ?? null, passphrase);
  if (read) clock.receive(read.manifest.clock);
  const manifest = read?.manifest ?? emptyManifest(clock.last, encryption);
  // Another folder, or this one emptied or replaced: what this device sent before is not there, send it all.
  const sameFolder = lastMemo.folder === (read?.manifest.folder ?? null);
  const memo = sameFolder ? lastMemo : { ...NEVER_SYNCED, folder: manifest.folder };
  const changes = sameFolder ? changesSinceLast : await everything();
  const pendingKeys = changes.keys;

  // Shards to read: those another device changed since this one last merged them, and those it must rewrite.
  const pendingByShard = group(pendingKeys);
  const touched = new Set(pendingByShard.keys());
  for (const [shard, entry] of Object.entries(manifest.shards))
    if (memo.shardHashes[shard] !== entry.hash) touched.add(shard);
  // The last device to acknowledge the newest deletion sweeps every deletion out of the folder.
  const me = clock.device;
  const needsAcknowledge = !manifest.devices[me] || manifest.devices[me].seenRevision < manifest.deletionsIn;
  const othersSaw = Object.entries(manifest.devices).every(
    ([device, entry]) => device === me || entry.seenRevision >= manifest.deletionsIn,
  );
  const sweep = needsAcknowledge && othersSaw ? shardsWithTombstones(manifest) : [];
  for (const shard of sweep) touched.add(shard);
  const toRead = [...touched].filter((shard) => manifest.shards[shard]).sort();
  const remoteRecords = new Map<string, SyncRecord>();
  const fetched = await inBatches(toRead, (shard) => readShard(remote, shard, manifest.shards[shard]!, key));
  for (const record of fetched.flat()) {
    remoteRecords.set(recordKey(record), record);
    // The manifest's clock should cover its records; a device that wrote it wrong must not make ours lag.
    clock.receive(laterStamp(record.live, record.removed) ?? record.live);
  }

  const keys = [...new Set([...remoteRecords.keys(), ...pendingKeys])];
  const localRecords = await local.readRecords(keys);
  const merged = new Map<string, SyncRecord>();
  const toApply: SyncRecord[] = [];
  const dirty = new Set<string>();
  for (const recordKeyText of keys) {
    const mine = localRecords.get(recordKeyText);
    const theirs = remoteRecords.get(recordKeyText);
    const both = mergeRecords(mine, theirs);
    if (!both) continue;
    merged.set(recordKeyText, both);
    if (!sameRecord(both, mine)) {
      toApply.push(both);
      if (shownRecord(both) !== shownRecord(mine)) received.add(recordKeyText);
    }
    if (!sameRecord(both, theirs)) dirty.add(shardOf(recordKeyText));
  }
  // Server data merged in is never less than what the library holds, so applying it before the manifest
  // write is safe even if that write loses to another device (the next round merges again).
  if (toApply.length > 0) await local.applyRecords(toApply);

  for (const shard of sweep)
    if ([...merged].some(([key, record]) => shardOf(key) === shard && oldEnoughToDrop(record, clock)))
      dirty.add(shard);
  if (dirty.size === 0 && !needsAcknowledge) {
    const shardHashes = Object.fromEntries(
      Object.entries(manifest.shards).map(([s, entry]) => [s, entry.hash]),
    );
    const counts = {
      sent: 0,
      shardsRead: toRead.length,
      shardsWritten: 0,
      compacted: 0,
      revision: manifest.revision,
    };
    return {
      memo: { folder: manifest.folder, cursor: changes.cursor, revision: manifest.revision, shardHashes },
      counts,
    };
  }

  const revision = manifest.revision + 1;
  const stamp = clock.tick();
  const devices = { ...manifest.devices, [me]: { seenRevision: revision, lastSync: stamp } };
  const everyDeviceSaw = (at: number) => Object.values(devices).every((device) => device.seenRevision >= at);
  if (!read || Object.keys(manifest.shards).length === 0) {
    await remote.ensureDirectory('');
    await remote.ensureDirectory(SHARDS_DIRECTORY);
  }
  let deletionsIn = manifest.deletionsIn;
  let sent = 0;
  const compacted: string[] = [];
  const shards = { ...manifest.shards };
  const superseded: string[] = [];
  for (const shard of [...dirty].sort()) {
    const records: SyncRecord[] = [];
    for (const [recordKeyText, record] of merged) {
      if (shardOf(recordKeyText) !== shard) continue;
      if (isEpisode(recordKeyText) && shownRecord(record) !== shownRecord(remoteRecords.get(recordKeyText)))
        sent++;
      if (!isRemoved(record)) records.push(record);
      else if (record.removedIn === null) {
        // The revision that first carries a deletion: compaction waits until every device has read it.
        records.push({ ...record, removedIn: revision });
        deletionsIn = revision;
      } else if (everyDeviceSaw(record.removedIn) && oldEnoughToDrop(record, clock))
        compacted.push(recordKeyText);
      else records.push(record);
    }
    const old = shards[shard];
    if (old) superseded.push(old.file);
    if (records.length === 0) delete shards[shard];
    else {
      shards[shard] = await writeShard(remote, shard, records, key);
      uploaded.add(shards[shard].file);
    }
  }
  const next: Manifest = { ...manifest, revision, clock: stamp, deletionsIn, devices, shards, encryption };
  const condition: WriteCondition = read?.etag ? { ifMatch: read.etag } : read ? {} : { ifNoneMatch: '*' };
  await remote.write(MANIFEST_PATH, manifestText(next), condition);

  // The manifest no longer names the old versions, nor what rounds lost to another device wrote; a device
  // that read the old manifest just starts over.
  const named = new Set(Object.values(shards).map((entry) => entry.file));
  for (const file of new Set([...superseded, ...uploaded])) if (!named.has(file)) await forget(remote, file);
  if (compacted.length > 0) await local.forgetRecords(compacted);
  const shardHashes = Object.fromEntries(Object.entries(shards).map(([s, entry]) => [s, entry.hash]));
  const counts = {
    sent,
    shardsRead: toRead.length,
    shardsWritten: dirty.size,
    compacted: compacted.length,
    revision,
  };
  return { memo: { folder: manifest.folder, cursor: changes.cursor, revision, shardHashes }, counts };
}

/**
 * How long a deletion stays in the folder at least, even once every listed device has seen it: a browser
 * that joins later with the episode in its library (restored from a backup, saved before sync was on) then
 * still learns it was deleted, instead of bringing it back with its older copy.
 */
export const DELETION_KEPT_MS = 30 * 24 * 3_600_000;

function oldEnoughToDrop(record: SyncRecord, clock: HybridClock): boolean {
  if (!isRemoved(record) || record.removed === null) return false;
  return parseStamp(clock.last).wall - parseStamp(record.removed).wall >= DELETION_KEPT_MS;
}

function shardsWithTombstones(manifest: Manifest): string[] {
  return Object.entries(manifest.shards)
    .filter(([, entry]) => entry.tombstones > 0)
    .map(([shard]) => shard);
}

/** Removing an old shard version is tidying: a failure leaves a file no manifest names, nothing worse. */
async function forget(remote: RemoteFolder, file: string): Promise<void> {
  try {
    await remote.remove(file);
  } catch {
    // Left for a later sync's tidy-up; the folder stays correct.
  }
}

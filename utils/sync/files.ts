// Reading and writing the folder's files: every byte read from the server is checked before it is believed.
import '@/utils/zod-setup';
import { open, seal, type FolderKey } from './crypto';
import {
  EnvelopeSchema,
  MANIFEST_PATH,
  ManifestSchema,
  RecordListSchema,
  SHARD_FORMAT,
  SYNC_FORMAT_VERSION,
  ShardSchema,
  sha256Hex,
  shardPath,
  shardText,
  sortedRecords,
  type Manifest,
  type ShardEntry,
} from './layout';
import { isRemoved, type SyncRecord } from './record';
import type { RemoteFolder } from './ports';

export class NewerFormatError extends Error {
  constructor(readonly version: number) {
    super(
      `This sync folder was written by a newer Stackcast (format ${version}; this one reads ${SYNC_FORMAT_VERSION}). ` +
        'Update Stackcast on this device to sync. Nothing was changed.',
    );
    this.name = 'NewerFormatError';
  }
}

export class CorruptFolderError extends Error {
  constructor(path: string, reason: string) {
    super(`The sync folder's ${path} is not a file Stackcast can read (${reason}). Nothing was changed.`);
    this.name = 'CorruptFolderError';
  }
}

/** A file the manifest names has gone: another device finished a sync meanwhile; read the manifest again. */
export class FolderMovedOnError extends Error {
  constructor(path: string) {
    super(`${path} was replaced while this sync read the folder`);
    this.name = 'FolderMovedOnError';
  }
}

function parseJson(path: string, text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    throw new CorruptFolderError(path, 'not JSON');
  }
}

/** The manifest and its ETag, or null for a folder never synced into. A newer format is refused first. */
export async function readManifest(
  remote: RemoteFolder,
): Promise<{ manifest: Manifest; etag: string | null } | null> {
  const file = await remote.read(MANIFEST_PATH);
  if (!file) return null;
  const json = parseJson(MANIFEST_PATH, file.text);
  const envelope = EnvelopeSchema.safeParse(json);
  if (!envelope.success) throw new CorruptFolderError(MANIFEST_PATH, 'not a Stackcast sync manifest');
  if (envelope.data.version > SYNC_FORMAT_VERSION) throw new NewerFormatError(envelope.data.version);
  const manifest = ManifestSchema.safeParse(json);
  if (!manifest.success)
    throw new CorruptFolderError(MANIFEST_PATH, manifest.error.issues[0]?.message ?? 'invalid');
  return { manifest: manifest.data, etag: file.etag };
}

/** The manifest as the folder holds it: indented, for a person to read. */
export function manifestText(manifest: Manifest): string {
  return JSON.stringify(manifest, null, 2) + '\n';
}

/** A shard's records, after its hash (and, when encrypted, its seal) prove it is the file the manifest names. */
export async function readShard(
  remote: RemoteFolder,
  shard: string,
  entry: ShardEntry,
  key: FolderKey | null,
): Promise<SyncRecord[]> {
  const file = await remote.read(entry.file);
  if (!file) throw new FolderMovedOnError(entry.file);
  if ((await sha256Hex(file.text)) !== entry.hash)
    throw new CorruptFolderError(entry.file, 'its content hash differs');
  const parsed = ShardSchema.safeParse(parseJson(entry.file, file.text));
  if (!parsed.success || parsed.data.shard !== shard)
    throw new CorruptFolderError(entry.file, parsed.error?.issues[0]?.message ?? 'another shard');
  if (parsed.data.records) {
    if (key) throw new CorruptFolderError(entry.file, 'plaintext records in an encrypted folder');
    return parsed.data.records;
  }
  if (!parsed.data.sealed || !key) throw new CorruptFolderError(entry.file, 'sealed records without a key');
  const records = RecordListSchema.safeParse(
    parseJson(entry.file, await open(key, parsed.data.sealed, shard)),
  );
  if (!records.success)
    throw new CorruptFolderError(entry.file, records.error.issues[0]?.message ?? 'invalid');
  return records.data;
}

/**
 * Write one shard's new version under a name of its own (its content hash), beside the version the manifest
 * names; the manifest write that follows is what puts it in place, so a crash before it changes nothing.
 */
export async function writeShard(
  remote: RemoteFolder,
  shard: string,
  records: Iterable<SyncRecord>,
  key: FolderKey | null,
): Promise<ShardEntry> {
  const sorted = sortedRecords(records);
  const head = { format: SHARD_FORMAT, version: SYNC_FORMAT_VERSION, shard } as const;
  const text = key
    ? shardText({ ...head, sealed: await seal(key, JSON.stringify(sorted), shard) })
    : shardText({ ...head, records: sorted });
  const hash = await sha256Hex(text);
  const file = shardPath(shard, hash);
  try {
    await remote.write(file, text, { ifNoneMatch: '*' });
  } catch (error) {
    // The name is the content's hash: a file already there holds these very bytes.
    if (!(error instanceof Error && error.name === 'PreconditionFailedError')) throw error;
  }
  const removed = sorted.filter(isRemoved).length;
  return {
    file,
    hash,
    records: sorted.length,
    episodes: sorted.filter((record) => record.kind === 'episode' && !isRemoved(record)).length,
    tombstones: removed,
  };
}

/** Run `task` over items, a few at a time: a first sync reads 64 shards, one at a time is slow over HTTP. */
export async function inBatches<T, R>(
  items: readonly T[],
  task: (item: T) => Promise<R>,
  size = 4,
): Promise<R[]> {
  const results: R[] = [];
  for (let index = 0; index < items.length; index += size)
    results.push(...(await Promise.all(items.slice(index, index + size).map(task))));
  return results;
}

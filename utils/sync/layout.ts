// The files on the server: one manifest and shards of records, as JSON a person can read (docs/sync-format.md).
import '@/utils/zod-setup';
import { z } from 'zod';
import { DeviceIdSchema, StampSchema } from './clock';
import { SyncRecordSchema, canonicalJson, recordKey, type SyncRecord } from './record';

export const SYNC_FORMAT = 'stackcast-sync';
export const SHARD_FORMAT = 'stackcast-sync-shard';
/** The layout this build writes; a folder with a higher version was written by a newer Stackcast. */
export const SYNC_FORMAT_VERSION = 1;
/** Records are spread over this many shards, so one change rewrites about 1/64 of the library. */
export const SHARD_COUNT = 64;
export const MANIFEST_PATH = 'manifest.json';
export const SHARDS_DIRECTORY = 'shards';

/** Two-digit shard name, `00` to `63`. */
export const ShardNameSchema = z.string().regex(/^\d{2}$/);

/** The sealed form of a file's content: AES-GCM with its IV, both base64. */
export const SealedSchema = z.object({ iv: z.base64().max(32), data: z.base64() });
export type Sealed = z.infer<typeof SealedSchema>;

/** What a client needs to derive the key from the passphrase; plaintext by necessity, secret-free. */
export const EncryptionSchema = z.object({
  kdf: z.literal('PBKDF2-SHA-256'),
  /** A server that lowers the iterations could make a guessed passphrase cheaper to test: never fewer. */
  iterations: z.number().int().min(600_000).max(10_000_000),
  salt: z.base64().max(64),
  cipher: z.literal('AES-GCM-256'),
  /** A known text sealed with the key: opening it tells a wrong passphrase before anything is read. */
  check: SealedSchema,
});
export type Encryption = z.infer<typeof EncryptionSchema>;

export const ShardEntrySchema = z.object({
  /** The file's path in the folder; its name carries its content hash, so a file is never rewritten. */
  file: z.string().regex(/^shards\/\d{2}-[0-9a-f]{16}\.json$/),
  /** SHA-256 of the file's bytes, hex: equal hash, nothing to fetch. */
  hash: z.string().regex(/^[0-9a-f]{64}$/),
  records: z.number().int().nonnegative(),
  episodes: z.number().int().nonnegative(),
  tombstones: z.number().int().nonnegative(),
});
export type ShardEntry = z.infer<typeof ShardEntrySchema>;

export const DeviceEntrySchema = z.object({
  /** The latest manifest revision whose records this device has merged: compaction waits for every device. */
  seenRevision: z.number().int().nonnegative(),
  /** Its clock at its last sync (for a person reading the file; the clock orders, not wall time). */
  lastSync: StampSchema,
});

/** Only the envelope is read first, so a newer layout is told apart before its fields are judged. */
export const EnvelopeSchema = z.object({
  format: z.literal(SYNC_FORMAT),
  version: z.number().int().positive(),
});

export const ManifestSchema = z.object({
  format: z.literal(SYNC_FORMAT),
  version: z.literal(SYNC_FORMAT_VERSION),
  /** A random id given when the folder is first written: a device's memory of another folder is not this one's. */
  folder: z.string().regex(/^[0-9a-f]{16}$/),
  /** Bumped by every write of the manifest. */
  revision: z.number().int().nonnegative(),
  /** The latest stamp written anywhere in the folder: every device's clock takes it in. */
  clock: StampSchema,
  /** The latest revision that carried a new deletion: devices that have not seen it yet write the manifest. */
  deletionsIn: z.number().int().nonnegative(),
  devices: z.record(DeviceIdSchema, DeviceEntrySchema),
  shards: z.record(ShardNameSchema, ShardEntrySchema),
  encryption: EncryptionSchema.nullable(),
});
export type Manifest = z.infer<typeof ManifestSchema>;

export const ShardSchema = z.object({
  format: z.literal(SHARD_FORMAT),
  version: z.literal(SYNC_FORMAT_VERSION),
  shard: ShardNameSchema,
  /** The records, by key (plaintext folder); or `sealed`, the same array encrypted (encrypted folder). */
  records: z.array(SyncRecordSchema).max(1_000_000).optional(),
  sealed: SealedSchema.optional(),
});
export type ShardFile = z.infer<typeof ShardSchema>;

export const RecordListSchema = z.array(SyncRecordSchema).max(1_000_000);

/** An empty folder's manifest, before the first write. */
export function emptyManifest(clock: string, encryption: Encryption | null): Manifest {
  const id = crypto.getRandomValues(new Uint8Array(8));
  return {
    format: SYNC_FORMAT,
    version: SYNC_FORMAT_VERSION,
    folder: Array.from(id, (byte) => byte.toString(16).padStart(2, '0')).join(''),
    revision: 0,
    clock,
    deletionsIn: 0,
    devices: {},
    shards: {},
    encryption,
  };
}

/**
 * The shard a record key lives in: FNV-1a over the key's UTF-16 units, then MurmurHash3's finaliser, so every
 * build and device puts a record in the same shard and the same record saved on two devices meets itself
 * there. The finaliser is what spreads the keys: FNV-1a alone leaves its lowest bit the parity of the key's
 * characters (the same for every id that repeats its number, `…/podcast/12-episode-12`) and its top bits
 * barely moved by the last characters (`ep1` … `ep499` filled 43 of 64 shards).
 * @example
 * shardOf('episode:https://example.com/ep/1') // '12'
 */
export function shardOf(key: string): string {
  let hash = 0x811c9dc5;
  for (let index = 0; index < key.length; index++) {
    hash ^= key.charCodeAt(index);
    hash = Math.imul(hash, 0x01000193);
  }
  hash ^= hash >>> 16;
  hash = Math.imul(hash, 0x85ebca6b);
  hash ^= hash >>> 13;
  hash = Math.imul(hash, 0xc2b2ae35);
  hash ^= hash >>> 16;
  return String((hash >>> 0) % SHARD_COUNT).padStart(2, '0');
}

export function shardOfRecord(record: SyncRecord): string {
  return shardOf(recordKey(record));
}

/** SHA-256 of a text's UTF-8 bytes, hex. */
export async function sha256Hex(text: string): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text));
  return Array.from(new Uint8Array(digest), (byte) => byte.toString(16).padStart(2, '0')).join('');
}

/** The path a shard file with this content hash is written to. */
export function shardPath(shard: string, hash: string): string {
  return `${SHARDS_DIRECTORY}/${shard}-${hash.slice(0, 16)}.json`;
}

/** Records in key order, each in canonical form, so equal shards are equal bytes. */
export function sortedRecords(records: Iterable<SyncRecord>): SyncRecord[] {
  return [...records].sort((a, b) => {
    const x = recordKey(a);
    const y = recordKey(b);
    return x < y ? -1 : x > y ? 1 : 0;
  });
}

/** A file's text: 1 record per line in a plaintext shard keeps it readable and diffable by a person. */
export function shardText(file: ShardFile): string {
  const { records, ...head } = file;
  if (!records) return canonicalJson(file) + '\n';
  const lines = records.map((record) => '  ' + canonicalJson(record));
  return `${canonicalJson(head).slice(0, -1)},"records":[\n${lines.join(',\n')}\n]}\n`;
}

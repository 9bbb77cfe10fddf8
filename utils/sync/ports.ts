// What the sync engine needs of the server folder and of the local library: two small interfaces.
import type { SyncRecord } from './record';

/** A file read from the folder, with the ETag the server gave it (null when the server sends none). */
export interface RemoteFile {
  text: string;
  etag: string | null;
}

/**
 * How a write is guarded: `ifMatch` writes only over that version (the manifest read at the start of this
 * sync), `ifNoneMatch: '*'` only where no file exists yet; with neither the write is unconditional.
 */
export type WriteCondition = { ifMatch: string } | { ifNoneMatch: '*' } | Record<string, never>;

/** The server refused a guarded write (HTTP 412): someone else wrote first. */
export class PreconditionFailedError extends Error {
  constructor(readonly path: string) {
    super(`Another device wrote ${path} first`);
    this.name = 'PreconditionFailedError';
  }
}

/**
 * The sync folder on the server, paths relative to it (`manifest.json`, `shards/07-….json`). The WebDAV
 * transport implements it (PROPFIND/GET/PUT/DELETE/MKCOL); tests use an in-memory one.
 * Any other failure (network, 401, 5xx) throws an error of the transport's own, which syncOnce passes on.
 */
export interface RemoteFolder {
  /** The file, or null when it does not exist (404). */
  read(path: string): Promise<RemoteFile | null>;
  /** Write the whole file; throws PreconditionFailedError on 412. Returns the new ETag when the server tells it. */
  write(path: string, text: string, condition: WriteCondition): Promise<{ etag: string | null }>;
  /** Delete a file; a file already gone is no error. */
  remove(path: string): Promise<void>;
  /** Create a directory (and the folder itself) if missing (MKCOL); an existing one is no error. */
  ensureDirectory(path: string): Promise<void>;
}

/** What the last successful sync of this device knew of the folder; kept by the LocalStore. */
export interface SyncMemo {
  /** The folder's id (its manifest's `folder`): a memo of another folder, or of one emptied, counts for nothing. */
  folder: string | null;
  /** The LocalStore's change cursor the last sync sent everything up to (null: never synced). */
  cursor: string | null;
  /** The manifest revision last merged. */
  revision: number;
  /** Per shard, the content hash last merged: a shard whose hash is unchanged is not fetched. */
  shardHashes: Record<string, string>;
}

export const NEVER_SYNCED: SyncMemo = { folder: null, cursor: null, revision: 0, shardHashes: {} };

/**
 * The library's side. The integrator's Dexie implementation keeps a sync table of SyncRecords beside the
 * library: every local save, edit and delete stamps the record there (editRecord/removeRecord of kinds.ts
 * with clock.tick()) in the same transaction, and bumps the change cursor.
 */
export interface LocalStore {
  /** Keys (`kind:id`) of records changed locally after `cursor` (all records when null), and the cursor now. */
  changesSince(cursor: string | null): Promise<{ keys: string[]; cursor: string }>;
  /** The synced state of these keys (missing keys: never stored here). */
  readRecords(keys: readonly string[]): Promise<Map<string, SyncRecord>>;
  /**
   * Take in records merged with the server: merge each with the stored state (mergeRecords, in one
   * transaction, so an edit made while the sync ran is kept), then apply the result to the library (a
   * deleted record leaves the library). These are not local changes: they do not move the change cursor.
   */
  applyRecords(records: readonly SyncRecord[]): Promise<void>;
  /** Forget deletions the server has compacted (every device has seen them). */
  forgetRecords(keys: readonly string[]): Promise<void>;
  readMemo(): Promise<SyncMemo>;
  writeMemo(memo: SyncMemo): Promise<void>;
}

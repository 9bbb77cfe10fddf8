// A sync folder held in memory, with the server behaviours sync must survive: stale ETags, failures, slowness.
import { PreconditionFailedError, type RemoteFile, type RemoteFolder, type WriteCondition } from './ports';

export interface MemoryFolderFaults {
  /** Writes that succeed before every later write throws (a connection lost mid-upload). */
  failAfterWrites?: number;
  /** Paths whose next guarded write gets a 412 as if another device had just written them. */
  staleOnce?: Set<string>;
  /** Awaited before every operation (a slow server); tests pass a promise they resolve, not a timer. */
  delay?: () => Promise<void>;
}

export class ServerUnavailableError extends Error {
  constructor(path: string) {
    super(`The sync server stopped answering while writing ${path}`);
    this.name = 'ServerUnavailableError';
  }
}

/** An in-memory RemoteFolder: files by path with an ETag each, and the directories made. */
export class MemoryFolder implements RemoteFolder {
  readonly files = new Map<string, RemoteFile>();
  readonly directories = new Set<string>();
  writes = 0;
  reads = 0;
  private version = 0;

  constructor(public faults: MemoryFolderFaults = {}) {}

  async read(path: string): Promise<RemoteFile | null> {
    await this.faults.delay?.();
    this.reads++;
    const file = this.files.get(path);
    return file ? { ...file } : null;
  }

  async write(path: string, text: string, condition: WriteCondition): Promise<{ etag: string | null }> {
    await this.faults.delay?.();
    const { failAfterWrites } = this.faults;
    if (failAfterWrites !== undefined && this.writes >= failAfterWrites)
      throw new ServerUnavailableError(path);
    const current = this.files.get(path);
    if (this.faults.staleOnce?.delete(path) && Object.keys(condition).length > 0)
      throw new PreconditionFailedError(path);
    if ('ifMatch' in condition && current?.etag !== condition.ifMatch)
      throw new PreconditionFailedError(path);
    if ('ifNoneMatch' in condition && current) throw new PreconditionFailedError(path);
    this.writes++;
    const etag = `"${++this.version}"`;
    this.files.set(path, { text, etag });
    return { etag };
  }

  async remove(path: string): Promise<void> {
    await this.faults.delay?.();
    this.files.delete(path);
  }

  async ensureDirectory(path: string): Promise<void> {
    await this.faults.delay?.();
    this.directories.add(path);
  }
}

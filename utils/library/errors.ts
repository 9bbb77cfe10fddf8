// Library failures as typed errors whose messages tell the listener what happened and what to do.

/** A write or read of the library failed; nothing was half-written (every write is one transaction). */
export class LibraryStorageError extends Error {
  override readonly name = 'LibraryStorageError';
  constructor(
    message: string,
    /** The IndexedDB/Dexie error name, e.g. 'QuotaExceededError'. */
    readonly reason: string,
  ) {
    super(message);
  }
}

/** Errors looked at in one failure's tree: enough for Dexie's nesting, bounded for a cyclic or hostile one. */
const MAX_ERRORS_WALKED = 64;

/** The errors a failure holds: Dexie's `inner`, a BulkError's `failures`/`failuresByPos`, a standard `cause`. */
function heldErrors(error: object): unknown[] {
  const { inner, cause, failures, failuresByPos } = error as {
    inner?: unknown;
    cause?: unknown;
    failures?: unknown;
    failuresByPos?: unknown;
  };
  const held: unknown[] = [inner, cause];
  if (Array.isArray(failures)) held.push(...failures.slice(0, MAX_ERRORS_WALKED));
  if (failuresByPos && typeof failuresByPos === 'object')
    held.push(...Object.values(failuresByPos).slice(0, MAX_ERRORS_WALKED));
  return held;
}

/**
 * The names of a failure and of every error it holds, the failure's own first. Dexie wraps the
 * DOMException (`inner`), and a bulk write reports each failed operation in a BulkError's `failures`, which
 * an aborted transaction wraps again: the quota error can sit at any depth of that tree.
 */
function errorNames(error: unknown): string[] {
  const names: string[] = [];
  const seen = new Set<object>();
  const queue: unknown[] = [error];
  while (queue.length > 0 && seen.size < MAX_ERRORS_WALKED) {
    const current = queue.shift();
    if (!current || typeof current !== 'object' || seen.has(current)) continue;
    seen.add(current);
    const { name } = current as { name?: unknown };
    if (typeof name === 'string') names.push(name);
    queue.push(...heldErrors(current));
  }
  return names;
}

/**
 * Turn an IndexedDB/Dexie failure into a message a listener can act on.
 * @example
 * try { await save() } catch (e) { throw describeStorageError(e, 'save the episode') }
 */
export function describeStorageError(error: unknown, action: string): Error {
  if (error instanceof LibraryStorageError) return error;
  const names = errorNames(error);
  const detail = error instanceof Error ? error.message : String(error);
  if (names.some((n) => n === 'QuotaExceededError')) {
    return new LibraryStorageError(
      `Could not ${action}: the browser's storage for Stackcast is full. Free disk space or export and remove old episodes, then try again. Nothing was changed.`,
      'QuotaExceededError',
    );
  }
  if (names.some((n) => n === 'VersionError' || n === 'UpgradeError')) {
    return new LibraryStorageError(
      `Could not ${action}: the library was written by a newer Stackcast. Update Stackcast (the extension), then reload this page; nothing was changed.`,
      names[0] ?? 'VersionError',
    );
  }
  if (
    names.some((n) => n === 'DatabaseClosedError' || n === 'InvalidStateError' || n === 'OpenFailedError')
  ) {
    return new LibraryStorageError(
      `Could not ${action}: the library database is not available (${detail}). Reload the page or restart the browser; nothing was changed.`,
      names[0] ?? 'OpenFailedError',
    );
  }
  return new LibraryStorageError(`Could not ${action}: ${detail}. Nothing was changed.`, names[0] ?? 'Error');
}

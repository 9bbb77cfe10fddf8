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

function errorNames(error: unknown): string[] {
  const names: string[] = [];
  let current: unknown = error;
  // Dexie wraps the DOMException: walk `inner` to find the root cause.
  for (let depth = 0; current && typeof current === 'object' && depth < 5; depth++) {
    const { name } = current as { name?: unknown };
    if (typeof name === 'string') names.push(name);
    current = (current as { inner?: unknown }).inner;
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
      `Could not ${action}: the library was written by a newer Stackcast. Update the extension, then try again.`,
      names[0] ?? 'VersionError',
    );
  }
  if (names.some((n) => n === 'DatabaseClosedError' || n === 'InvalidStateError' || n === 'OpenFailedError')) {
    return new LibraryStorageError(
      `Could not ${action}: the library database is not available (${detail}). Reload the page or restart the browser; nothing was changed.`,
      names[0] ?? 'OpenFailedError',
    );
  }
  return new LibraryStorageError(`Could not ${action}: ${detail}. Nothing was changed.`, names[0] ?? 'Error');
}

// The library's change signal: a small storage key every context (content scripts included) can watch.
import { browser } from 'wxt/browser';

/** storage.local key bumped after every committed library write. */
export const LIBRARY_REVISION_KEY = 'stackcast:library-revision';

export interface LibraryRevision {
  /** Milliseconds since the epoch plus a counter, so two writes in one millisecond still differ. */
  revision: string;
  /** The ids that changed, or null when too many to list (an import): everyone re-reads. */
  ids: string[] | null;
}

let counter = 0;

/**
 * Tell every tab and page that these episodes changed (saved, removed, edited).
 * @example
 * await announceLibraryChange(['https://example.com/ep/1']);
 */
export async function announceLibraryChange(ids: string[] | null): Promise<void> {
  const value: LibraryRevision = {
    revision: `${Date.now()}-${++counter}`,
    ids: ids && ids.length <= 200 ? ids : null,
  };
  await browser.storage.local.set({ [LIBRARY_REVISION_KEY]: value });
}

/**
 * Call `listener` whenever the library changes; returns the unsubscribe function.
 * @example
 * const stop = onLibraryChange((ids) => { if (!ids || ids.includes(id)) refresh(); });
 */
export function onLibraryChange(listener: (ids: string[] | null) => void): () => void {
  const handle = (changes: Record<string, { newValue?: unknown }>, area: string) => {
    if (area !== 'local') return;
    const change = changes[LIBRARY_REVISION_KEY];
    if (!change) return;
    const value = change.newValue as LibraryRevision | undefined;
    listener(Array.isArray(value?.ids) ? value.ids : null);
  };
  browser.storage.onChanged.addListener(handle);
  return () => browser.storage.onChanged.removeListener(handle);
}

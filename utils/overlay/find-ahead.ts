// Find the page's episodes while the settings are still being read: the storage round trip to the browser
// and the DOM walk overlap instead of following one another.
import type { PageEpisodes } from '../sites/scan';

export interface FoundAhead {
  /** The episodes found, once, for this address; null when the page changed since (or was asked already). */
  take(href: string): { page: PageEpisodes | null; milliseconds: number } | null;
  /** Stop watching the page (also done by the first `take`). */
  stop(): void;
}

/**
 * Run `find` now and keep its result for the first scan, unless the page changes before that scan asks:
 * any DOM mutation or another address discards it, and the scan finds again.
 * @example
 * const ahead = findAhead(() => findPageEpisodes(document, location.href), document.documentElement, location.href);
 * const options = await settings; const found = ahead.take(location.href)?.page ?? findPageEpisodes(document, location.href);
 */
export function findAhead(find: () => PageEpisodes | null, root: Node, href: string): FoundAhead {
  let changed = false;
  const watcher = new MutationObserver(() => {
    changed = true;
  });
  watcher.observe(root, { childList: true, subtree: true, characterData: true, attributes: true });
  const started = performance.now();
  let page: PageEpisodes | null = null;
  try {
    page = find();
  } catch (error) {
    // The scan will try again (and report) in its own time.
    console.debug('[stackcast] early find failed:', error);
    changed = true;
  }
  const milliseconds = performance.now() - started;
  let taken = false;
  const stop = () => {
    if (watcher.takeRecords().length > 0) changed = true;
    watcher.disconnect();
  };
  return {
    take(asked) {
      if (taken) return null;
      taken = true;
      stop();
      return changed || asked !== href ? null : { page, milliseconds };
    },
    stop,
  };
}

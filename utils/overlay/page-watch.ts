// The page's DOM changes, watched with one MutationObserver; our own writes (panel hosts, timestamp spans)
// are not page changes, so the watch pauses while we write.

export interface PageWatch {
  /** Start watching (again). */
  start(): void;
  /** Run `work` unwatched: what it writes is not reported as a page change. */
  unobserved(work: () => void): void;
  /** Call `listener` on every batch of page changes. */
  onChange(listener: () => void): void;
  stop(): void;
}

/**
 * Watch `root`'s subtree for added or removed nodes while `alive()` holds.
 * @example
 * const watch = createPageWatch(document.documentElement, () => ctx.isValid); watch.onChange(rescan); watch.start();
 */
export function createPageWatch(root: Node, alive: () => boolean): PageWatch {
  const listeners: Array<() => void> = [];
  const observer = new MutationObserver(() => {
    for (const listener of listeners) listener();
  });
  const start = () => observer.observe(root, { childList: true, subtree: true });
  return {
    start,
    unobserved(work) {
      observer.disconnect();
      try {
        work();
      } finally {
        observer.takeRecords();
        if (alive()) start();
      }
    },
    onChange: (listener) => void listeners.push(listener),
    stop: () => observer.disconnect(),
  };
}

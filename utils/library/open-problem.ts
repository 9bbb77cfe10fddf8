// What keeps the library from opening, in words the listener can act on: an upgrade waiting for another
// tab, or a library written by a newer Stackcast.
import { LibraryDatabase } from './db';
import { describeStorageError } from './errors';

/** Said while an upgrade waits for a tab that keeps the older library open. */
export const BLOCKED_MESSAGE =
  'The library is waiting for another Stackcast tab or window that still has the older version open. Close the other Stackcast tabs (library pages, popups of other windows), or restart the browser; it opens by itself once they are closed.';

/**
 * Why the library cannot open now, or null when it opens: its own connection is opened and closed again
 * (an extension page that does not keep the library open, such as the popup, asks this once). A wait
 * for another tab is reported as soon as the browser says so, without waiting for it to end.
 * @example
 * const problem = await libraryOpenProblem(); if (problem) show(problem);
 */
export function libraryOpenProblem(db: LibraryDatabase = new LibraryDatabase()): Promise<string | null> {
  return new Promise((resolve) => {
    const stop = db.onBlockedChange((blocked) => {
      if (!blocked) return;
      stop();
      // The pending open is dropped with the connection: this page never upgrades the library itself.
      db.close();
      resolve(BLOCKED_MESSAGE);
    });
    db.open().then(
      () => {
        stop();
        db.close();
        resolve(null);
      },
      (error: unknown) => {
        stop();
        db.close();
        resolve(db.blocked ? BLOCKED_MESSAGE : describeStorageError(error, 'open the library').message);
      },
    );
  });
}

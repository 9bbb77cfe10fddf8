// Fresh libraries for tests on fake IndexedDB: each in a database of its own, closed and deleted after each test.
import { afterEach } from 'vitest';
import Dexie from 'dexie';
import { LibraryDatabase } from '@/utils/library/db';

const opened: LibraryDatabase[] = [];
let counter = 0;

afterEach(async () => {
  for (const db of opened.splice(0)) {
    db.close();
    await Dexie.delete(db.name);
  }
});

/**
 * A new database, deleted after the running test; two calls with one name open two connections to it.
 * @example
 * const library = new LibraryService(freshDatabase());
 */
export function freshDatabase(name = freshDatabaseName()): LibraryDatabase {
  const db = new LibraryDatabase(name);
  opened.push(db);
  return db;
}

/** A database name no other test uses. */
export function freshDatabaseName(): string {
  return `library-test-${++counter}`;
}

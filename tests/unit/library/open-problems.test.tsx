// @vitest-environment happy-dom
// Opening the library when it cannot open: an upgrade blocked by another tab that keeps the older version
// open and ignores the request to close, and a library written by a newer Stackcast (issue 11, item 7).
import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, render, screen, waitFor } from '@testing-library/preact';
import Dexie from 'dexie';
import { LibraryApp } from '@/components/library/LibraryApp';
import { LibraryOpenNotice } from '@/entrypoints/library/OpenNotice';
import { LIBRARY_SCHEMA_VERSION } from '@/utils/library/db';
import { LibraryStorageError } from '@/utils/library/errors';
import { BLOCKED_MESSAGE, libraryOpenProblem } from '@/utils/library/open-problem';
import { LibraryService } from '@/utils/library/service';
import { freshDatabase, freshDatabaseName } from './fresh-db';

const others: Dexie[] = [];
afterEach(() => {
  cleanup();
  // Before fresh-db deletes the databases (its hook runs after this one): a held connection would block it.
  for (const other of others.splice(0)) other.close();
});

/** Another tab's connection: an older Stackcast at schema version 4 that ignores `versionchange`. */
async function olderTabHolding(name: string): Promise<Dexie> {
  const older = new Dexie(name);
  older.version(4).stores({ shelves: 'key', summaries: 'id, savedAt' });
  older.on('versionchange', () => false);
  await older.open();
  others.push(older);
  return older;
}

/** A library a newer Stackcast wrote: one schema version past this build's. */
async function newerLibrary(name: string): Promise<void> {
  const newer = new Dexie(name);
  newer
    .version(LIBRARY_SCHEMA_VERSION + 1)
    .stores({ shelves: 'key', summaryShelves: 'key', newest: 'key', playlists: 'id' });
  await newer.open();
  newer.close();
}

describe('a blocked upgrade', () => {
  it('is told on the library page while it waits, and the page opens once the other tab closes', async () => {
    const name = freshDatabaseName();
    const older = await olderTabHolding(name);
    const db = freshDatabase(name);
    const service = new LibraryService(db);
    render(
      <>
        <LibraryOpenNotice db={db} />
        <LibraryApp service={service} />
      </>,
    );
    const notice = await screen.findByRole('alert');
    expect(notice.textContent).toBe(BLOCKED_MESSAGE);
    expect(notice.textContent).toMatch(/Close the other Stackcast tabs/);
    older.close();
    await waitFor(() => expect(document.querySelector('[data-stackcast-open-problem]')).toBeNull());
    await waitFor(() => expect(document.querySelector('[data-stackcast-state="empty"]')).not.toBeNull());
  });

  it('is what the popup’s check answers, at once, without waiting for the other tab', async () => {
    const name = freshDatabaseName();
    await olderTabHolding(name);
    expect(await libraryOpenProblem(freshDatabase(name))).toBe(BLOCKED_MESSAGE);
  });

  it('the popup’s check answers null for a library that opens', async () => {
    expect(await libraryOpenProblem(freshDatabase())).toBeNull();
  });
});

describe('a library written by a newer Stackcast', () => {
  it('is not opened: reads fail with a message saying to update Stackcast', async () => {
    const name = freshDatabaseName();
    await newerLibrary(name);
    const service = new LibraryService(freshDatabase(name));
    const error = await service.summaries().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(LibraryStorageError);
    expect((error as Error).message).toMatch(/written by a newer Stackcast\. Update Stackcast/);
    // Nothing is written to it either.
    await expect(
      service.save({
        id: 'https://example.com/1',
        title: null,
        podcast: null,
        date: null,
        durationSeconds: null,
        url: null,
        audioUrl: null,
        chapters: [],
        chapterConfidence: 0,
        tech: [],
      }),
    ).rejects.toThrow(/newer Stackcast/);
  });

  it('is said on the library page and by the popup’s check', async () => {
    const name = freshDatabaseName();
    await newerLibrary(name);
    const db = freshDatabase(name);
    render(
      <>
        <LibraryOpenNotice db={db} />
        <LibraryApp service={new LibraryService(db)} />
      </>,
    );
    const notice = await screen.findByRole('alert');
    expect(notice.getAttribute('data-stackcast-open-problem')).toBe('failed');
    expect(notice.textContent).toMatch(/newer Stackcast\. Update Stackcast/);
    expect(await libraryOpenProblem(freshDatabase(name))).toMatch(/newer Stackcast\. Update Stackcast/);
  });
});

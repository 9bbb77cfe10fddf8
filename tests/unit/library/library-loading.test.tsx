// @vitest-environment happy-dom
// Opening a library larger than one screen: the newest-saved first screen from the newest row, then
// every summary (counts, facets, filters); bookmarked filtered views wait for the whole library; edits
// from another context reach the list and the details panel (live queries).
import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { LibraryApp } from '@/components/library/LibraryApp';
import { FIRST_SCREEN } from '@/components/library/useLibrary';
import type { LibraryDatabase } from '@/utils/library/db';
import { LibraryService } from '@/utils/library/service';
import { makeSaved } from './generate';
import { freshDatabase } from './fresh-db';

let db: LibraryDatabase;
let service: LibraryService;
beforeEach(() => {
  db = freshDatabase();
  service = new LibraryService(db);
  history.replaceState(null, '', '/library.html');
});
// Runs before fresh-db's own afterEach (hooks unwind in reverse), which closes and deletes the database.
afterEach(cleanup);

const SIZE = FIRST_SCREEN + 25;
const episodes = Array.from({ length: SIZE }, (_, i) => makeSaved(i + 1));
const newestFirst = [...episodes].sort((a, b) => (a.savedAt < b.savedAt ? 1 : -1));
const count = () => document.querySelector('.toolbar .count')?.textContent ?? '';
const results = () =>
  Number(document.querySelector('[data-stackcast-results]')?.getAttribute('data-stackcast-results') ?? -1);

describe('opening a large library', () => {
  it('shows the newest-saved episodes at once, then the count and the whole library with facets', async () => {
    await service.merge(episodes);
    render(<LibraryApp service={service} />);
    await waitFor(() => expect(results()).toBeGreaterThan(0));
    // Whichever state came first, the first row is the newest saved and the count is either still being
    // taken (the first screen does not wait for it) or the library's size.
    expect(count()).toMatch(new RegExp(`^(Counting episodes…|${SIZE} episodes)`));
    expect(document.querySelector('[data-index="0"]')?.getAttribute('data-stackcast-episode')).toBe(
      newestFirst[0]!.id,
    );
    await waitFor(() => expect(count()).toMatch(new RegExp(`^${SIZE} episodes`)));
    await waitFor(() => expect(results()).toBe(SIZE));
    const slug = episodes[0]!.tech[0]!.slug;
    const facet = document.querySelector<HTMLInputElement>(`[data-stackcast-facet="${slug}"]`)!;
    expect(facet.closest('label')?.querySelector('.count')?.textContent).toBe(
      String(episodes.filter((e) => e.tech.some((t) => t.slug === slug)).length),
    );
    expect((screen.getByText('Select all') as HTMLButtonElement).disabled).toBe(false);
  });

  it('a bookmarked filtered view waits for every summary, then shows all its matches', async () => {
    await service.merge(episodes);
    const slug = episodes[SIZE - 1]!.tech[0]!.slug;
    history.replaceState(null, '', `/library.html#tech=${slug}`);
    render(<LibraryApp service={service} />);
    const expected = episodes.filter((e) => e.tech.some((t) => t.slug === slug)).length;
    await waitFor(() => expect(results()).toBe(expected));
    expect(count()).toMatch(new RegExp(`^${expected} of ${SIZE} episodes`));
  });

  it('follows writes from another context in the list and in the open details panel', async () => {
    await service.merge(episodes);
    render(<LibraryApp service={service} />);
    await waitFor(() => expect(results()).toBe(SIZE));
    const newest = newestFirst[0]!;
    fireEvent.click(await screen.findByText(newest.title!));
    await waitFor(() =>
      expect(document.querySelector(`[data-stackcast-details="${CSS.escape(newest.id)}"]`)).not.toBeNull(),
    );
    // Another tab (its own service on the same database) edits and removes.
    const otherTab = new LibraryService(freshDatabase(db.name));
    await otherTab.update([newest.id], { notes: 'Edited elsewhere', status: 'listened' });
    await waitFor(() =>
      expect((document.querySelector('[data-stackcast-notes]') as HTMLTextAreaElement | null)?.value).toBe(
        'Edited elsewhere',
      ),
    );
    const row = () =>
      document.querySelector(
        `[data-stackcast-episode="${CSS.escape(newest.id)}"] [data-stackcast-status]`,
      ) as HTMLSelectElement | null;
    await waitFor(() => expect(row()?.value).toBe('listened'));
    await otherTab.remove([newest.id]);
    await waitFor(() => expect(results()).toBe(SIZE - 1));
    await waitFor(() => expect(document.querySelector('[data-stackcast-details]')).toBeNull());
    otherTab.db.close();
  });
});

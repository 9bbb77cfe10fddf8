// @vitest-environment happy-dom
// The library page against a real (fake-indexeddb) library: rows, URL filters, facets, status edits,
// remove with undo, bulk select, empty state, and a bad import that changes nothing.
import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { LibraryApp } from '@/components/library/LibraryApp';
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

const rows = () =>
  [...document.querySelectorAll('[data-stackcast-episode]')].map((row) =>
    row.getAttribute('data-stackcast-episode'),
  );

describe('LibraryApp', () => {
  it('says what to do when the library is empty', async () => {
    render(<LibraryApp service={service} />);
    expect(
      (await screen.findByText('Your library is empty')).closest('[data-stackcast-state]')?.textContent,
    ).toMatch(/Save episode to Stackcast/);
  });

  it('lists episodes, filters by a technology facet into the URL, and narrows with a second (all of)', async () => {
    const episodes = [1, 2, 3, 4, 5, 6].map((n) => makeSaved(n));
    await service.merge(episodes);
    render(<LibraryApp service={service} />);
    await waitFor(() => expect(rows()).toHaveLength(6));
    const slug = episodes[0]!.tech[0]!.slug;
    const facet = document.querySelector<HTMLInputElement>(`[data-stackcast-facet="${slug}"]`)!;
    const expectedCount = episodes.filter((e) => e.tech.some((t) => t.slug === slug)).length;
    expect(facet.closest('label')?.querySelector('.count')?.textContent).toBe(String(expectedCount));
    fireEvent.click(facet);
    await waitFor(() => expect(rows()).toHaveLength(expectedCount));
    expect(location.hash).toBe(`#tech=${slug}`);
    expect(rows()).toContain(episodes[0]!.id);

    const second = episodes[0]!.tech[1]!.slug;
    fireEvent.click(document.querySelector(`[data-stackcast-facet="${second}"]`)!);
    const both = episodes.filter((e) => [slug, second].every((s) => e.tech.some((t) => t.slug === s)));
    await waitFor(() => expect(rows().sort()).toEqual(both.map((e) => e.id).sort()));
  });

  it('opens a bookmarked view from the hash and searches chapter titles', async () => {
    const a = { ...makeSaved(1), chapters: [{ start: 0, title: 'Zero downtime Kubernetes upgrades' }] };
    await service.merge([a, makeSaved(2)]);
    history.replaceState(null, '', '/library.html#q=kubernetes%20upg');
    render(<LibraryApp service={service} />);
    await waitFor(() => expect(rows()).toEqual([a.id]));
    expect((screen.getByRole('searchbox') as HTMLInputElement).value).toBe('kubernetes upg');
  });

  it('changes status from the row, removes with undo, and bulk-selects', async () => {
    const episodes = [1, 2, 3].map((n) => ({ ...makeSaved(n), status: 'to-listen' as const }));
    await service.merge(episodes);
    render(<LibraryApp service={service} />);
    await waitFor(() => expect(rows()).toHaveLength(3));
    const row = document.querySelector(`[data-stackcast-episode="${episodes[1]!.id}"]`) as HTMLElement;
    fireEvent.change(within(row).getByLabelText('Status'), { target: { value: 'listened' } });
    await waitFor(async () => expect((await service.get(episodes[1]!.id))?.status).toBe('listened'));

    fireEvent.click(screen.getByText('Select all'));
    expect(screen.getByText(/3 selected/)).toBeTruthy();
    fireEvent.click(screen.getByText('Remove selected'));
    await waitFor(() => expect(rows()).toHaveLength(0));
    fireEvent.click(await screen.findByText('Undo'));
    await waitFor(() => expect(rows()).toHaveLength(3));
    expect((await service.get(episodes[1]!.id))?.status).toBe('listened');
  });

  it('edits notes and tags in the details panel and links chapters to the episode at that time', async () => {
    const episode = makeSaved(4);
    await service.merge([episode]);
    render(<LibraryApp service={service} />);
    fireEvent.click(await screen.findByText(episode.title!));
    // The full record (chapters) is read when the panel opens.
    const details = await waitFor(() => {
      const panel = document.querySelector('[data-stackcast-details]');
      expect(panel).not.toBeNull();
      return panel as HTMLElement;
    });
    const first = details.querySelector('[data-stackcast-open-at]') as HTMLAnchorElement;
    expect(first.href).toBe(`${episode.url}#0:00`);
    const notes = details.querySelector('[data-stackcast-notes]') as HTMLTextAreaElement;
    fireEvent.input(notes, { target: { value: 'Revisit the Redis part' } });
    fireEvent.blur(notes);
    const tags = details.querySelector('[data-stackcast-tags]') as HTMLInputElement;
    fireEvent.input(tags, { target: { value: 'Infra, later, infra' } });
    fireEvent.blur(tags);
    await waitFor(async () =>
      expect(await service.get(episode.id)).toMatchObject({
        notes: 'Revisit the Redis part',
        tags: ['infra', 'later'],
      }),
    );
  });

  it('moves between rows with the keyboard', async () => {
    await service.merge([1, 2, 3].map((n) => makeSaved(n)));
    render(<LibraryApp service={service} />);
    await waitFor(() => expect(rows()).toHaveLength(3));
    const grid = screen.getByRole('grid');
    const focusable = () => grid.querySelector('[tabindex="0"]')?.getAttribute('data-index');
    expect(focusable()).toBe('0');
    fireEvent.keyDown(grid, { key: 'ArrowDown' });
    await waitFor(() => expect(focusable()).toBe('1'));
    fireEvent.keyDown(grid, { key: 'End' });
    await waitFor(() => expect(focusable()).toBe('2'));
    fireEvent.keyDown(grid, { key: ' ' });
    expect(grid.querySelector('[data-index="2"]')?.getAttribute('aria-selected')).toBe('true');
  });

  it('a bad import shows what is wrong and changes nothing', async () => {
    await service.merge([makeSaved(1)]);
    const before = await service.all();
    render(<LibraryApp service={service} />);
    await waitFor(() => expect(rows()).toHaveLength(1));
    const input = document.querySelector('[data-stackcast-import-file]') as HTMLInputElement;
    const bad = new File(
      [
        JSON.stringify({
          format: 'stackcast-library',
          version: 1,
          exportedAt: '2026-01-01T00:00:00.000Z',
          episodes: [{ ...makeSaved(2), url: 'javascript:alert(1)' }],
        }),
      ],
      'bad.json',
      { type: 'application/json' },
    );
    Object.defineProperty(input, 'files', { value: [bad], configurable: true });
    fireEvent.change(input);
    expect((await screen.findByRole('alert')).textContent).toMatch(
      /episodes\[0\]\.url: must be an http\(s\) URL/,
    );
    expect(await service.all()).toEqual(before);
  });
});

// @vitest-environment happy-dom
// The library's Chapters view against a real (fake-indexeddb) library: chapters filtered by a technology,
// starred on their own into "Saved chapters", played one at a time or all in order, and the tabs in the URL.
import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { LibraryApp } from '@/components/library/LibraryApp';
import type { LibraryDatabase } from '@/utils/library/db';
import { LibraryService } from '@/utils/library/service';
import { SavedChapters } from '@/utils/library/saved-chapters';
import { makeSaved } from './generate';
import { freshDatabase } from './fresh-db';

let db: LibraryDatabase;
let service: LibraryService;
let store: SavedChapters;
beforeEach(() => {
  db = freshDatabase();
  service = new LibraryService(db);
  store = new SavedChapters(db);
  history.replaceState(null, '', '/library.html');
  // happy-dom has no media playback: play() resolves and nothing more.
  vi.spyOn(HTMLMediaElement.prototype, 'play').mockResolvedValue(undefined);
});
afterEach(() => {
  cleanup();
  vi.restoreAllMocks();
});

const kubernetes = {
  ...makeSaved(1),
  title: 'Scaling a marketplace',
  podcast: 'Running in Production',
  // A page on no known site: "open at" falls back to the audio with a media fragment.
  url: 'https://example.test/e/1',
  durationSeconds: 3600,
  audioUrl: 'https://cdn.example.test/1.mp3',
  chapters: [
    { start: 0, title: 'Intro', tech: [] },
    { start: 754, title: 'Kubernetes upgrades', tech: ['kubernetes'] },
    { start: 1480, title: 'Postgres on Kubernetes', tech: ['postgres', 'kubernetes'] },
  ],
};
const rails = {
  ...makeSaved(2),
  title: 'A Rails monolith',
  podcast: 'Other Show',
  durationSeconds: 2400,
  audioUrl: 'https://cdn.example.test/2.mp3',
  chapters: [
    { start: 60, title: 'Why Rails', tech: ['rails'] },
    { start: 300, title: 'Postgres tuning', tech: ['postgres'] },
  ],
};

const shownTitles = () =>
  [...document.querySelectorAll('[data-stackcast-chapter-row] .title')].map((node) => node.textContent);

describe('Chapters view', () => {
  it('switches from Episodes into the URL and lists every chapter with its episode, start and length', async () => {
    await service.merge([kubernetes, rails]);
    render(<LibraryApp service={service} savedChapters={store} />);
    fireEvent.click(await screen.findByRole('button', { name: 'Chapters' }));
    expect(location.hash).toBe('#show=chapters');
    await waitFor(() => expect(shownTitles()).toHaveLength(5));
    const row = document.querySelector(`[data-stackcast-chapter-row="754@${kubernetes.id}"]`)!;
    expect(row.querySelector('.meta')?.textContent).toBe(
      'Scaling a marketplace · Running in Production · at 12:34 · 12 min',
    );
    expect(row.getAttribute('data-tech')).toBe('kubernetes');
    expect(row.querySelector('a[data-stackcast-open-at]')?.getAttribute('href')).toBe(
      'https://cdn.example.test/1.mp3#t=754',
    );
  });

  it('filters chapters by a technology from the facets, per chapter rather than per episode', async () => {
    await service.merge([kubernetes, rails]);
    history.replaceState(null, '', '/library.html#show=chapters');
    render(<LibraryApp service={service} savedChapters={store} />);
    await waitFor(() => expect(shownTitles()).toHaveLength(5));
    fireEvent.click(document.querySelector('[data-stackcast-facet="postgres"]')!);
    await waitFor(() => expect(shownTitles()).toEqual(['Postgres tuning', 'Postgres on Kubernetes']));
    expect(location.hash).toBe('#tech=postgres&show=chapters');
    expect(screen.getByText('2 chapters')).toBeTruthy();
  });

  it('stars a chapter on its own, shows it under Saved chapters, and unstars it', async () => {
    await service.merge([kubernetes, rails]);
    history.replaceState(null, '', '/library.html#show=chapters');
    render(<LibraryApp service={service} savedChapters={store} />);
    await waitFor(() => expect(shownTitles()).toHaveLength(5));
    const star = screen.getByRole('button', { name: 'Save chapter Why Rails' });
    expect(star.getAttribute('aria-pressed')).toBe('false');
    fireEvent.click(star);
    await waitFor(async () => expect(await store.listSavedChapters()).toHaveLength(1));
    const [saved] = await store.listSavedChapters();
    expect(saved).toMatchObject({ episodeId: rails.id, start: 60, end: 300, title: 'Why Rails' });
    await waitFor(() =>
      expect(
        screen.getByRole('button', { name: 'Save chapter Why Rails' }).getAttribute('aria-pressed'),
      ).toBe('true'),
    );

    fireEvent.click(screen.getByRole('button', { name: /Saved chapters/ }));
    await waitFor(() => expect(shownTitles()).toEqual(['Why Rails']));
    expect(location.hash).toContain('saved=1');

    fireEvent.click(screen.getByRole('button', { name: 'Save chapter Why Rails' }));
    await waitFor(() => expect(shownTitles()).toEqual([]));
    expect(await store.listSavedChapters()).toEqual([]);
    expect(screen.getByText('No saved chapters match this view.')).toBeTruthy();
  });

  it('plays one chapter from its start, and all of them in order with back and skip', async () => {
    await service.merge([kubernetes, rails]);
    history.replaceState(null, '', '/library.html#show=chapters&tech=postgres');
    render(<LibraryApp service={service} savedChapters={store} />);
    await waitFor(() => expect(shownTitles()).toHaveLength(2));

    fireEvent.click(screen.getByRole('button', { name: 'Play Postgres on Kubernetes' }));
    const player = await screen.findByRole('group', { name: 'Chapter player' });
    const audio = player.querySelector('audio')!;
    expect(audio.getAttribute('src')).toBe('https://cdn.example.test/1.mp3');
    expect(audio.currentTime).toBe(1480);
    expect(player.textContent).toContain('Postgres on Kubernetes — Scaling a marketplace');

    fireEvent.click(screen.getByRole('button', { name: /Play all \(2\)/ }));
    await waitFor(() =>
      expect(player.querySelector('[data-stackcast-now-playing]')?.textContent).toBe(
        '1 of 2: Postgres tuning — A Rails monolith',
      ),
    );
    expect(player.querySelector('audio')!.getAttribute('src')).toBe('https://cdn.example.test/2.mp3');
    fireEvent.click(screen.getByRole('button', { name: 'Next chapter' }));
    await waitFor(() =>
      expect(player.querySelector('[data-stackcast-now-playing]')?.textContent).toBe(
        '2 of 2: Postgres on Kubernetes — Scaling a marketplace',
      ),
    );
    expect(
      document.querySelector(`[data-stackcast-chapter-row="1480@${kubernetes.id}"]`)?.classList,
    ).toContain('playing');
    fireEvent.click(screen.getByRole('button', { name: 'Previous chapter' }));
    await waitFor(() => expect(player.textContent).toContain('1 of 2: Postgres tuning'));
  });

  it('draws the technology map of the saved episodes; a bar filters, and its chapters are one click away', async () => {
    await service.merge([kubernetes, rails]);
    history.replaceState(null, '', '/library.html#show=map');
    render(<LibraryApp service={service} savedChapters={store} />);
    const bar = await screen.findByRole('button', { name: 'PostgreSQL: 2 episodes, 2 chapters' });
    fireEvent.click(bar);
    await waitFor(() => expect(location.hash).toBe('#tech=postgres&show=map'));
    expect(
      screen.getByRole('button', { name: 'PostgreSQL: 2 episodes, 2 chapters' }).getAttribute('aria-pressed'),
    ).toBe('true');
    expect(screen.getByRole('list', { name: 'Appears with PostgreSQL' })).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Show 2 chapters about PostgreSQL' }));
    await waitFor(() => expect(shownTitles()).toEqual(['Postgres tuning', 'Postgres on Kubernetes']));
  });
});

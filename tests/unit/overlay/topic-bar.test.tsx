// @vitest-environment happy-dom
// The listing's topic bar on its own: counts, choosing a technology, Save all and its Undo through the real
// message handlers and Dexie, and the queue's first item (an episode without audio skipped, saying so).
import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { cleanup, render, screen, waitFor } from '@testing-library/preact';
import { TopicBar, type TopicEpisode } from '@/components/TopicBar';
import { contextLibrary } from '@/utils/library/instance';
import { pageTopics } from '@/utils/topics/page-topics';
import type { TechMention } from '@/utils/model';
import { makeEpisode } from './episode';
import { personClick } from './person';
import { answerMessagesInProcess } from '../background-in-process';

beforeEach(answerMessagesInProcess);
afterEach(async () => {
  cleanup();
  const { db } = contextLibrary();
  await Promise.all([db.shelves.clear(), db.summaryShelves.clear(), db.newest.clear()]);
});

const pg = { slug: 'postgres', name: 'PostgreSQL', category: 'database', source: 'text' } as const;
const go = { slug: 'go', name: 'Go', category: 'language', source: 'list' } as const;
function row(
  n: number,
  audio: boolean,
  chapters: Array<[number, string, string[]]>,
  tech: TechMention[] = [pg],
): TopicEpisode {
  const episode = makeEpisode({
    id: `https://podcasts.example/ep/${n}`,
    url: `https://podcasts.example/ep/${n}`,
    title: `Episode ${n}`,
    audioUrl: audio ? `https://cdn.example/${n}.mp3` : null,
    chapters: chapters.map(([start, title, slugs]) => ({ start, title, tech: slugs })),
    tech,
  });
  return { episode, saved: episode, audioUrl: episode.audioUrl, saveable: true };
}
const rows = [
  row(1, false, [
    [0, 'Intro', []],
    [60, 'Postgres on a budget', ['postgres']],
  ]),
  row(2, true, [
    [0, 'Intro', []],
    [90, 'Postgres upgrades', ['postgres']],
    [400, 'Go services', ['go']],
  ]),
  row(3, true, [[0, 'Go only', ['go']]], [go]),
];
const bar = (onChoose = vi.fn()) => (
  <TopicBar topics={pageTopics(rows.map((r) => r.episode))} episodes={rows} onChoose={onChoose} />
);
const status = () => document.querySelector('[data-stackcast-topic-status]')!.textContent;

describe('TopicBar', () => {
  it('lists the page’s technologies with episodes and chapters, and a choice says what it found', () => {
    const onChoose = vi.fn();
    const { container } = render(bar(onChoose));
    const topics = [...container.querySelectorAll('[data-stackcast-topic]')];
    // A tie in episodes and chapters goes by name.
    expect(topics.map((t) => t.getAttribute('aria-label'))).toEqual([
      'Go: 2 episodes, 2 chapters',
      'PostgreSQL: 2 episodes, 2 chapters',
    ]);
    personClick(topics[1]!);
    expect(onChoose).toHaveBeenLastCalledWith('postgres');
    expect(topics[1]!.getAttribute('aria-pressed')).toBe('true');
    expect(status()).toBe('2 episodes · 2 chapters about PostgreSQL');
    expect(screen.getByText(/Save all 2/)).toBeTruthy();
    personClick(topics[1]!);
    expect(onChoose).toHaveBeenLastCalledWith(null);
    expect(container.querySelector('[data-stackcast-save-all]')).toBeNull();
  });

  it('Save all adds the unsaved ones and Undo removes only those', async () => {
    const library = contextLibrary();
    await library.save(rows[1]!.episode);
    const { container } = render(bar());
    personClick(container.querySelector('[data-stackcast-topic="postgres"]')!);
    personClick(container.querySelector('[data-stackcast-save-all]')!);
    await waitFor(() => expect(status()).toMatch(/Saved 1 episode \(1 already in your library\)\.$/));
    expect((await library.savedIds(rows.map((r) => r.episode.id))).sort()).toEqual([
      rows[0]!.episode.id,
      rows[1]!.episode.id,
    ]);
    personClick(container.querySelector('[data-stackcast-undo]')!);
    await waitFor(() => expect(status()).toMatch(/Undone: removed the 1 episode Save all added\.$/));
    expect(await library.savedIds(rows.map((r) => r.episode.id))).toEqual([rows[1]!.episode.id]);
  });

  it('plays the chapters in a queue, skipping the episode without audio with a message', async () => {
    vi.spyOn(HTMLMediaElement.prototype, 'play').mockResolvedValue(undefined);
    const { container } = render(bar());
    personClick(container.querySelector('[data-stackcast-topic="postgres"]')!);
    personClick(container.querySelector('[data-stackcast-play-topic]')!);
    const label = container.querySelector('[data-stackcast-queue-label]')!;
    expect(label.textContent).toBe('2 of 2: Postgres upgrades — Episode 2');
    expect(screen.getByRole('alert').textContent).toBe(
      'Skipped “Postgres on a budget” — Episode 1: no audio Stackcast can play.',
    );
    const audio = container.querySelector<HTMLAudioElement>('audio[data-stackcast-player]')!;
    expect(audio.getAttribute('src')).toBe('https://cdn.example/2.mp3');
    await waitFor(() => expect(audio.currentTime).toBe(90));
    vi.restoreAllMocks();
  });
});

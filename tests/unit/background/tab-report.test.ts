// What a page's report can put in the toolbar: a count on the badge (never page text), at most as many
// episodes as the overlay draws, and no more than a bounded share of the session storage every tab shares.
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import {
  setTabEpisodes,
  tabEpisodesOf,
  TAB_EPISODES_MAX,
  TAB_SESSION_MAX_CHARS,
} from '@/utils/background/badge';
import type { Episode } from '@/utils/model';

function episode(n: number, chapters = 2, titleChars = 10): Episode {
  return {
    id: `https://flood.example/ep/${n}`,
    title: 'T'.repeat(titleChars),
    podcast: null,
    date: null,
    durationSeconds: null,
    url: `https://flood.example/ep/${n}`,
    audioUrl: null,
    chapters: Array.from({ length: chapters }, (_, i) => ({ start: i * 10, title: 'C'.repeat(titleChars) })),
    chapterConfidence: 0.9,
    tech: [],
  };
}

const badge: string[] = [];
beforeEach(() => {
  fakeBrowser.reset();
  badge.length = 0;
  Object.assign(fakeBrowser.action, {
    setBadgeText: vi.fn(async ({ text }: { text: string }) => void badge.push(text)),
    setBadgeBackgroundColor: vi.fn(async () => {}),
  });
});

describe('setTabEpisodes', () => {
  it('keeps at most as many episodes as the overlay draws, and the badge shows only a count', async () => {
    await setTabEpisodes(
      3,
      Array.from({ length: 2_000 }, (_, n) => episode(n, 3, 2_000)),
    );
    expect((await tabEpisodesOf(3)).length).toBe(TAB_EPISODES_MAX);
    expect(badge).toEqual(['600']);
  });

  it('does not mirror a report of megabytes into the shared session storage', async () => {
    const huge = Array.from({ length: 50 }, (_, n) => episode(n, 100, 2_000));
    expect(JSON.stringify(huge).length).toBeGreaterThan(TAB_SESSION_MAX_CHARS);
    await setTabEpisodes(4, [episode(0)]);
    expect(await fakeBrowser.storage.session.get('stackcast:tab:4')).toHaveProperty(['stackcast:tab:4']);
    await setTabEpisodes(4, huge);
    expect(await fakeBrowser.storage.session.get('stackcast:tab:4')).toEqual({});
    // The popup still sees it while the service worker lives.
    expect((await tabEpisodesOf(4)).length).toBe(50);
  });
});

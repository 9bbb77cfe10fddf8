// Directory show pages: every episode of the list found once, with its title, its episode address and the
// chapters its blurb carries (a chapter cut off mid-title is not shown); links outside the list (the player bar,
// sidebars, other shows' episodes) are not episodes. Markup generations and sources: see each fixture.
import { describe, expect, it } from 'vitest';
import { scanPage } from '@/utils/sites/scan';
import { adapterFor } from '@/utils/sites/index';
import { BUILD_LOG, LISTING_EPISODES, type ListingEpisode } from '../../fixtures/listing-episodes';
import { SPOTIFY_SHOW_URL, spotifyEpisodeUrl, spotifyShowHtml } from '../../fixtures/spotify-show';
import {
  APPLE_BUILD_LOG_URL,
  appleListingAudio,
  appleListingUrl,
  appleShowPageHtml,
} from '../../fixtures/apple-show';
import { LISTING_PAGES, podcastaddictRowsPage, withDataAudio } from '../../fixtures/directory-listings';
import { documentFrom } from './dom';

interface ListingCase {
  id: string;
  url: string;
  html: string;
  episodeUrl(episode: ListingEpisode): string;
  audioUrl(episode: ListingEpisode): string | null;
  /** Whether the page shows each episode's length. */
  durations: boolean;
  /** The date the page shows with its year (Spotify leaves this year's out), else null. */
  dateOf?(episode: ListingEpisode): string | null;
}

const cases: Array<[string, ListingCase]> = [
  ...(['rows-2025', 'list-rows-2026'] as const).map((generation): [string, ListingCase] => [
    `spotify (${generation})`,
    {
      id: 'spotify',
      url: SPOTIFY_SHOW_URL,
      html: spotifyShowHtml(generation),
      episodeUrl: spotifyEpisodeUrl,
      audioUrl: () => null,
      durations: true,
      dateOf: (episode) => (episode.date.startsWith('2026') ? null : episode.date),
    },
  ]),
  [
    'apple (episodes-list)',
    {
      id: 'apple',
      url: APPLE_BUILD_LOG_URL,
      html: appleShowPageHtml('episodes-list'),
      episodeUrl: appleListingUrl,
      audioUrl: appleListingAudio,
      durations: true,
    },
  ],
  [
    'apple (ember)',
    {
      id: 'apple',
      url: APPLE_BUILD_LOG_URL,
      html: appleShowPageHtml('ember'),
      episodeUrl: appleListingUrl,
      audioUrl: () => null,
      durations: false,
    },
  ],
  ...Object.entries(LISTING_PAGES).map(([id, build]): [string, ListingCase] => [
    id,
    { id, ...build(), durations: id === 'listennotes' },
  ]),
  ['podcastaddict (clickeable rows)', { id: 'podcastaddict', ...podcastaddictRowsPage(), durations: false }],
  // Audio only in the page's data, matched to each listed episode by its address's id or its title.
  ...(['pocketcasts', 'podcastaddict', 'castbox', 'podchaser'] as const).flatMap((id) =>
    (['json-ld', 'app-json'] as const).map((shape): [string, ListingCase] => [
      `${id} (audio in ${shape})`,
      { id, ...withDataAudio(LISTING_PAGES[id]!(), shape), durations: false },
    ]),
  ),
];

describe('directory show pages', () => {
  for (const [name, page] of cases) {
    describe(name, () => {
      const url = new URL(page.url);

      it('finds every episode of the list once, in order, with its title, address and length', () => {
        const adapter = adapterFor(url);
        expect(adapter.id).toBe(page.id);
        const found = adapter.findEpisodes(documentFrom(page.html), url);
        expect(found.map((item) => item.meta.title)).toEqual(
          LISTING_EPISODES.map((episode) => episode.title),
        );
        expect(found.map((item) => item.meta.url)).toEqual(
          LISTING_EPISODES.map((episode) => page.episodeUrl(episode)),
        );
        expect(found.map((item) => item.meta.audioUrl)).toEqual(
          LISTING_EPISODES.map((episode) => page.audioUrl(episode)),
        );
        const dateOf = page.dateOf ?? ((episode: ListingEpisode) => episode.date);
        expect(found.map((item) => item.meta.date)).toEqual(LISTING_EPISODES.map(dateOf));
        if (page.durations) {
          // Directories print whole minutes; the reading is the printed length.
          expect(found.map((item) => item.meta.durationSeconds)).toEqual(
            LISTING_EPISODES.map((episode) => episode.durationSeconds),
          );
        }
        for (const item of found) expect(item.notes?.textContent?.trim().length).toBeGreaterThan(20);
      });

      it('gives each episode the chapters its blurb carries, and none to a blurb without stamps', () => {
        const detected = scanPage(documentFrom(page.html), page.url);
        const byUrl = new Map(detected.map((item) => [item.episode.url, item.episode]));
        for (const episode of LISTING_EPISODES) {
          const starts = byUrl.get(page.episodeUrl(episode))?.chapters.map((chapter) => chapter.start) ?? [];
          expect(starts, episode.title).toEqual(episode.starts);
        }
        // Only the list's episodes are scanned: nothing from the player bar, sidebars or other shows.
        for (const item of detected)
          expect(LISTING_EPISODES.map((episode) => page.episodeUrl(episode))).toContain(item.episode.url);
      });

      it('drops the chapter whose title the page cut off mid-word, and keeps the whole ones before it', () => {
        const cut = LISTING_EPISODES.find((episode) => episode.blurb.includes('{cut}'))!;
        const [item] = scanPage(documentFrom(page.html), page.url).filter(
          (detected) => detected.episode.url === page.episodeUrl(cut),
        );
        expect(item!.episode.chapters.map((chapter) => chapter.title)).toEqual([
          'Intro',
          'The stack at a glance',
          'Partitioning the events table',
        ]);
        expect(item!.episode.chapters.some((chapter) => /Kube/.test(chapter.title))).toBe(false);
      });
    });
  }

  it('names the show from the page heading', () => {
    const url = new URL(SPOTIFY_SHOW_URL);
    const found = adapterFor(url).findEpisodes(documentFrom(spotifyShowHtml('rows-2025')), url);
    expect(new Set(found.map((item) => item.meta.podcast))).toEqual(new Set([BUILD_LOG]));
  });
});

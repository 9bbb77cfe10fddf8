// The listing engine on shapes no fixture generation names: a redesign without the known attributes, a long
// "All Episodes" list, a show with one episode, and links that are not episodes.
import { describe, expect, it } from 'vitest';
import { Window } from 'happy-dom';
import { scanPage } from '@/utils/sites/scan';
import { adapterFor } from '@/utils/sites/index';
import { readEpisodeListing } from '@/utils/sites/episode-listing';
import { spotifyListing } from '@/utils/sites/spotify';
import { LISTING_EPISODES, type ListingEpisode } from '../../fixtures/listing-episodes';
import { SPOTIFY_SHOW_URL, spotifyEpisodeUrl, spotifyShowHtml } from '../../fixtures/spotify-show';
import { LISTING_PAGES } from '../../fixtures/directory-listings';
import { APPLE_BUILD_LOG_URL, appleShowPageHtml } from '../../fixtures/apple-show';
import { documentFrom } from './dom';

const showUrl = new URL(SPOTIFY_SHOW_URL);

/** `count` episodes: the fixture's five, again and again, each with its own title and address. */
function manyEpisodes(count: number): ListingEpisode[] {
  return Array.from({ length: count }, (_, i) => {
    const base = LISTING_EPISODES[i % LISTING_EPISODES.length]!;
    return { ...base, slug: `${base.slug}-${i}`, title: `${base.title} (part ${i + 1})` };
  });
}

describe('directory listings beyond the known markup', () => {
  it('a redesign without the known attributes still gives one titled episode per link, with its chapters', () => {
    const html = spotifyShowHtml('rows-2025').replace(/ data-(?:testid|encore-id)="[^"]*"/g, '');
    const found = adapterFor(showUrl).findEpisodes(documentFrom(html), showUrl);
    expect(found.map((item) => item.meta.title)).toEqual(LISTING_EPISODES.map((episode) => episode.title));
    expect(found.map((item) => item.meta.url)).toEqual(
      LISTING_EPISODES.map((episode) => spotifyEpisodeUrl(episode)),
    );
    const detected = scanPage(documentFrom(html), SPOTIFY_SHOW_URL);
    for (const episode of LISTING_EPISODES) {
      const item = detected.find((candidate) => candidate.episode.url === spotifyEpisodeUrl(episode));
      expect(item?.episode.chapters.map((chapter) => chapter.start) ?? [], episode.title).toEqual(
        episode.starts,
      );
    }
  });

  it('an "All Episodes" list of fifty gives fifty episodes, every one with its title and its own address', () => {
    const episodes = manyEpisodes(50);
    for (const generation of ['rows-2025', 'list-rows-2026'] as const) {
      const found = adapterFor(showUrl).findEpisodes(
        documentFrom(spotifyShowHtml(generation, episodes)),
        showUrl,
      );
      expect(found.map((item) => item.meta.title)).toEqual(episodes.map((episode) => episode.title));
      expect(new Set(found.map((item) => item.meta.url)).size).toBe(50);
      const detected = scanPage(documentFrom(spotifyShowHtml(generation, episodes)), SPOTIFY_SHOW_URL);
      expect(detected).toHaveLength(episodes.filter((episode) => episode.starts.length > 0).length);
      for (const item of detected) expect(item.episode.title).toBeTruthy();
    }
  });

  it('a show with a single episode: the episode is its row, not the page with the show description', () => {
    for (const [id, build] of Object.entries(LISTING_PAGES)) {
      const page = build([LISTING_EPISODES[1]!]);
      const url = new URL(page.url);
      const found = adapterFor(url).findEpisodes(documentFrom(page.html), url);
      expect(
        found.map((item) => item.meta.title),
        id,
      ).toEqual([LISTING_EPISODES[1]!.title]);
      expect(found[0]!.notes?.textContent, id).toContain('0:00 – Welcome');
      expect(found[0]!.root.querySelector('h1'), id).toBeNull();
    }
  });

  it('ignores links that are not episode addresses, and reads nothing from a page without episode links', () => {
    const html = `<html><body><main><h1>Show</h1><ul>
      <li><a href="javascript:alert(1)">Bad</a><p>0:00 – Intro 3:00 – Next 6:00 – Last</p></li>
      <li><a href="https://[::1">Broken</a></li><li><a href="/show/abc">A show, not an episode</a></li>
    </ul></main></body></html>`;
    expect(readEpisodeListing(documentFrom(html), showUrl, spotifyListing)).toEqual([]);
  });

  it('reads the same episodes on a second DOM implementation (happy-dom), as on a real page', () => {
    const pages: Array<[string, string]> = [
      [spotifyShowHtml('rows-2025'), SPOTIFY_SHOW_URL],
      [spotifyShowHtml('list-rows-2026'), SPOTIFY_SHOW_URL],
      [appleShowPageHtml('episodes-list'), APPLE_BUILD_LOG_URL],
      ...Object.values(LISTING_PAGES).map((build): [string, string] => [build().html, build().url]),
    ];
    for (const [html, url] of pages) {
      const window = new Window({
        url,
        settings: {
          disableJavaScriptEvaluation: true,
          disableJavaScriptFileLoading: true,
          disableCSSFileLoading: true,
        },
      });
      window.document.write(html);
      const happy = scanPage(window.document as unknown as Document, url).map((item) => item.episode);
      const linked = scanPage(documentFrom(html), url).map((item) => item.episode);
      expect(happy.length, url).toBe(4);
      expect(happy, url).toEqual(linked);
    }
  });

  it('takes audio from page data only when one file answers to the episode, and never on Spotify', () => {
    const page = LISTING_PAGES.podcastaddict!();
    const url = new URL(page.url);
    const twoFiles = LISTING_EPISODES.flatMap((episode) => [
      { title: episode.title, url: `https://cdn.example.org/${episode.slug}-a.mp3` },
      { title: episode.title, url: `https://cdn.example.org/${episode.slug}-b.mp3` },
    ]);
    const ambiguous = page.html.replace(
      '</body>',
      `<script type="application/json">${JSON.stringify(twoFiles)}</script></body>`,
    );
    const found = adapterFor(url).findEpisodes(documentFrom(ambiguous), url);
    expect(found).toHaveLength(LISTING_EPISODES.length);
    expect(found.map((item) => item.meta.audioUrl)).toEqual(LISTING_EPISODES.map(() => null));

    const oneFile = LISTING_EPISODES.map((episode) => ({
      title: episode.title,
      url: `https://cdn.example.org/${episode.slug}.mp3`,
    }));
    const data = `<script type="application/json">${JSON.stringify(oneFile)}</script></body>`;
    const spotify = adapterFor(showUrl).findEpisodes(
      documentFrom(spotifyShowHtml('rows-2025').replace('</body>', data)),
      showUrl,
    );
    expect(spotify.map((item) => item.meta.audioUrl)).toEqual(LISTING_EPISODES.map(() => null));
    const matched = adapterFor(url).findEpisodes(documentFrom(page.html.replace('</body>', data)), url);
    expect(matched.map((item) => item.meta.audioUrl)).toEqual(
      LISTING_EPISODES.map((episode) => `https://cdn.example.org/${episode.slug}.mp3`),
    );
  });

  it('a blurb that links another episode of the list ("part two is here") does not cost either episode', () => {
    const second = new URL(spotifyEpisodeUrl(LISTING_EPISODES[1]!)).pathname;
    for (const generation of ['rows-2025', 'list-rows-2026'] as const) {
      const html = spotifyShowHtml(generation).replace(
        'without a single outage.',
        `without a single outage. Part two: <a href="${second}">listen here</a>.`,
      );
      const found = adapterFor(showUrl).findEpisodes(documentFrom(html), showUrl);
      expect(found.map((item) => item.meta.title)).toEqual(LISTING_EPISODES.map((episode) => episode.title));
      expect(found.map((item) => item.meta.url)).toEqual(
        LISTING_EPISODES.map((episode) => spotifyEpisodeUrl(episode)),
      );
      const [first] = scanPage(documentFrom(html), SPOTIFY_SHOW_URL);
      expect(first!.episode.chapters.map((chapter) => chapter.start)).toEqual(LISTING_EPISODES[0]!.starts);
    }
  });
});

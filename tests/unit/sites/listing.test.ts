// Any page: a directory's show page (seed 000) gives one episode per block with its own chapters; a plain
// blog post scanned on demand gives its chapter list and page audio.
import { describe, expect, it } from 'vitest';
import { scanPage } from '@/utils/sites/scan';
import { genericAdapter } from '@/utils/sites/generic';
import {
  listingEpisodeUrl,
  listingHtml,
  LISTING_URL,
  PLAIN_PAGE_AUDIO_URL,
  PLAIN_PAGE_CHAPTERS,
  PLAIN_PAGE_URL,
  plainPageHtml,
  seedListing,
} from '../../fixtures';
import { parseTimestamp } from '@/utils/parse/time';
import { documentFrom } from './dom';

const listing = seedListing();

/** The `m:ss` / `h:mm:ss` times after "Topics Include" in a seed paragraph, as seconds (the seed's own truth). */
function topicTimes(paragraph: string): number[] {
  const topics = paragraph.split('Topics Include')[1]?.split(/\bLinks\b/)[0] ?? '';
  return [...topics.matchAll(/(?:^|\s)((?:\d{1,2}:)?\d{1,2}:\d{2}) –/g)].map((match) =>
    parseTimestamp(match[1]!)!,
  );
}

describe('a directory show page listing ~50 episodes (seed 000)', () => {
  it('the seed has about fifty episode blocks', () => {
    expect(listing.episodes.length).toBeGreaterThanOrEqual(45);
  });

  it('finds one episode per block, with title, date, duration and link', () => {
    const doc = documentFrom(listingHtml(listing));
    const found = genericAdapter.findEpisodes(doc, new URL(LISTING_URL));
    const withTopics = listing.episodes.filter((episode) => topicTimes(episode.paragraph).length >= 2);
    expect(found).toHaveLength(withTopics.length);
    found.forEach((item, i) => {
      const seed = withTopics[i]!;
      expect(item.meta.title).toBe(seed.title);
      expect(item.meta.url).toBe(listingEpisodeUrl(seed));
      expect(item.meta.date).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      expect(item.meta.durationSeconds).toBeGreaterThan(0);
      expect(item.meta.podcast).toBe(listing.podcast);
      expect(item.root.tagName).toBe('ARTICLE');
    });
  });

  it('each episode gets its own chapters', () => {
    const detected = scanPage(documentFrom(listingHtml(listing)), LISTING_URL);
    const withTopics = listing.episodes.filter((episode) => topicTimes(episode.paragraph).length >= 2);
    expect(detected).toHaveLength(withTopics.length);
    detected.forEach((item, i) => {
      const expected = topicTimes(withTopics[i]!.paragraph);
      expect(
        item.episode.chapters.map((chapter) => chapter.start),
        withTopics[i]!.title,
      ).toEqual(expected);
      expect(item.episode.tech.length).toBeGreaterThan(0);
    });
    expect(new Set(detected.map((item) => item.episode.id)).size).toBe(detected.length);
  });
});

describe('a plain page scanned on demand', () => {
  it('gives the chapter list, the page audio and the page title; byline and comment times are not chapters', () => {
    const doc = documentFrom(plainPageHtml());
    const [detected, ...rest] = scanPage(doc, PLAIN_PAGE_URL, { adapter: genericAdapter });
    expect(rest).toHaveLength(0);
    expect(detected!.episode.chapters.map(({ start, title }) => ({ start, title }))).toEqual(
      PLAIN_PAGE_CHAPTERS.map(({ start, title }) => ({ start, title })),
    );
    expect(detected!.episode.audioUrl).toBe(PLAIN_PAGE_AUDIO_URL);
    expect(detected!.episode.title).toBe('Ops Notes #12: queues, proxies and quiet pagers');
    expect(detected!.media?.tagName).toBe('AUDIO');
    expect(detected!.episode.tech.map((mention) => mention.slug)).toEqual(
      expect.arrayContaining(['redis', 'postgres', 'nginx', 'docker']),
    );
  });
});

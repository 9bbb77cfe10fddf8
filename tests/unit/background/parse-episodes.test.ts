// Parsing in the background: readings taken from a page, sent as a message (JSON-clonable), parse to exactly what
// scanPage gives on the page; each reading is checked on its own, so an odd or hostile one only loses itself.
import { describe, expect, it } from 'vitest';
import { parseHTML } from 'linkedom';
import '@/utils/zod-setup';
import { parseReadings } from '@/utils/background/parse-episodes';
import { ParseCache } from '@/utils/background/parse-cache';
import { parseRequest } from '@/utils/messages';
import { findPageEpisodes, readEpisode, scanPage } from '@/utils/sites/scan';
import { listingHtml, LISTING_URL, ripEpisodeHtml, ripPost, ripPostUrl, ripPosts } from '../../fixtures';

function readingsOf(html: string, url: string) {
  const { document } = parseHTML(html) as unknown as { document: Document };
  const page = findPageEpisodes(document, url)!;
  const readings = page.found.map((_, index) => readEpisode(page, index)!);
  return { readings, whole: scanPage(document, url).map((detected) => detected.episode) };
}

/** What the message channel does to a value: structured cloning, here its JSON-compatible subset. */
const overTheWire = <T>(value: T): T => JSON.parse(JSON.stringify(value)) as T;

describe('parseReadings', () => {
  it('parses a listing page read elsewhere to what scanPage gives on the page', () => {
    const { readings, whole } = readingsOf(listingHtml(), LISTING_URL);
    expect(readings.length).toBeGreaterThan(10);
    const request = parseRequest(overTheWire({ type: 'parse:episodes', readings }));
    expect(request.ok).toBe(true);
    const { episodes } = parseReadings(
      request.ok && request.value.type === 'parse:episodes' ? request.value.readings : [],
    );
    expect(episodes.filter((episode) => episode !== null)).toEqual(whole);
  });

  it('parses every corpus episode page read elsewhere to what scanPage gives', () => {
    for (const post of ripPosts().slice(0, 25)) {
      const { readings, whole } = readingsOf(ripEpisodeHtml(post), ripPostUrl(post));
      expect(parseReadings(overTheWire(readings)).episodes.filter(Boolean)).toEqual(whole);
    }
  });

  it('answers null for a malformed reading and still parses the others', () => {
    const { readings } = readingsOf(ripEpisodeHtml(ripPost(50)), ripPostUrl(ripPost(50)));
    const good = overTheWire(readings[0]!);
    const odd = [
      null,
      'not a reading',
      { ...good, id: '' },
      { ...good, durationSeconds: -5 },
      { ...good, notes: { text: 'x', marks: [{ start: -1, end: 2, value: 3 }] } },
      { ...good, tech: { kind: 'script', code: 'alert(1)' } },
      { ...good, notes: { text: 'x'.repeat(2_000_001), marks: [] } },
    ];
    const { episodes } = parseReadings([...odd, good], new ParseCache());
    expect(episodes.slice(0, odd.length)).toEqual(odd.map(() => null));
    expect(episodes[odd.length]?.chapters.length).toBeGreaterThan(2);
  });

  it('drops hostile values the page gave: script URLs, bad dates, megabyte titles', () => {
    const { readings } = readingsOf(ripEpisodeHtml(ripPost(50)), ripPostUrl(ripPost(50)));
    const hostile = {
      ...overTheWire(readings[0]!),
      url: 'javascript:alert(1)',
      audioUrl: 'data:audio/mp3;base64,AAAA',
      date: '<img src=x onerror=alert(1)>',
      title: 'T'.repeat(900_000),
    };
    const [episode] = parseReadings([hostile], new ParseCache()).episodes;
    expect(episode).toMatchObject({ url: null, audioUrl: null, date: null });
    expect(episode!.title!.length).toBe(2_000);
  });

  it('is reached only through a message with at most 500 readings', () => {
    expect(parseRequest({ type: 'parse:episodes', readings: Array(500).fill(null) }).ok).toBe(true);
    const tooMany = parseRequest({ type: 'parse:episodes', readings: Array(501).fill(null) });
    expect(tooMany).toMatchObject({ ok: false });
    expect(parseRequest({ type: 'parse:episodes', readings: 'all of them' })).toMatchObject({ ok: false });
  });
});

describe('ParseCache', () => {
  it('answers a repeated reading from memory with the same episode', () => {
    const { readings } = readingsOf(listingHtml(), LISTING_URL);
    const cache = new ParseCache();
    const first = parseReadings(overTheWire(readings), cache);
    const again = parseReadings(overTheWire(readings), cache);
    expect(first.cached).toBe(0);
    expect(again.cached).toBe(readings.length);
    expect(again.episodes).toEqual(first.episodes);
  });

  it('forgets the least recently used readings past its entry and character bounds', () => {
    const episode = null;
    const byEntries = new ParseCache(2, 1_000);
    byEntries.set('a', episode);
    byEntries.set('b', episode);
    byEntries.get('a');
    byEntries.set('c', episode);
    expect([byEntries.get('a'), byEntries.get('b'), byEntries.get('c')]).toEqual([null, undefined, null]);
    const byChars = new ParseCache(100, 40);
    byChars.set('x'.repeat(10), episode);
    byChars.set('y'.repeat(10), episode);
    byChars.set('z'.repeat(10), episode);
    byChars.set('w'.repeat(10), episode);
    byChars.set('v'.repeat(10), episode);
    expect(byChars.get('x'.repeat(10))).toBeUndefined();
    expect(byChars.size).toBe(4);
    // One reading over a quarter of the budget is not kept at all.
    byChars.set('u'.repeat(11), episode);
    expect(byChars.get('u'.repeat(11))).toBeUndefined();
  });
});

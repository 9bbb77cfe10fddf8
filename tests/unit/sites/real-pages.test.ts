// Real saved pages (../shared/pages): metadata is read, and none yields chapters — they have no chapter list,
// only traps (player readouts `0:00 / 23:59`, other episodes' durations, `"duration":"01:14:31"` in JSON).
import { describe, expect, it } from 'vitest';
import { scanPage } from '@/utils/sites/scan';
import { adapterFor } from '@/utils/sites/index';
import { overcastAdapter } from '@/utils/sites/overcast';
import { spotifyAdapter } from '@/utils/sites/spotify';
import { genericAdapter } from '@/utils/sites/generic';
import { readSharedPage, SHARED_PAGES } from '../../fixtures';
import { documentFrom } from './dom';

describe('real pages have no chapter list', () => {
  for (const [name, { file, url }] of Object.entries(SHARED_PAGES)) {
    it(`${name}: no chapters, and scanning never throws`, () => {
      const doc = documentFrom(readSharedPage(file));
      const detected = scanPage(doc, url);
      for (const item of detected)
        expect(item.episode.chapters, `${name}: ${item.episode.title}`).toEqual([]);
      // Forcing the generic adapter ("Scan this page") finds no chapters either.
      for (const item of scanPage(doc, url, { adapter: genericAdapter }))
        expect(item.episode.chapters).toEqual([]);
    });
  }
});

describe('Overcast episode page (2019 capture)', () => {
  it('reads title, show, date, the seekable player and its audio without the #t=0 fragment', () => {
    const { file, url } = SHARED_PAGES.overcast;
    const doc = documentFrom(readSharedPage(file));
    expect(adapterFor(new URL(url)).id).toBe('overcast');
    const [found, ...rest] = overcastAdapter.findEpisodes(doc, new URL(url));
    expect(rest).toHaveLength(0);
    expect(found!.meta.title).toBe('Using AI to Help Doctors Save Lives');
    expect(found!.meta.podcast).toBe("What's Your Problem?");
    expect(found!.meta.date).toBe('2024-02-15');
    expect(found!.meta.audioUrl).toMatch(/^https:\/\/chtbl\.com\/track\/39E17\/.*audio\.mp3\?/);
    expect(found!.meta.audioUrl).not.toContain('#');
    expect(found!.media?.id).toBe('audioplayer');
  });
});

describe('Spotify episode pages', () => {
  it('take notes from metadata, never the 30-second preview as audio, and offer no media to seek', () => {
    for (const page of [SHARED_PAGES.spotifyMixxio, SHARED_PAGES.spotifyJre]) {
      const doc = documentFrom(readSharedPage(page.file));
      const [found] = spotifyAdapter.findEpisodes(doc, new URL(page.url));
      expect(found!.meta.audioUrl).toBeNull();
      expect(found!.media ?? null).toBeNull();
      expect(found!.notes).toBeNull();
      expect(found!.notesText!.length).toBeGreaterThan(100);
      expect(found!.notesText).not.toMatch(/^Listen to this episode/);
      expect(found!.meta.url).toBe(page.url);
    }
    const [mixxio] = spotifyAdapter.findEpisodes(
      documentFrom(readSharedPage(SHARED_PAGES.spotifyMixxio.file)),
      new URL(SHARED_PAGES.spotifyMixxio.url),
    );
    expect(mixxio!.meta.title).toBe('La molécula que falta');
    expect(mixxio!.meta.podcast).toBe('mixx.io');
  });

  it('splits flattened notes at double spaces so a chapter list reads one item a line', () => {
    const html = `<!DOCTYPE html><html><head><title>Clocks - Some Show | Podcast on Spotify</title>
      <meta property="og:title" content="Clocks">
      <meta property="og:audio" content="https://podz-content.spotifycdn.com/audio/clips/x/clip_1_2.mp3">
      <meta name="description" content="Listen to this episode from Some Show on Spotify. How clocks work.  Show Notes  3:06 - How were they done before?  5:11 - How do they work?  9:40 - Quartz and Postgres timestamps">
      <link rel="canonical" href="https://open.spotify.com/episode/4rOoJ6Egrf8K2IrywzwOMk"></head><body><div id="main"></div></body></html>`;
    const [detected] = scanPage(
      documentFrom(html),
      'https://open.spotify.com/episode/4rOoJ6Egrf8K2IrywzwOMk',
    );
    expect(detected!.episode.chapters.map((chapter) => [chapter.start, chapter.title])).toEqual([
      [186, 'How were they done before?'],
      [311, 'How do they work?'],
      [580, 'Quartz and Postgres timestamps'],
    ]);
    expect(detected!.episode.audioUrl).toBeNull();
    expect(detected!.episode.podcast).toBe('Some Show');
    expect(detected!.adapter.timeUrl?.(detected!.episode.url!, 311)).toBe(
      'https://open.spotify.com/episode/4rOoJ6Egrf8K2IrywzwOMk?t=311',
    );
  });
});

describe('generic metadata on real pages', () => {
  it('ivoox: JSON-LD PodcastEpisode gives title, date, series and URL', () => {
    const { file, url } = SHARED_PAGES.ivoox;
    const [found] = genericAdapter.findEpisodes(documentFrom(readSharedPage(file)), new URL(url));
    expect(found!.meta).toMatchObject({
      title: 'La molécula que falta',
      date: '2023-08-09',
      url,
      podcast: 'mixx.io, podcast diario de tecnología',
    });
  });

  it('simplecast player: the `00:00 / 23:59` readout is not a block of show notes', () => {
    const { file, url } = SHARED_PAGES.simplecast;
    const found = genericAdapter.findEpisodes(documentFrom(readSharedPage(file)), new URL(url));
    for (const item of found) expect(item.notes?.textContent ?? '').not.toMatch(/\d:\d\d\s*\/\s*\d/);
  });
});

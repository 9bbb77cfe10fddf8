// Malformed and hostile pages: broken JSON-LD, broken URLs, huge or deeply nested markup never make the scan
// throw; what is broken is skipped, what is sound is still found, and the work stays bounded.
import { describe, expect, it } from 'vitest';
import { scanPage, MAX_NOTES_CHARS } from '@/utils/sites/scan';
import { adapters } from '@/utils/sites/index';
import { genericAdapter } from '@/utils/sites/generic';
import { MAX_EPISODES_PER_PAGE } from '@/utils/sites/profile';
import {
  ripEpisodeHtml,
  ripPost,
  ripPostUrl,
  appleEpisodeFromPost,
  appleEpisodeHtml,
  appleEpisodeUrl,
} from '../../fixtures';
import { documentFrom } from './dom';

const topics = [
  '0:00 – Intro',
  '1:45 – Docker in development',
  '7:01 – Postgres backups',
  '12:30 – Questions',
];

describe('malformed pages', () => {
  it('broken JSON-LD, server data and URLs are skipped, the notes still read', () => {
    const html = `<!DOCTYPE html><html><head>
      <script type="application/ld+json">{"@type": "PodcastEpisode", "name": </script>
      <script type="application/ld+json">[null, 3, "x", {"@graph": [{"@type": ["PodcastEpisode"], "name": {"nested": true}, "associatedMedia": {"contentUrl": "javascript:alert(1)"}, "url": "http://[::1"}]}]</script>
      <script id="serialized-server-data" type="application/json">{"streamUrl": </script>
      <script id="__NEXT_DATA__" type="application/json">not json</script>
      <meta property="og:audio" content="data:audio/mp3;base64,AAAA">
      <link rel="canonical" href="https://exa mple.com/%%%">
      </head><body><h1>Broken but readable</h1><audio src="blob:https://example.com/1"></audio>
      <ul>${topics.map((topic) => `<li>${topic}</li>`).join('')}</ul></body></html>`;
    for (const href of [
      'https://example.com/ep/1',
      'https://podcasts.apple.com/us/podcast/x/id1?i=2',
      'https://podbay.fm/p/x/e/1',
      'https://open.spotify.com/episode/4rOoJ6Egrf8K2IrywzwOMk',
    ]) {
      const detected = scanPage(documentFrom(html), href);
      expect(detected, href).toHaveLength(1);
      expect(
        detected[0]!.episode.chapters.map((chapter) => chapter.start),
        href,
      ).toEqual([0, 105, 421, 750]);
      expect(detected[0]!.episode.audioUrl, href).toBeNull();
    }
  });

  it('an invalid page URL or an empty document yields no episodes', () => {
    expect(scanPage(documentFrom('<html><body></body></html>'), 'not a url')).toEqual([]);
    expect(scanPage(documentFrom(''), 'https://example.com/')).toEqual([]);
    expect(scanPage(documentFrom('<p>Lunch at 12:30, back by 1:15.</p>'), 'https://example.com/')).toEqual(
      [],
    );
  });

  it('every adapter survives every fixture-like page, including garbage', () => {
    const pages = [
      ripEpisodeHtml(ripPost(3)),
      appleEpisodeHtml(appleEpisodeFromPost(ripPost(3))),
      '<<<>>><div><ul><li>1:00 a<li>2:00 b</div></ul></p>',
      '<html><head><script type="application/ld+json">{{{{</script></head><body><a href="http://[">x</a></body></html>',
    ];
    for (const adapter of adapters) {
      for (const html of pages) {
        for (const href of [
          ...adapter.exampleUrls,
          ripPostUrl(ripPost(3)),
          appleEpisodeUrl(appleEpisodeFromPost(ripPost(3))),
        ]) {
          expect(() => scanPage(documentFrom(html), href, { adapter })).not.toThrow();
        }
      }
    }
  });

  it('deeply nested markup does not overflow the stack', () => {
    const depth = 20_000;
    const html = `<html><body>${'<div>'.repeat(depth)}<ul>${topics.map((topic) => `<li>${topic}</li>`).join('')}</ul>${'</div>'.repeat(depth)}</body></html>`;
    expect(() =>
      scanPage(documentFrom(html), 'https://example.com/deep', { adapter: genericAdapter }),
    ).not.toThrow();
  });
});

describe('bounded work on huge pages', () => {
  it('caps the episodes per page', () => {
    const block = (i: number): string =>
      `<article><h3>Episode ${i}</h3><p>1:00 – Docker ${i} 2:00 – Redis ${i}</p></article>`;
    const html = `<html><body>${Array.from({ length: MAX_EPISODES_PER_PAGE + 100 }, (_, i) => block(i)).join('')}</body></html>`;
    const detected = scanPage(documentFrom(html), 'https://example.com/many');
    expect(detected.length).toBeGreaterThan(0);
    expect(detected.length).toBeLessThanOrEqual(MAX_EPISODES_PER_PAGE);
  });

  it('cuts notes longer than the cap and still reads the chapters at their start', () => {
    const filler = 'Lorem ipsum dolor sit amet. '.repeat(Math.ceil((MAX_NOTES_CHARS * 2) / 28));
    const html = `<html><body><h1>Long</h1><div class="notes"><ul>${topics.map((topic) => `<li>${topic}</li>`).join('')}</ul><p>${filler}</p><p>99:00 – never read 99:30 – never read</p></div></body></html>`;
    const [detected] = scanPage(documentFrom(html), 'https://example.com/long');
    expect(detected!.episode.chapters.map((chapter) => chapter.start)).toEqual([0, 105, 421, 750]);
  });

  it('hostile titles are cut and stay text', () => {
    const title = `<img src=x onerror=alert(1)>${'🎙️'.repeat(100_000)}`;
    const html = `<html><body><article><h3>${title.replace(/</g, '&lt;')}</h3><ul>${topics.map((topic) => `<li>${topic}</li>`).join('')}</ul></article></body></html>`;
    const [detected] = scanPage(documentFrom(html), 'https://example.com/hostile');
    expect(detected!.episode.title!.length).toBeLessThanOrEqual(2_000);
    expect(detected!.episode.title!.startsWith('<img src=x onerror=alert(1)>')).toBe(true);
  });
});

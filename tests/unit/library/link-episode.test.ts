// What a context-menu click saves: the detected episode for that URL, or a minimal record; never non-http URLs.
import { describe, expect, it } from 'vitest';
import { canonicalEpisodeUrl, episodeForClick } from '@/utils/library/link-episode';
import { makeEpisode } from './generate';

describe('episodeForClick', () => {
  const detected = [makeEpisode(1), makeEpisode(2)];
  it('uses the episode the content script detected for the clicked link (fragment ignored)', () => {
    expect(
      episodeForClick(
        { linkUrl: detected[1]!.url + '#12:30', pageUrl: 'https://runninginproduction.com/podcast/' },
        detected,
      ),
    ).toBe(detected[1]);
  });
  it('uses the page’s only episode when the page itself is clicked', () => {
    expect(
      episodeForClick({ pageUrl: 'https://runninginproduction.com/podcast/1-x?utm=1' }, [detected[0]!]),
    ).toBe(detected[0]);
  });
  it('saves a minimal record from an unknown link, titled by the link text', () => {
    expect(
      episodeForClick(
        { linkUrl: 'https://example.com/ep/9#t=10', linkText: ' Ep 9 ', pageUrl: 'https://example.com/' },
        detected,
      ),
    ).toEqual({
      id: 'https://example.com/ep/9',
      title: 'Ep 9',
      podcast: null,
      date: null,
      durationSeconds: null,
      url: 'https://example.com/ep/9',
      audioUrl: null,
      chapters: [],
      chapterConfidence: 0,
      tech: [],
    });
  });
  it('cuts a long link text on a character boundary: no half emoji in the saved title', () => {
    const linkText = 'c'.repeat(1_999) + '😀 more';
    const title = episodeForClick(
      { linkUrl: 'https://example.com/ep/9', linkText, pageUrl: 'https://example.com/' },
      [],
    )?.title;
    expect(title).toBe('c'.repeat(1_999));
  });
  it('refuses javascript:, data: and file: targets', () => {
    expect(
      episodeForClick({ linkUrl: 'javascript:alert(1)', pageUrl: 'https://example.com/' }, []),
    ).toBeNull();
    expect(episodeForClick({ pageUrl: 'file:///etc/passwd' }, [])).toBeNull();
    expect(canonicalEpisodeUrl('data:text/html,x')).toBeNull();
  });
});

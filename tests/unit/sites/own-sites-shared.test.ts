// Podcasts' own sites on real saved pages (../shared/pages, read at test time): their structure around a chapter
// list written for these tests (the captures have none), their audio where only page data or a download link
// carries it, and no chapter invented from their traps (player readouts, comment times, other episodes' durations).
import { describe, expect, it } from 'vitest';
import { scanPage } from '@/utils/sites/scan';
import { genericAdapter } from '@/utils/sites/generic';
import { findAudio, pageDataAudio } from '@/utils/sites/page-audio';
import { readSharedPage, SHARED_PAGES } from '../../fixtures';
import { documentFrom } from './dom';

/** A chapter list written for these tests, put where each page keeps its notes. */
function chapterList(times: Array<[string, string]>): string {
  return `<p>${times.map(([time, title]) => `${time} ${title}`).join('<br>')}</p>`;
}
const LIST = chapterList([
  ['0:00', 'Intro'],
  ['4:10', 'The first topic'],
  ['12:45', 'The second topic'],
  ['21:30', 'Wrapping up'],
]);
const SHORT_LIST = chapterList([
  ['0:00', 'Intro'],
  ['2:10', 'The first topic'],
  ['6:45', 'The second topic'],
  ['11:30', 'Wrapping up'],
]);

function withNotes(
  key: keyof typeof SHARED_PAGES,
  anchor: string,
  list: string,
): { doc: Document; url: string } {
  const { file, url } = SHARED_PAGES[key];
  const html = readSharedPage(file);
  expect(html.split(anchor)).toHaveLength(2);
  return { doc: documentFrom(html.replace(anchor, `${anchor}${list}`)), url };
}

describe('no chapter is invented on a real page', () => {
  it.each(Object.entries(SHARED_PAGES))('%s: at most one episode and no chapters', (_, { file, url }) => {
    const doc = documentFrom(readSharedPage(file));
    expect(genericAdapter.findEpisodes(doc, new URL(url)).length).toBeLessThanOrEqual(1);
    for (const item of scanPage(doc, url, { adapter: genericAdapter }))
      expect(item.episode.chapters).toEqual([]);
  });
});

describe('a real own site with a chapter list in its notes', () => {
  it('reactpodcast.com (Simplecast site): the episode heading, og:url, the Download Mp3 link; the readout and the length are no chapters', () => {
    const { doc, url } = withNotes('reactpodcast', '<h3>Episode Summary</h3>', LIST);
    const [found, ...rest] = genericAdapter.findEpisodes(doc, new URL(url));
    expect(rest).toHaveLength(0);
    expect(found!.meta).toMatchObject({
      title: '117: Tom Preston-Werner on RedwoodJS',
      url: 'https://reactpodcast.com/episodes/117',
      podcast: 'React Podcast',
      date: '2020-11-05',
    });
    expect(found!.meta.audioUrl).toMatch(/^https:\/\/cdn\.simplecast\.com\/audio\/.+\/default_tc\.mp3$/);
    const [detected] = scanPage(doc, url, { adapter: genericAdapter });
    expect(detected!.episode.chapters.map((chapter) => [chapter.start, chapter.title])).toEqual([
      [0, 'Intro'],
      [250, 'The first topic'],
      [765, 'The second topic'],
      [1290, 'Wrapping up'],
    ]);
  });

  it('npr.org (a story page with a player): title, canonical address, date and the player audio; the page’s other times are no chapters', () => {
    const { doc, url } = withNotes(
      'npr',
      '<div id="storytext" class="storytext storylocation linkLocation">',
      LIST,
    );
    const [found, ...rest] = genericAdapter.findEpisodes(doc, new URL(url));
    expect(rest).toHaveLength(0);
    expect(found!.meta).toMatchObject({
      title: 'Fork The Government',
      url: 'https://www.npr.org/2020/12/23/949764249/fork-the-government',
      date: '2020-12-23',
    });
    expect(found!.meta.audioUrl).toMatch(
      /^https:\/\/play\.podtrac\.com\/.+pmpod1054\.mp3\?orgId=1&topicId=1125/,
    );
    expect(
      scanPage(doc, url, { adapter: genericAdapter })[0]!.episode.chapters.map((chapter) => chapter.start),
    ).toEqual([0, 250, 765, 1290]);
  });

  it('ivoox (comment times beside the notes): only the notes’ chapters, within the declared duration', () => {
    const { doc, url } = withNotes('ivoox', '<p class="description">', SHORT_LIST);
    const detected = scanPage(doc, url, { adapter: genericAdapter });
    expect(detected).toHaveLength(1);
    expect(detected[0]!.episode.title).toBe('La molécula que falta');
    expect(detected[0]!.episode.chapters.map((chapter) => chapter.start)).toEqual([0, 130, 405, 690]);
  });

  it('acast (other episodes’ durations on the page): only the notes’ chapters', () => {
    const { doc, url } = withNotes('acast', '<h2 class="Container-elj575-0 brCGIy">Caffeine</h2>', LIST);
    const detected = scanPage(doc, url, { adapter: genericAdapter });
    expect(detected).toHaveLength(1);
    expect(detected[0]!.episode.title).toBe('Caffeine');
    expect(detected[0]!.episode.chapters.map((chapter) => chapter.start)).toEqual([0, 250, 765, 1290]);
  });
});

describe('audio only a page’s data or a link carries', () => {
  it('radiolab.org: the one mp3 in the page data, its escaped slashes restored', () => {
    const { file, url } = SHARED_PAGES.radiolab;
    const audio = pageDataAudio(documentFrom(readSharedPage(file)), new URL(url));
    expect(audio).toMatch(
      /^https:\/\/pscrb\.fm\/rss\/p\/chrt\.fm\/track\/53A61E\/.*\/redirect\.mp3\/waaa\.wnyc\.org\/.+\/audio\/128\/default\.mp3\?/,
    );
    expect(audio).not.toContain('\\');
  });

  it('reactpodcast.com: the download link, not the <audio> without a source', () => {
    const { file, url } = SHARED_PAGES.reactpodcast;
    const doc = documentFrom(readSharedPage(file));
    expect(findAudio(doc.documentElement, new URL(url)).audioUrl).toMatch(
      /^https:\/\/cdn\.simplecast\.com\/audio\/.+\/default_tc\.mp3$/,
    );
  });

  it('page data naming two episodes’ audio gives none; one file named twice (once cut short) gives the whole address', () => {
    const page = (data: object) =>
      documentFrom(
        `<html><body><script>window.__DATA__ = ${JSON.stringify(JSON.stringify(data))}</script></body></html>`,
      );
    const base = new URL('https://show.example/ep/2');
    expect(
      pageDataAudio(
        page({
          episode: { audio: 'https://cdn.example/ep2.mp3' },
          next: { audio: 'https://cdn.example/ep3.mp3' },
        }),
        base,
      ),
    ).toBeNull();
    expect(
      pageDataAudio(
        page({
          teaser: 'https://cdn.example/ep2.mp3?id=7',
          episode: { audio: 'https://cdn.example/ep2.mp3?id=7&src=web' },
        }),
        base,
      ),
    ).toBe('https://cdn.example/ep2.mp3?id=7&src=web');
  });
});

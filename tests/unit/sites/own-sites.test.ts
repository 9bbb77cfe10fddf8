// Podcasts' own sites through the generic adapter: each CMS or host family gives one episode with its title,
// address, date, audio (or why there is none) and only its own chapters, never the comments', sidebars' or
// other episodes' times.
import { describe, expect, it } from 'vitest';
import { scanPage } from '@/utils/sites/scan';
import { adapterFor } from '@/utils/sites/index';
import { genericAdapter } from '@/utils/sites/generic';
import { planPlayback } from '@/utils/player';
import { OWN_SITES, transcriptBracketed, transcriptRound } from '../../fixtures/own-sites';
import { documentFrom } from './dom';

describe.each(OWN_SITES.map((fixture) => [fixture.family, fixture] as const))('%s', (_, fixture) => {
  it('no directory adapter claims the page', () => {
    expect(adapterFor(new URL(fixture.url)).id).toBe('generic');
  });

  it('finds one episode with its title, address and audio', () => {
    const [found, ...rest] = genericAdapter.findEpisodes(documentFrom(fixture.html), new URL(fixture.url));
    expect(rest).toHaveLength(0);
    expect(found!.meta.title).toBe(fixture.expected.title);
    expect(found!.meta.url).toBe(fixture.expected.url);
    expect(found!.meta.audioUrl).toBe(fixture.expected.audioUrl);
    if (fixture.expected.playerUrl !== undefined)
      expect(found!.meta.playerUrl ?? null).toBe(fixture.expected.playerUrl);
    if (fixture.expected.date !== undefined) expect(found!.meta.date).toBe(fixture.expected.date);
    if (fixture.expected.durationSeconds !== undefined)
      expect(found!.meta.durationSeconds).toBe(fixture.expected.durationSeconds);
    if (fixture.expected.podcast !== undefined) expect(found!.meta.podcast).toBe(fixture.expected.podcast);
  });

  it('shows only the episode’s own chapters', () => {
    const detected = scanPage(documentFrom(fixture.html), fixture.url);
    expect(detected).toHaveLength(1);
    expect(detected[0]!.episode.chapters.map((chapter) => chapter.start)).toEqual(fixture.expected.starts);
    expect(detected[0]!.episode.audioUrl).toBe(fixture.expected.audioUrl);
  });
});

describe('a page without playable audio', () => {
  const fixtures = OWN_SITES.filter((fixture) => fixture.expected.audioUrl === null);

  it('is among the fixtures (a plain post, an embed-only post)', () => {
    expect(fixtures.length).toBeGreaterThanOrEqual(2);
  });

  it.each(fixtures.map((fixture) => [fixture.family, fixture] as const))(
    '%s: a click says why it cannot play',
    (_, fixture) => {
      const [detected] = scanPage(documentFrom(fixture.html), fixture.url);
      const plan = planPlayback(
        {
          media: detected!.media ?? null,
          seekable: detected!.adapter.seekable,
          audioUrl: detected!.episode.audioUrl,
          episodeUrl: detected!.episode.url,
          siteName: detected!.adapter.name,
          timeUrl: null,
          playerUrl: detected!.meta.playerUrl ?? null,
        },
        detected!.episode.chapters[1]!.start,
      );
      expect(plan.kind).toBe('unavailable');
      expect(plan.kind === 'unavailable' && plan.reason).toMatch(/no audio Stackcast can play/);
      if (fixture.expected.playerUrl)
        expect(plan.kind === 'unavailable' && plan.reason).toMatch(/page's own player \(an embed/);
    },
  );
});

describe('a table of contents and a long transcript', () => {
  it.each([transcriptBracketed, transcriptRound].map((fixture) => [fixture.family, fixture] as const))(
    '%s: one episode whose notes hold the contents',
    (_, fixture) => {
      const found = genericAdapter.findEpisodes(documentFrom(fixture.html), new URL(fixture.url));
      expect(found).toHaveLength(1);
      const notes = found[0]!.notes!;
      expect(notes.textContent).toContain('Plugins and the module graph');
      expect(notes.querySelectorAll('.transcript p').length).toBe(130);
      expect(found[0]!.meta).toMatchObject({
        title: fixture.expected.title,
        url: fixture.expected.url,
        audioUrl: fixture.expected.audioUrl,
      });
    },
  );

  it.each([transcriptBracketed, transcriptRound].map((fixture) => [fixture.family, fixture] as const))(
    '%s: the chapters are the contents, not the utterances',
    (_, fixture) => {
      const detected = scanPage(documentFrom(fixture.html), fixture.url);
      expect(detected).toHaveLength(1);
      expect(detected[0]!.episode.chapters.map((chapter) => chapter.start)).toEqual(fixture.expected.starts);
    },
  );
});

describe('an own site’s listing pages still give one episode per post', () => {
  const posts = [
    { slug: 'ep-3', title: 'Ep 3: Caches', times: ['0:00 Hi', '5:10 Keys', '14:40 Purges'] },
    { slug: 'ep-2', title: 'Ep 2: Queues', times: ['0:00 Hi', '3:30 Retries', '11:05 Dead letters'] },
    { slug: 'ep-1', title: 'Ep 1: Logs', times: ['0:00 Hi', '7:45 Structured logs', '19:20 Retention'] },
  ];
  const seconds = (time: string) =>
    time
      .split(' ')[0]!
      .split(':')
      .reduce((total, part) => total * 60 + Number(part), 0);

  it.each([
    [
      'a blog archive of posts (article per post)',
      (post: (typeof posts)[number]) =>
        `<article class="post"><h2 class="entry-title"><a href="/${post.slug}/">${post.title}</a></h2><div class="entry-content"><p>${post.times.join('<br>')}</p></div></article>`,
    ],
    [
      'cards without articles, each title linking to its page',
      (post: (typeof posts)[number]) =>
        `<div class="card"><h3><a href="/${post.slug}/">${post.title}</a></h3><p>${post.times.join('<br>')}</p></div>`,
    ],
  ])('%s', (_, render) => {
    const html = `<!DOCTYPE html><html><head><title>Episodes – Small Show</title></head><body><header><a href="/" rel="home">Small Show</a></header><main><h1>Episodes</h1>${posts.map(render).join('')}</main><aside class="sidebar"><p>Live at 18:00 and 20:30</p></aside></body></html>`;
    const detected = scanPage(documentFrom(html), 'https://smallshow.example/episodes/');
    expect(detected.map((item) => [item.episode.title, item.episode.url])).toEqual(
      posts.map((post) => [post.title, `https://smallshow.example/${post.slug}/`]),
    );
    detected.forEach((item, index) =>
      expect(item.episode.chapters.map((chapter) => chapter.start)).toEqual(posts[index]!.times.map(seconds)),
    );
  });
});

describe('one post’s notes in shapes that make several blocks or one small one', () => {
  const page = (article: string) =>
    documentFrom(
      `<!DOCTYPE html><html><head><title>Show 90 - Tools</title><link rel="canonical" href="https://tools.example/show/90"></head><body><main><article><h1>Show 90: Tools</h1>${article}</article></main></body></html>`,
    );

  it('topics as nested lists under section bullets (each sub-list a block, one shape) are one episode', () => {
    const doc = page(
      `<h2>Show Notes</h2><ul><li>Notebooks<ul><li>03:43 Valtown.</li><li>05:44 Observable.</li></ul></li><li>Hosting<ul><li>11:05 CSS services.</li><li>11:10 CodePen.</li></ul></li><li>Storage<ul><li>26:51 Files.</li><li>29:00 SQLite.</li></ul></li></ul>`,
    );
    const detected = scanPage(doc, 'https://tools.example/show/90');
    expect(detected).toHaveLength(1);
    expect(detected[0]!.episode.chapters.map((chapter) => chapter.start)).toEqual([
      223, 344, 665, 670, 1611, 1740,
    ]);
  });

  it('a topic a paragraph, one paragraph quoting a second time: every topic, not just that paragraph', () => {
    const doc = page(
      `<h2>Show Notes</h2><p>03:11 - Q: Will Cypress replace Selenium?</p><p>11:13 - Q: Do students need recursion?</p><p>15:41 - Q: Coding on an iPad?</p><p>48:50 - Q: Laid off at 9:30 on a Monday, what now?</p><p>55:02 - Sick picks</p>`,
    );
    const detected = scanPage(doc, 'https://tools.example/show/90');
    expect(detected).toHaveLength(1);
    expect(detected[0]!.episode.chapters.map((chapter) => chapter.start)).toEqual([
      191, 673, 941, 2930, 3302,
    ]);
  });
});

describe('blocks only the whole page holds together', () => {
  it('are read apart: the notes keep their chapters beside a page-wide run of times', () => {
    const notes = ['0:00 Hello', '3:10 Why RabbitMQ', '9:45 Moving to Kafka']
      .map((line) => `<p>${line}</p>`)
      .join('');
    const times = Array.from(
      { length: 400 },
      (_, i) => `<span>${Math.floor(i / 60)}:${String(i % 60).padStart(2, '0')}</span>`,
    ).join(' ');
    const doc = documentFrom(
      `<!DOCTYPE html><html><head><title>Notes</title></head><body><h1>${'x'.repeat(300_000)}</h1><div class="notes">${notes}</div><section>${times}</section></body></html>`,
    );
    const detected = scanPage(doc, 'https://queues.example/notes');
    expect(detected.map((item) => item.episode.chapters.map((chapter) => chapter.start))).toEqual([
      [0, 190, 585],
    ]);
  });
});

describe('where a post’s times are', () => {
  const post = (inside: string, after = '') =>
    documentFrom(
      `<!DOCTYPE html><html><head><title>Ep 9 | Small Show</title><meta property="og:site_name" content="Small Show"></head><body><main><article><h1>Ep 9: Caching</h1>${inside}</article>${after}</main></body></html>`,
    );
  const url = 'https://smallshow.example/ep-9/';

  it('a post without a chapter list whose comments and sidebar carry times gives no episode', () => {
    const doc = post(
      '<div class="entry-content"><p>We talk about caching. Recorded March 3 at 10:30.</p></div>',
      '<section id="comments"><div class="comment"><p>At 12:30 and 14:05, yes!</p></div><div class="comment"><p>Loved 33:10 and 35:20.</p></div></section><aside class="widget-area"><ul><li><a href="/ep-8/">Ep 8</a> 41:02</li><li><a href="/ep-7/">Ep 7</a> 39:40</li></ul></aside>',
    );
    expect(scanPage(doc, url)).toEqual([]);
  });

  it('notes a theme put in an <aside> are still read when nothing else has times', () => {
    const doc = post('<aside class="show-notes"><p>0:00 Hello<br>6:20 Keys<br>18:45 Purges</p></aside>');
    const detected = scanPage(doc, url);
    expect(
      detected.map((item) => [item.episode.title, item.episode.chapters.map((chapter) => chapter.start)]),
    ).toEqual([['Ep 9: Caching', [0, 380, 1125]]]);
  });

  it('a chapter table (time, topic) in the post', () => {
    const doc = post(
      '<table><tr><th>Time</th><th>Topic</th></tr><tr><td>00:00</td><td>Hello</td></tr><tr><td>06:20</td><td>Keys</td></tr><tr><td>18:45</td><td>Purges</td></tr></table>',
    );
    expect(scanPage(doc, url).map((item) => item.episode.chapters.map((chapter) => chapter.start))).toEqual([
      [0, 380, 1125],
    ]);
  });
});

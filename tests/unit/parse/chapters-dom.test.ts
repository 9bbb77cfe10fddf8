// DOM input: list items, links that carry times, the site's seek links with typo-ed text, inline code in titles.
// Fixtures are written here by hand, imitating runninginproduction.com episode pages (2026) and Transistor share pages.
import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { parseChapters } from '@/utils/parse/chapters';
import { hrefTime, parseTimeValue } from '@/utils/parse/chapters-links';

function body(html: string): HTMLElement {
  return parseHTML(`<!doctype html><html><head><title>t</title></head><body>${html}</body></html>`).document
    .body;
}

const simple = (html: string, durationSeconds?: number) =>
  parseChapters(body(html), { durationSeconds }).chapters.map((c) => ({ start: c.start, title: c.title }));

describe('DOM input', () => {
  it('reads list items, one topic each, with inline code kept inside the title', () => {
    const html = `<h2 id="topics-include">Topics Include</h2><ul>
      <li>49:25 – Thinking that all users are out to get you</li>
      <li>50:18 – <code>Plug.Upload</code> goes straight to S3 to handle file uploads</li>
      <li>51:31 – Best tips? Profile and <em>load test</em> your app</li></ul>`;
    expect(simple(html)).toEqual([
      { start: 2965, title: 'Thinking that all users are out to get you' },
      { start: 3018, title: 'Plug.Upload goes straight to S3 to handle file uploads' },
      { start: 3091, title: 'Best tips? Profile and load test your app' },
    ]);
  });

  it('reads the site’s seek links, and trusts the visible text over a typo-ed data-audio-seek', () => {
    // runninginproduction.com turns the typo `1:04-22` into wrong seconds (64 + 22); the text means 1:04:22.
    const html = `<ul>
      <li><a href="#" data-audio-seek="3690" class="audio-seek">1:01:30</a> – Alerts go to Slack</li>
      <li><a href="#" data-audio-seek="86" class="audio-seek">1:04-22</a> – Various alarms and alerts get sent through DataDog</li>
      <li><a href="#" data-audio-seek="4022" class="audio-seek">1:07:02</a> – Backups</li></ul>`;
    expect(simple(html)).toEqual([
      { start: 3690, title: 'Alerts go to Slack' },
      { start: 3862, title: 'Various alarms and alerts get sent through DataDog' },
      { start: 4022, title: 'Backups' },
    ]);
  });

  it('reads times from #t= links whose text is the title', () => {
    const html = `<p>Chapters</p><ul>
      <li><a href="#t=0">Welcome</a></li>
      <li><a href="#t=2m26s">Why Elixir</a></li>
      <li><a href="#t=1:05:10">Deploys</a></li></ul>`;
    expect(simple(html)).toEqual([
      { start: 0, title: 'Welcome' },
      { start: 146, title: 'Why Elixir' },
      { start: 3910, title: 'Deploys' },
    ]);
  });

  it('reads Transistor-style items: (<a href="#t=2m26s">02:26</a>) - Title', () => {
    const html = `<p>(<a href="#t=0m0s">00:00</a>) - Intro<br>(<a href="#t=2m26s">02:26</a>) - The stack<br>(<a href="?t=605">10:05</a>) - Hosting</p>`;
    expect(simple(html)).toEqual([
      { start: 0, title: 'Intro' },
      { start: 146, title: 'The stack' },
      { start: 605, title: 'Hosting' },
    ]);
  });

  it('ignores times in links to other pages (a reference to another video at ?t=600)', () => {
    const html = `<p>Links</p><ul><li><a href="https://youtu.be/abc?t=600">RailsConf talk</a></li><li><a href="https://example.com/#t=30">Other</a></li></ul>`;
    expect(simple(html)).toEqual([]);
  });

  it('leaves out times past the known duration, from text or links', () => {
    const html = `<ul><li>0:00 – Intro</li><li>10:00 – Middle</li><li><a href="#t=5000">Bonus</a></li></ul>`;
    expect(simple(html, 1200)).toEqual([
      { start: 0, title: 'Intro' },
      { start: 600, title: 'Middle' },
    ]);
  });

  it('skips scripts and styles that hold times', () => {
    const html = `<script>var player = {"duration":"01:14:31", "at": "0:00"}</script><style>.a{}</style><p>0:00 – Intro<br>3:10 – Next</p>`;
    expect(simple(html)).toEqual([
      { start: 0, title: 'Intro' },
      { start: 190, title: 'Next' },
    ]);
  });
});

describe('times in links', () => {
  it.each([
    ['105', 105],
    ['105.7', 105],
    ['1m45s', 105],
    ['1h2m3s', 3723],
    ['45s', 45],
    ['1:45', 105],
    ['105,200', 105],
    ['abc', null],
    ['', null],
  ])('parseTimeValue(%j) = %j', (raw, seconds) => {
    expect(parseTimeValue(raw)).toBe(seconds);
  });

  it.each([
    ['#t=105', null, 105],
    ['#t=1m45s', null, 105],
    ['#1:45', null, 105],
    ['?t=105', null, 105],
    ['?v=x&t=105#frag', null, 105],
    ['https://example.com/ep/1?t=105', 'https://example.com/ep/1', 105],
    ['https://example.com/ep/2?t=105', 'https://example.com/ep/1', null],
    ['https://youtube.com/watch?v=B&t=105', 'https://youtube.com/watch?v=A', null],
    ['#%E0%A4%A', null, null],
  ])('hrefTime(%j, %j) = %j', (href, page, seconds) => {
    expect(hrefTime(href, page ? new URL(page) : null)).toBe(seconds);
  });
});

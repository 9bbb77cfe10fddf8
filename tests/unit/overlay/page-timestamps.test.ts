// In-page timestamps: wrapped in place as text, page links only marked, idempotent, capped, reversible.
import { describe, expect, it } from 'vitest';
import { parseHTML } from 'linkedom';
import {
  findPageTimestamps,
  linkTimestamps,
  seekTargetOf,
  unlinkTimestamps,
} from '@/utils/overlay/page-timestamps';

function notesOf(html: string) {
  const { document } = parseHTML(`<!DOCTYPE html><html><body><div id="notes">${html}</div></body></html>`);
  return { document, notes: document.getElementById('notes')! };
}

describe('linkTimestamps', () => {
  it('wraps each timestamp of glued text in a span with its seconds, leaving the rest as text', () => {
    const { notes } = notesOf('<p>Timestamps:00:00 From A to B06:18 Next topic14:03 Third</p>');
    expect(linkTimestamps(notes)).toBe(3);
    const spans = [...notes.querySelectorAll('span[data-stackcast-seek]')];
    expect(spans.map((s) => s.getAttribute('data-stackcast-seek'))).toEqual(['0', '378', '843']);
    expect(spans.map((s) => s.textContent)).toEqual(['00:00', '06:18', '14:03']);
    expect(notes.textContent).toBe('Timestamps:00:00 From A to B06:18 Next topic14:03 Third');
  });

  it('marks the page’s own links instead of wrapping inside them, and is idempotent', () => {
    const { notes } = notesOf(
      '<ul><li><a href="#" data-audio-seek="105" class="audio-seek">1:45</a> – Overview</li><li><a href="#">7:01</a> – Compute</li></ul>',
    );
    expect(linkTimestamps(notes)).toBe(2);
    expect(linkTimestamps(notes)).toBe(2);
    const links = [...notes.querySelectorAll('a')];
    expect(links.map((a) => a.getAttribute('data-stackcast-seek'))).toEqual(['105', '421']);
    expect(notes.querySelectorAll('span').length).toBe(0);
    expect(links[0]!.getAttribute('data-audio-seek')).toBe('105');
  });

  it('never treats markup-looking text as markup, and skips times past the duration', () => {
    const { notes } = notesOf('<p>0:30 &lt;img src=x onerror=alert(1)&gt; then 2:00:00 way later</p>');
    linkTimestamps(notes, { durationSeconds: 3_600 });
    expect(notes.querySelector('img')).toBeNull();
    expect([...notes.querySelectorAll('[data-stackcast-seek]')].map((s) => s.textContent)).toEqual(['0:30']);
  });

  it('caps how many timestamps it links', () => {
    const lines = Array.from({ length: 50 }, (_, i) => `<p>${i}:00 Topic ${i}</p>`).join('');
    const { notes } = notesOf(lines);
    expect(linkTimestamps(notes, { max: 10 })).toBe(10);
    expect(notes.querySelectorAll('[data-stackcast-seek]').length).toBe(10);
  });

  it('unlinks back to the original text and finds the seconds of a clicked element', () => {
    const { notes } = notesOf('<p>Intro 1:45 – Overview</p><p><a href="#">7:01</a></p>');
    linkTimestamps(notes);
    const span = notes.querySelector('span[data-stackcast-seek]')!;
    expect(seekTargetOf(span)?.seconds).toBe(105);
    unlinkTimestamps(notes);
    expect(notes.querySelectorAll('[data-stackcast-seek]').length).toBe(0);
    expect(notes.querySelector('p')!.childNodes.length).toBe(1);
    expect(notes.textContent).toBe('Intro 1:45 – Overview7:01');
  });
});

describe('findPageTimestamps', () => {
  const found = (text: string) =>
    findPageTimestamps(text).map((hit) => [text.slice(hit.index, hit.index + hit.length), hit.seconds]);

  it('finds clean times in prose but no time of day, ratio or version', () => {
    expect(found('Skip to 12:30 for the demo; not 10:30 am, 9:00PM, 16:9 or v1:20.')).toEqual([
      ['12:30', 750],
    ]);
  });

  it('reads hours, and times glued to the words around them', () => {
    expect(found('Intro:00:00 Setup1:02:03 Wrap-up 61:05')).toEqual([
      ['00:00', 0],
      ['1:02:03', 3723],
      ['61:05', 3665],
    ]);
  });

  it('skips runs of digits and colons that are not one time, and impossible seconds', () => {
    expect(found('1:02:03:04 or 123:45 or 12:345 or 3:75 or 1:75:00')).toEqual([]);
  });
});

// The overlay's bounded scan: episodes found once and parsed one at a time give what scanPage gives, and
// capped text reads stop early without changing the text they keep. Pages here are written for these tests.
import { describe, expect, it } from 'vitest';
import { parseHTML } from 'linkedom';
import { detectEpisode, findPageEpisodes, scanPage } from '@/utils/sites/scan';
import { nodeToText, renderNodeText, textLongerThan } from '@/utils/parse/text';

const LISTING_URL = 'https://podcasts.example/show/stack-talk';

function listingHtml(count: number): string {
  const items = Array.from(
    { length: count },
    (_, i) => `<li class="episode"><h3><a href="/show/stack-talk/${i % 4 === 3 ? 1 : i}">Episode ${i}</a></h3>
      <p>We talk Postgres and Redis. 0:00 – Intro 4:${String(10 + i).padStart(2, '0')} – Queues 12:30 – Databases 25:00 – Wrap-up</p></li>`,
  );
  return `<!DOCTYPE html><html><head><title>Stack Talk</title></head><body><h1>Stack Talk</h1><ol>${items.join('\n')}</ol></body></html>`;
}

describe('findPageEpisodes + detectEpisode', () => {
  it('parse, in any order, to exactly what scanPage returns', () => {
    const { document } = parseHTML(listingHtml(12));
    const whole = scanPage(document, LISTING_URL).map((item) => item.episode);
    const page = findPageEpisodes(document, LISTING_URL)!;
    expect(page.found.length).toBe(12);
    const backwards = page.found.map((_, i) => page.found.length - 1 - i).map((i) => detectEpisode(page, i));
    const pieces = backwards
      .reverse()
      .filter((item) => item !== null)
      .map((item) => item.episode);
    expect(pieces).toEqual(whole);
    expect(pieces.length).toBe(12);
  });

  it('give a repeated episode URL a distinct id, whatever order the episodes are parsed in', () => {
    const { document } = parseHTML(listingHtml(8));
    const page = findPageEpisodes(document, LISTING_URL)!;
    expect(new Set(page.ids).size).toBe(8);
    expect(page.ids[3]).toBe('https://podcasts.example/show/stack-talk/1#3');
    expect(detectEpisode(page, 3)!.episode.id).toBe(page.ids[3]);
  });

  it('return null for an unreadable URL and for an index past the end', () => {
    const { document } = parseHTML(listingHtml(1));
    expect(findPageEpisodes(document, 'not a url')).toBeNull();
    expect(detectEpisode(findPageEpisodes(document, LISTING_URL)!, 5)).toBeNull();
  });

  it('parse only the first maxNotesChars of huge notes', () => {
    const prose = '<p>We moved billing to a queue and the pager got quieter. </p>'.repeat(20_000);
    const { document } = parseHTML(
      `<!DOCTYPE html><html><body><div class="notes"><p>0:00 Intro</p><p>4:10 Queues</p>${prose}<p>59:00 Lost past the cap</p></div></body></html>`,
    );
    const [capped] = scanPage(document, 'https://example.com/huge', { maxNotesChars: 10_000 });
    expect(capped!.episode.chapters.map((chapter) => chapter.start)).toEqual([0, 250]);
  });
});

describe('capped text reads', () => {
  const html = `<div><p>1:45 – <a href="#t=105">Overview</a></p>${'<p>Lorem   ipsum dolor sit amet.</p>'.repeat(500)}<pre>a\nb</pre></div>`;

  it('keep exactly the first maxChars of the full text, marks included', () => {
    const { document } = parseHTML(`<!DOCTYPE html><html><body>${html}</body></html>`);
    const root = document.querySelector('div')!;
    const full = renderNodeText(root, (element) => element.getAttribute('href'));
    for (const max of [1, 10, 1_000, 9_999, full.text.length, full.text.length + 5]) {
      const capped = renderNodeText(root, (element) => element.getAttribute('href'), { maxChars: max });
      expect(capped.text).toBe(full.text.slice(0, max));
      expect(capped.marks.every((mark) => mark.end <= capped.text.length)).toBe(true);
    }
    expect(renderNodeText(root, (element) => element.getAttribute('href'), { maxChars: 8 }).marks).toEqual([
      { start: 7, end: 8, value: '#t=105' },
    ]);
  });

  it('tell whether text is longer than a bound the way textContent would, script text included', () => {
    const { document } = parseHTML(
      '<!DOCTYPE html><html><body><div id="d"><p>abc</p><script>12345</script><p>de</p></div></body></html>',
    );
    const div = document.getElementById('d')!;
    const length = div.textContent!.length;
    expect(length).toBe(10);
    expect(textLongerThan(div, length - 1)).toBe(true);
    expect(textLongerThan(div, length)).toBe(false);
    expect(textLongerThan(div, 0)).toBe(true);
  });

  it('read one huge text node piecewise with the same result', () => {
    const { document } = parseHTML('<!DOCTYPE html><html><body><p id="p"></p></body></html>');
    const p = document.getElementById('p')!;
    p.textContent = 'word \n\t '.repeat(100_000);
    const full = nodeToText(p);
    expect(nodeToText(p, { maxChars: 70_000 })).toBe(full.slice(0, 70_000));
    expect(nodeToText(p, { maxChars: 70_000 }).length).toBe(70_000);
  });
});

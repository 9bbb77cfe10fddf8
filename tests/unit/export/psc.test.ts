// Podlove Simple Chapters: a well-formed XML document whose titles read back exactly as the page wrote them.
import { describe, expect, it } from 'vitest';
import { Window } from 'happy-dom';
import { PSC_NAMESPACE, toPsc } from '@/utils/export/psc';
import { HOSTILE_TITLES, makeEpisode } from './episode';

/** A strict reading of the exact document shape we write, on top of the XML parser's own well-formedness check. */
const STRICT_PSC =
  /^<\?xml version="1\.0" encoding="UTF-8"\?>\n(<!--(?:(?!--)[^])*[^-]-->\n)?<psc:chapters version="1\.2" xmlns:psc="http:\/\/podlove\.org\/simple-chapters">\n( {2}<psc:chapter start="\d{2,}:\d{2}:\d{2}(\.\d{3})?" title="(?:[^"<&\n]|&(?:amp|lt|gt|quot|apos);)*"\/>\n)*<\/psc:chapters>\n$/;

/** Parse as XML (happy-dom reports well-formedness errors as <parsererror>) and read the chapters back. */
function readBack(xml: string): { start: string | null; title: string | null }[] {
  const window = new Window();
  const document = new window.DOMParser().parseFromString(xml, 'application/xml');
  expect(document.getElementsByTagName('parsererror')).toHaveLength(0);
  expect(document.documentElement.namespaceURI).toBe(PSC_NAMESPACE);
  return [...document.getElementsByTagName('psc:chapter')].map((element) => ({
    start: element.getAttribute('start'),
    title: element.getAttribute('title'),
  }));
}

describe('toPsc', () => {
  it('writes the root with version 1.2 and the namespace, one chapter element each', () => {
    const xml = toPsc(makeEpisode());
    expect(xml).toMatch(STRICT_PSC);
    expect(xml).toContain(`<psc:chapters version="1.2" xmlns:psc="${PSC_NAMESPACE}">`);
    expect(readBack(xml)).toEqual([
      { start: '00:00:00', title: 'Intro' },
      { start: '00:01:45', title: 'Overview' },
      { start: '00:07:01', title: 'Splitting up compute' },
    ]);
  });

  it('escapes hostile titles so the document stays well-formed and reads back as one-line text', () => {
    const chapters = HOSTILE_TITLES.map((title, index) => ({ start: index * 10, title }));
    const xml = toPsc(makeEpisode({ title: 'Ep -- one -', chapters }));
    expect(xml).toMatch(STRICT_PSC);
    const titles = readBack(xml).map((chapter) => chapter.title);
    expect(titles[3]).toBe('<script>alert(1)</script> & "quotes" \'apostrophes\'');
    expect(titles[1]).toBe('line one line two');
    expect(titles[8]).toBe('control chars');
  });

  it('writes an empty root for an episode without chapters', () => {
    const xml = toPsc(makeEpisode({ title: null, chapters: [] }));
    expect(xml).toMatch(STRICT_PSC);
    expect(readBack(xml)).toEqual([]);
  });
});

// DOM → logical lines, on linkedom and happy-dom documents (no browser globals).
import { Window } from 'happy-dom';
import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { nodeToText, renderNodeText } from '@/utils/parse/text';

const HTML = `<div id="notes"><h2>Topics   Include</h2>
  <ul><li>1:45 – <code>Plug.Upload</code> goes <a href="#">straight</a> to <em>S3</em></li>
  <li>2:00 –
     Next&nbsp;one</li></ul>
  <p>Line one<br>Line two</p><script>var t = "0:00";</script><style>p{}</style>
  <div hidden>secret 9:99</div><span>inline</span> <b>bold</b><pre>a  b
c</pre></div>`;

const EXPECTED = [
  'Topics Include',
  '1:45 – Plug.Upload goes straight to S3',
  '2:00 – Next one',
  'Line one',
  'Line two',
  'inline bold',
  'a b',
  'c',
].join('\n');

describe('nodeToText', () => {
  it('on linkedom: blocks, list items and <br> break lines; inline markup stays; scripts and hidden text go', () => {
    const { document } = parseHTML(`<!doctype html><html><body>${HTML}</body></html>`);
    expect(nodeToText(document.getElementById('notes')!)).toBe(EXPECTED);
  });

  it('on happy-dom: the same text', () => {
    const window = new Window();
    window.document.body.innerHTML = HTML;
    expect(nodeToText(window.document.getElementById('notes') as unknown as Node)).toBe(EXPECTED);
  });

  it('reads a whole document without its <head>', () => {
    const { document } = parseHTML(
      '<html><head><title>Title 1:00</title></head><body><p>Body</p></body></html>',
    );
    expect(nodeToText(document)).toBe('Body');
  });

  it('handles deep nesting without recursion', () => {
    const { document } = parseHTML(
      `<html><body>${'<div>'.repeat(20_000)}deep${'</div>'.repeat(20_000)}</body></html>`,
    );
    expect(nodeToText(document.body)).toBe('deep');
  });
});

describe('renderNodeText', () => {
  it('records where annotated elements sit in the text', () => {
    const { document } = parseHTML(
      '<ul><li><a data-audio-seek="105">1:45</a> – Overview</li><li><a data-audio-seek="421">7:01</a> – Next</li></ul>',
    );
    const { text, marks } = renderNodeText(document, (el) => el.getAttribute('data-audio-seek'));
    expect(text).toBe('1:45 – Overview\n7:01 – Next');
    expect(marks.map((m) => [text.slice(m.start, m.end), m.value])).toEqual([
      ['1:45', '105'],
      ['7:01', '421'],
    ]);
  });
});

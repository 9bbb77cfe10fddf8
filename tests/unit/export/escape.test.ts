// Escaping for the hand-written export formats: page text must come out as exactly that text.
import { describe, expect, it } from 'vitest';
import { exportTitle, markdownEscape, oneLine, safeHttpUrl, xmlEscape } from '@/utils/export/escape';
import { HOSTILE_TITLES } from './episode';

describe('oneLine', () => {
  it('folds every kind of line break and whitespace run into one space', () => {
    expect(oneLine('  a\n\n b\r\nc\td\u2028e\u2029f\u0085g  ')).toBe('a b c d e f g');
  });
  it('drops characters no text format can carry', () => {
    expect(oneLine('a\u0000b\u0007c\ud800d')).toBe('abcd');
  });
  it('keeps surrogate pairs (emoji) whole', () => {
    expect(oneLine('mic 🎙️')).toBe('mic 🎙️');
  });
});

describe('xmlEscape', () => {
  it('escapes the five XML specials', () => {
    expect(xmlEscape(`a & b < c > d " e ' f`)).toBe('a &amp; b &lt; c &gt; d &quot; e &apos; f');
  });
  it('does not double-escape what it produces, and escapes existing entities', () => {
    expect(xmlEscape('&amp;')).toBe('&amp;amp;');
  });
  it('drops characters XML 1.0 forbids', () => {
    expect(xmlEscape('a\u0001b\uFFFEc')).toBe('abc');
  });
});

describe('markdownEscape', () => {
  it('neutralises links, images, emphasis, code, HTML and tables', () => {
    const escaped = markdownEscape('[click](javascript:alert(1)) ![i](x) *b* _e_ `c` <b> | ~s~ & #h');
    expect(escaped).toBe(
      '\\[click\\]\\(javascript:alert\\(1\\)\\) \\!\\[i\\]\\(x\\) \\*b\\* \\_e\\_ \\`c\\` \\<b\\> \\| \\~s\\~ \\& \\#h',
    );
  });
  it('escapes list and heading markers at the start of the text only', () => {
    expect(markdownEscape('1. first')).toBe('1\\. first');
    expect(markdownEscape('- item - with dash')).toBe('\\- item - with dash');
    expect(markdownEscape('=== underline')).toBe('\\=== underline');
    expect(markdownEscape('Node.js and Ruby-on-Rails')).toBe('Node.js and Ruby-on-Rails');
  });
  it('keeps each hostile title on one line with no unescaped link syntax', () => {
    for (const title of HOSTILE_TITLES) {
      const escaped = markdownEscape(title);
      expect(escaped).not.toMatch(/[\n\r]/);
      expect(escaped).not.toMatch(/(^|[^\\])[[\]()<>`*_]/);
    }
  });
  it('escapes backslashes so they cannot escape our own escapes', () => {
    expect(markdownEscape('a\\*b')).toBe('a\\\\\\*b');
  });
});

describe('safeHttpUrl', () => {
  it('accepts http and https and encodes characters that would end a Markdown link', () => {
    expect(safeHttpUrl('https://example.com/a (b)')).toBe('https://example.com/a%20%28b%29');
    expect(safeHttpUrl('http://example.com/x?y=<z>')).toBe('http://example.com/x?y=%3Cz%3E');
  });
  it('rejects every other scheme, relative and broken URLs', () => {
    for (const value of [
      'javascript:alert(1)',
      'JAVASCRIPT:alert(1)',
      'data:text/html,x',
      'file:///etc/passwd',
      '/relative',
      'not a url',
      '',
      null,
      undefined,
    ]) {
      expect(safeHttpUrl(value)).toBeNull();
    }
  });
});

describe('exportTitle', () => {
  it('numbers chapters whose title is empty after folding', () => {
    expect(exportTitle(' \n ', 0)).toBe('Chapter 1');
    expect(exportTitle(' Intro ', 3)).toBe('Intro');
  });
});

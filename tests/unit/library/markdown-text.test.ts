// The reading list's fast Markdown escaping is exactly markdownEscape, on any text.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { markdownEscape } from '@/utils/export/escape';
import { markdownText } from '@/utils/library/export/markdown-text';

/** Characters that exercise every branch: specials, list markers, all kinds of whitespace, controls, surrogates. */
const TRICKY = [
  ...'ab1 9.)-=\\`*_{}[]()<>#+!|~&\t\n\r\v\f\u0000\u0007\u001f\u0085\u00a0\u2028\u2029\u3000\ufeff\ufffe\uffff\ud83d\ude00\ud800\udc00é',
];

describe('markdownText', () => {
  it('equals markdownEscape on arbitrary Unicode text', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 40 }), (text) => {
        expect(markdownText(text)).toBe(markdownEscape(text));
      }),
      { numRuns: 3_000 },
    );
  });

  it('equals markdownEscape on text built from the tricky characters', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...TRICKY), { maxLength: 12 }), (chars) => {
        const text = chars.join('');
        expect(markdownText(text)).toBe(markdownEscape(text));
      }),
      { numRuns: 5_000 },
    );
  });

  it.each([
    'Scaling (part 1)',
    '1. First',
    '12) x',
    '- dash',
    '=== rule',
    'a  b',
    ' lead',
    'trail ',
    'tab\there',
    '',
    'Node.js & Rails',
  ])('%j', (text) => {
    expect(markdownText(text)).toBe(markdownEscape(text));
  });
});

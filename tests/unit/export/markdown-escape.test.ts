// markdownEscape's shortcut for text that is already one clean line gives exactly what the plain rule does:
// fold to one line, backslash every Markdown special, defuse autolinks, escape a leading list marker.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { markdownEscape } from '@/utils/export/escape';
import { plainMarkdownEscape } from './plain-markdown-escape';

/** Characters that exercise every branch: specials, list markers, all kinds of whitespace, controls, surrogates. */
const TRICKY = [
  ...'ab1 9.)-=\\`*_{}[]()<>#+!|~&\t\n\r\v\f\u0000\u0007\u001f\u0085\u00a0\u2028\u2029\u3000\ufeff\ufffe\uffff\ud83d\ude00\ud800\udc00é',
];

describe('markdownEscape against the plain rule', () => {
  it('equals the plain rule on arbitrary Unicode text', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 40 }), (text) => {
        expect(markdownEscape(text)).toBe(plainMarkdownEscape(text));
      }),
      { numRuns: 3_000 },
    );
  });

  it('equals the plain rule on text built from the tricky characters', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...TRICKY), { maxLength: 12 }), (chars) => {
        const text = chars.join('');
        expect(markdownEscape(text)).toBe(plainMarkdownEscape(text));
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
    expect(markdownEscape(text)).toBe(plainMarkdownEscape(text));
  });
});

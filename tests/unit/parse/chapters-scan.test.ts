// The timestamp scan finds clusters with a regular expression: same occurrences as the character loop it replaced.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { scanTimestamps } from '@/utils/parse/chapters-scan';
import { scanTimestamps as scanTimestampsByCharacter } from './chapters-scan-oracle';

describe('scanTimestamps', () => {
  it('finds the same occurrences as the character loop, URLs, ranges and glued text included', () => {
    const pieces = fc.constantFrom(
      '1:45',
      '01:02:03',
      '12:30',
      '0:00',
      '5:30',
      '1:04-22',
      '99:99',
      '1:2:3:4',
      '123',
      '4',
      ':',
      '::',
      ' ',
      '\n',
      '\t',
      '\u00a0',
      '-',
      ' – ',
      ' / ',
      ' of ',
      'https://',
      'http://x.io/',
      'www.',
      'Www.',
      'wwww.',
      'w',
      '/',
      '.',
      ',',
      'am',
      ' PM',
      'John ',
      'Duration ',
      'Mark',
      '(',
      ')',
      '[',
      ']',
      'Intro',
      'é',
      '=',
      '$',
      'v',
      'T',
      'Z',
      '+02:00',
    );
    fc.assert(
      fc.property(
        fc.array(pieces, { maxLength: 40 }),
        fc.constantFrom(null, 600, 3600),
        (parts, duration) => {
          const text = parts.join('');
          expect(scanTimestamps(text, duration)).toEqual(scanTimestampsByCharacter(text, duration));
        },
      ),
      { numRuns: 3_000 },
    );
  });

  it('finds the same occurrences as the character loop on any string of digits, colons and separators', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^[0-9: \n/w.a-z-]{0,80}$/), (text) => {
        expect(scanTimestamps(text, null)).toEqual(scanTimestampsByCharacter(text, null));
      }),
      { numRuns: 3_000 },
    );
  });
});

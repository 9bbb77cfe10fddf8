// The tech scan's token table and lexicon: same tokens as tokenize, every catalog spelling found by its number.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { CLAUSE_WORD, CUE_START, NAME_START, scanTechTokens, wordClasses } from '@/utils/tech/words';
import { TECHNOLOGIES } from '@/utils/tech/catalog';
import { Lexicon } from '@/utils/tech/lexicon';
import { scanTokens, tokenize } from '@/utils/tech/tokenize';

/** The table read back as tokenize's objects. */
function tableTokens(text: string) {
  const table = scanTechTokens(text);
  return Array.from({ length: table.length }, (_, i) => ({
    norm: table.norm(i),
    cased: table.cased(i),
    gap: table.gapName(i),
    start: table.starts[i],
    end: table.ends[i],
  }));
}

describe('scanTechTokens', () => {
  it('reads the same tokens as tokenize, possessives, C++, .NET and curly apostrophes included', () => {
    const text =
      "Let's Encrypt, .NET Core / C++ and C# — AWS' S3; Nginx's config isn’t DOCKER'S\nİstanbul Node.js";
    expect(tableTokens(text)).toEqual(tokenize(text));
  });

  it('reads the same tokens as tokenize on any text', () => {
    const pieces = fc.constantFrom(
      'Go',
      'go',
      'C++',
      'c#',
      '.NET',
      "it's",
      'isn’t',
      "AWS'",
      'S3',
      '-',
      ' ',
      ', ',
      '.',
      '\n',
      '(',
      'é',
      'İ',
      '’',
      "'",
      '#',
      '+',
    );
    fc.assert(
      fc.property(fc.array(pieces, { maxLength: 30 }), (parts) => {
        const text = parts.join('');
        expect(tableTokens(text)).toEqual(tokenize(text));
      }),
    );
  });

  it('finds every word of every catalog spelling in the lexicon, whatever its case', () => {
    for (const tech of TECHNOLOGIES) {
      for (const spelling of [tech.name, ...tech.aliases]) {
        const table = scanTechTokens(`${spelling} ${spelling.toUpperCase()}`);
        for (let i = 0; i < table.length; i++)
          expect(table.words[i], `${spelling}: ${table.norm(i)}`).not.toBe(0);
      }
    }
  });

  it('marks name starts, clause words and doubt cues', () => {
    const table = scanTechTokens("but Docker isn't used");
    const classes = wordClasses(table);
    expect(classes[0]! & CLAUSE_WORD).toBe(CLAUSE_WORD);
    expect(classes[1]! & NAME_START).toBe(NAME_START);
    expect(classes[2]! & CUE_START).toBe(CUE_START);
    expect(classes[3]! & CUE_START).toBe(CUE_START);
  });
});

describe('Lexicon', () => {
  it('numbers words from 1 and finds a span by its characters, ASCII capitals folded', () => {
    const lexicon = new Lexicon(['rails', 'c++', 'rails', 'node.js']);
    expect(lexicon.words).toEqual(['', 'rails', 'c++', 'node.js']);
    const table = scanTokens('RAILS on Node.js with C++ and Railsy', lexicon);
    expect(Array.from(table.words.subarray(0, table.length))).toEqual([1, 0, 3, 0, 2, 0, 0]);
    expect(table.norm(0)).toBe('rails');
    expect(table.norm(6)).toBe('railsy');
  });
});

/**
 * The tokens of `text` by the rules written out plainly: each UTF-16 unit becomes one class letter (`w` a letter,
 * digit or `_`; `n` a line break; `b` a clause mark; `l` a list mark; the marks tokens use kept as themselves), a
 * regular expression finds the tokens on that, and the marks between two tokens give the gap.
 */
function referenceTokens(text: string, lexicon?: Lexicon) {
  const classOf = (unit: string): string => {
    if (/^[\p{L}\p{N}_]$/u.test(unit)) return 'w';
    if (unit === '\n' || unit === '\r') return 'n';
    if (unit === '’') return "'";
    if ("'.#+- \t".includes(unit)) return unit;
    if ('!?;:()[]–—→'.includes(unit)) return 'b';
    if (',/&|'.includes(unit)) return 'l';
    return 'x';
  };
  const mask = Array.from({ length: text.length }, (_, i) => classOf(text[i]!)).join('');
  // A token: a word character (or a dot not after one, before one), then word characters, `.` or `'` before one,
  // `#` not before one, or `++`.
  const token = /(?:(?<!w)\.)?w(?:w|[.']w|#(?!w)|\+\+)*/g;
  const tokens = [];
  let previousEnd = -1;
  for (let match = token.exec(mask); match !== null; match = token.exec(mask)) {
    const start = match.index;
    let end = start + match[0].length;
    const between = mask.slice(Math.max(previousEnd, 0), start);
    // A hyphen breaks beside a space (not a tab) or before another hyphen; between two word characters it joins.
    const breaks = [...between].some((c, k) => {
      if (c === 'b' || c === '.') return true;
      if (c !== '-') return false;
      const at = Math.max(previousEnd, 0) + k;
      if (mask[at - 1] === 'w' && mask[at + 1] === 'w' && at > 0) return false;
      return mask[at + 1] === '-' || mask[at - 1] === ' ' || mask[at + 1] === ' ';
    });
    const gap =
      previousEnd < 0 || between.includes('n')
        ? 'line'
        : breaks
          ? 'break'
          : /[l+]/.test(between)
            ? 'list'
            : 'space';
    const raw = text.slice(start, end);
    let norm = raw.toLowerCase().replaceAll('’', "'");
    if (norm.endsWith("'s") && norm.length > 2) {
      norm = norm.slice(0, -2);
      end -= 2;
    }
    tokens.push([norm, raw !== raw.toLowerCase(), gap, start, end, lexicon ? lexicon.id(norm) : 0]);
    previousEnd = start + match[0].length;
  }
  return tokens;
}

describe('scanTokens', () => {
  /** Every column of a table, and each token's norm, as plain values. */
  const columns = (table: {
    length: number;
    norm(i: number): string;
    cased(i: number): boolean;
    gapName(i: number): string;
    starts: Int32Array;
    ends: Int32Array;
    words: Int32Array;
  }) =>
    Array.from({ length: table.length }, (_, i) => [
      table.norm(i),
      table.cased(i),
      table.gapName(i),
      table.starts[i],
      table.ends[i],
      table.words[i],
    ]);
  const lexicon = new Lexicon([
    'docker',
    'c++',
    'c#',
    '.net',
    'node.js',
    'let',
    'aws',
    's3',
    'go',
    'café',
    "isn't",
    'a_b',
  ]);

  it('reads the tokens the plain rules give, lexicon numbers included', () => {
    const pieces = fc.constantFrom(
      'Docker',
      'docker',
      'C++',
      'c+',
      'C#',
      'c##',
      '#',
      '.NET',
      '.',
      '..',
      "it's",
      "DOCKER'S",
      "AWS'",
      "'",
      '’',
      'isn’t',
      "isn't",
      'Node.js',
      'node.',
      'S3',
      'Go',
      'a_b',
      'café',
      'CAFÉ',
      'é',
      'İ',
      'ñ',
      '-',
      '--',
      ' - ',
      ' ',
      '\t',
      ', ',
      '/',
      '&',
      '+',
      '|',
      '\n',
      '\r',
      '(',
      ')',
      '–',
      '—',
      '→',
      '?',
      '!',
      ';',
      ':',
      '1',
      '42',
      'x',
      'Q',
      '😀',
    );
    fc.assert(
      fc.property(fc.array(pieces, { maxLength: 40 }), (parts) => {
        const text = parts.join('');
        expect(columns(scanTokens(text, lexicon))).toEqual(referenceTokens(text, lexicon));
        expect(columns(scanTokens(text))).toEqual(referenceTokens(text));
      }),
      { numRuns: 2_000 },
    );
  });

  it('reads the tokens the plain rules give on any string', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 60 }), (text) => {
        expect(columns(scanTokens(text, lexicon))).toEqual(referenceTokens(text, lexicon));
      }),
      { numRuns: 2_000 },
    );
  });
});

// The tech scan's token table and lexicon: same tokens as tokenize, every catalog spelling found by its number.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { CLAUSE_WORD, CUE_START, NAME_START, scanTechTokens, wordClasses } from '@/utils/parse/tech-words';
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
    const text = "Let's Encrypt, .NET Core / C++ and C# — AWS' S3; Nginx's config isn’t DOCKER'S\nİstanbul Node.js";
    expect(tableTokens(text)).toEqual(tokenize(text));
  });

  it('reads the same tokens as tokenize on any text', () => {
    const pieces = fc.constantFrom('Go', 'go', 'C++', 'c#', '.NET', "it's", 'isn’t', "AWS'", 'S3', '-', ' ', ', ', '.', '\n', '(', 'é', 'İ', '’', "'", '#', '+');
    fc.assert(fc.property(fc.array(pieces, { maxLength: 30 }), (parts) => {
      const text = parts.join('');
      expect(tableTokens(text)).toEqual(tokenize(text));
    }));
  });

  it('finds every word of every catalog spelling in the lexicon, whatever its case', () => {
    for (const tech of TECHNOLOGIES) {
      for (const spelling of [tech.name, ...tech.aliases]) {
        const table = scanTechTokens(`${spelling} ${spelling.toUpperCase()}`);
        for (let i = 0; i < table.length; i++) expect(table.words[i], `${spelling}: ${table.norm(i)}`).not.toBe(0);
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

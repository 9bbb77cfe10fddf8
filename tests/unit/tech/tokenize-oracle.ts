// Oracle for the token scan: scanTokens of utils/tech/tokenize.ts as it was before its ASCII fast path (commit 8c5df0e),
// every token read by the character loop with its ASCII class table (lexicon numbers looked up by the lowered span, as
// the old hash found them). Only the loop and its table are kept here; the token table, gaps and character tests of
// wider text are the module's own. Kept only so a property test can hold the fast path to the same tokens.
import type { Lexicon } from '@/utils/tech/lexicon';
import {
  Char,
  FLAG_CASED,
  FLAG_WIDE,
  GAP_BREAK,
  GAP_LINE,
  GAP_SPACE,
  gapOf,
  isApostrophe,
  isWordChar as isWideWordChar,
  TokenTable,
} from '@/utils/tech/tokenize';

/** ASCII classes: 1 a word character (digit, letter, `_`), 3 an upper-case letter (a word character too), else 0. */
const ASCII_WORD = (() => {
  const table = new Uint8Array(128);
  for (let code = 0; code < 128; code++) {
    if ((code >= 48 && code <= 57) || (code >= 97 && code <= 122) || code === Char.Underscore)
      table[code] = 1;
    else if (code >= 65 && code <= 90) table[code] = 3;
  }
  return table;
})();
const UPPER = 2;

/** The old word-character test: ASCII by the class table, wider code units as the module tests them. */
function isWordChar(code: number): boolean {
  return code < 128 ? ASCII_WORD[code] !== 0 : isWideWordChar(code);
}

/**
 * The tokens of `text` as the character loop read them, before the ASCII fast path.
 *
 * @example scanTokens('Docker, .NET').norm(1) // '.net'
 */
export function scanTokens(text: string, lexicon?: Lexicon): TokenTable {
  const table = new TokenTable(text, lexicon);
  const length = text.length;
  let gap = GAP_LINE;
  let i = 0;
  while (i < length) {
    const code = text.charCodeAt(i);
    // Spaces are the commonest non-word character and change nothing: skip them first.
    if (code === Char.Space || code === Char.Tab) {
      i++;
      continue;
    }
    const leadingDot =
      code === Char.Dot &&
      i + 1 < length &&
      isWordChar(text.charCodeAt(i + 1)) &&
      (i === 0 || !isWordChar(text.charCodeAt(i - 1)));
    if (!isWordChar(code) && !leadingDot) {
      // A hyphen between words joins them like a space (`multi-node`); spaced dashes break.
      if (
        code !== Char.Hyphen ||
        i === 0 ||
        !isWordChar(text.charCodeAt(i - 1)) ||
        !isWordChar(text.charCodeAt(i + 1))
      ) {
        if (code === Char.Hyphen && text.charCodeAt(i + 1) === Char.Hyphen)
          gap = gap === GAP_LINE ? gap : GAP_BREAK;
        else if (
          code === Char.Hyphen &&
          (text.charCodeAt(i - 1) === Char.Space || text.charCodeAt(i + 1) === Char.Space)
        )
          gap = gap === GAP_LINE ? gap : GAP_BREAK;
        else if (code !== Char.Space && code !== Char.Tab) gap = gapOf(code, gap);
      }
      i++;
      continue;
    }
    const start = i;
    // Whether the token is all ASCII and has an upper-case letter: most tokens are plain lower-case ASCII words,
    // which need no toLowerCase (slow on text with any non-Latin-1 character, as show notes with "–" are).
    let bits = code;
    let upper = code < 128 ? ASCII_WORD[code]! & UPPER : 0;
    i++;
    while (i < length) {
      const c = text.charCodeAt(i);
      const cls = c < 128 ? ASCII_WORD[c]! : isWordChar(c) ? 1 : 0;
      if (cls !== 0) {
        bits |= c;
        upper |= cls & UPPER;
        i++;
      } else if (
        (c === Char.Dot || isApostrophe(c)) &&
        i + 1 < length &&
        isWordChar(text.charCodeAt(i + 1))
      ) {
        const next = text.charCodeAt(i + 1);
        bits |= c | next;
        upper |= next < 128 ? ASCII_WORD[next]! & UPPER : 0;
        i += 2; // node.js, asp.net, let's
      } else if (c === Char.Hash && !isWordChar(text.charCodeAt(i + 1))) {
        i++; // C#, F#
      } else if (c === Char.Plus && text.charCodeAt(i + 1) === Char.Plus) {
        i += 2; // C++
      } else {
        break;
      }
    }
    let end = i;
    // A trailing apostrophe (`AWS'`) is a possessive, not part of the name.
    if (end < length && isApostrophe(text.charCodeAt(end))) i++;
    if (bits < 128) {
      // ASCII: lower-casing keeps the length, and the only apostrophe is the straight one.
      if (
        end - start > 2 &&
        text.charCodeAt(end - 2) === Char.Apostrophe &&
        (text.charCodeAt(end - 1) | 32) === 115 /* s or S */
      ) {
        end -= 2;
      }
      const word = lexicon === undefined ? 0 : lexicon.id(text.slice(start, end).toLowerCase());
      table.push(start, end, gap, upper !== 0 ? FLAG_CASED : 0, word, undefined);
    } else {
      const raw = text.slice(start, end);
      let norm = raw.toLowerCase();
      const cased = raw !== norm;
      norm = norm.replaceAll('\u2019', "'");
      if (norm.endsWith("'s") && norm.length > 2) {
        norm = norm.slice(0, -2);
        end -= 2;
      }
      const word = lexicon === undefined ? 0 : lexicon.id(norm);
      table.push(start, end, gap, (cased ? FLAG_CASED : 0) | FLAG_WIDE, word, word === 0 ? norm : undefined);
    }
    gap = GAP_SPACE;
  }
  return table;
}

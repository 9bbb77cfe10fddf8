// Splits text into normalised word tokens in one linear pass, so technology names can be matched token by token:
// as objects (tokenize) or as parallel typed arrays that know each token's lexicon number (scanTokens).
import type { Lexicon } from './lexicon';

/** What separates a token from the one before it. */
export type TokenGap =
  /** spaces or a hyphen: `multi-node`, `Ruby on Rails` */
  | 'space'
  /** a list separator: `,` `/` `&` `+` `|` */
  | 'list'
  /** sentence punctuation, brackets or a dash: `.` `!` `?` `;` `:` `(` `–` */
  | 'break'
  /** a line break or the start of the text */
  | 'line';

export interface Token {
  /** Lower-case, possessive stripped: `Nginx's` → `nginx`, `AWS'` → `aws`. */
  readonly norm: string;
  /** The token as written contains an upper-case letter. */
  readonly cased: boolean;
  readonly gap: TokenGap;
  readonly start: number;
  readonly end: number;
}

/** Char codes the scan compares against. */
const enum Char {
  Tab = 9,
  Newline = 10,
  Return = 13,
  Space = 32,
  Bang = 33,
  Hash = 35,
  Amp = 38,
  Apostrophe = 39,
  OpenParen = 40,
  CloseParen = 41,
  Plus = 43,
  Comma = 44,
  Hyphen = 45,
  Dot = 46,
  Slash = 47,
  Colon = 58,
  Semicolon = 59,
  Question = 63,
  OpenBracket = 91,
  CloseBracket = 93,
  Underscore = 95,
  Pipe = 124,
  RightQuote = 0x2019,
}

/**
 * Per UTF-16 code unit beyond ASCII: 0 unknown, 1 letter/digit, 2 not. Filled lazily, so each unit is classified
 * once; allocated on the first such unit (one byte per possible unit, which a page of plain ASCII never needs).
 */
let wideClass: Uint8Array | undefined;
const LETTER_OR_DIGIT = /[\p{L}\p{N}]/u;
/**
 * An ASCII token as the character loop in {@link scanTokens} reads one: a word character (or a leading dot before one), then
 * word characters, `.` or `'` before a word character (`node.js`, `let's`), `#` not before one (`C#`), or `++`.
 */
const ASCII_TOKEN = /\.?[A-Za-z0-9_](?:[A-Za-z0-9_]|[.'][A-Za-z0-9_]|#(?![A-Za-z0-9_])|\+\+)*/y;

/** A letter, digit or `_` (beyond ASCII: any letter or digit). */
function isWordChar(code: number): boolean {
  // ASCII: a digit, a letter (either case: `| 32` lowers it) or `_`.
  if (code < 128)
    return (
      (code >= 48 && code <= 57) || ((code | 32) >= 97 && (code | 32) <= 122) || code === Char.Underscore
    );
  // Past the end of the text (NaN): no character.
  if (!(code < 65_536)) return false;
  // Letters beyond ASCII (é, ü …) belong to words; punctuation, symbols and emoji halves (– — → ’ …) do not.
  wideClass ??= new Uint8Array(65_536);
  let cls = wideClass[code]!;
  if (cls === 0) {
    cls = LETTER_OR_DIGIT.test(String.fromCharCode(code)) ? 1 : 2;
    wideClass[code] = cls;
  }
  return cls === 1;
}

/** `'` or `’`. */
function isApostrophe(code: number): boolean {
  return code === Char.Apostrophe || code === Char.RightQuote;
}

/** Gaps as numbers, in the order of {@link GAP_NAMES}: the scan stores one byte per token. */
export const GAP_SPACE = 0;
export const GAP_LIST = 1;
export const GAP_BREAK = 2;
export const GAP_LINE = 3;
const GAP_NAMES: readonly TokenGap[] = ['space', 'list', 'break', 'line'];

/** The gap after `code`, given the gap so far. */
function gapOf(code: number, current: number): number {
  if (code === Char.Newline || code === Char.Return) return GAP_LINE;
  if (current === GAP_LINE) return current;
  switch (code) {
    case Char.Dot:
    case Char.Bang:
    case Char.Question:
    case Char.Semicolon:
    case Char.Colon:
    case Char.OpenParen:
    case Char.CloseParen:
    case Char.OpenBracket:
    case Char.CloseBracket:
    case 0x2013: // –
    case 0x2014: // —
    case 0x2192: // →
      return GAP_BREAK;
    case Char.Comma:
    case Char.Slash:
    case Char.Amp:
    case Char.Plus:
    case Char.Pipe:
      return current === GAP_BREAK ? current : GAP_LIST;
    default:
      return current;
  }
}

/** The token has an upper-case letter. */
const FLAG_CASED = 1;
/**
 * The token was read by the character loop (a code unit beyond ASCII in or next to it): its norm was built when scanned.
 */
const FLAG_WIDE = 2;

/**
 * The tokens of a text as parallel arrays (no object per token): what {@link tokenize} returns, in the form the
 * technology scan reads fast. `norm(i)` builds a token's normalised string only when asked, except for lexicon
 * words, whose shared strings it returns.
 */
export class TokenTable {
  readonly text: string;
  length = 0;
  starts: Int32Array;
  /** Exclusive; a possessive `'s` is not part of the token. */
  ends: Int32Array;
  /** GAP_SPACE, GAP_LIST, GAP_BREAK or GAP_LINE: what separates the token from the one before. */
  gaps: Uint8Array;
  /** Lexicon number of the token's norm, or 0. */
  words: Int32Array;
  #flags: Uint8Array;
  readonly #wideNorms = new Map<number, string>();
  readonly #lexicon: Lexicon | undefined;

  constructor(text: string, lexicon: Lexicon | undefined) {
    this.text = text;
    this.#lexicon = lexicon;
    // Prose has about one token per five or six characters: a quarter of the length is rarely outgrown (growing
    // copies every column). Megabytes of text start at 64 Ki tokens and double, rather than reserving room
    // for a worst case they seldom reach.
    const capacity = Math.min((text.length >> 2) + 16, 1 << 16);
    [this.starts, this.ends, this.words, this.gaps, this.#flags] = TokenTable.#columns(capacity);
  }

  /**
   * The five columns as views on one buffer (three of 4-byte numbers, then two of bytes): one backing store to
   * allocate instead of five: for a short text, a typed array's separate backing store costs more to allocate
   * than the scan itself.
   */
  static #columns(capacity: number): [Int32Array, Int32Array, Int32Array, Uint8Array, Uint8Array] {
    const buffer = new ArrayBuffer(capacity * 14);
    return [
      new Int32Array(buffer, 0, capacity),
      new Int32Array(buffer, capacity * 4, capacity),
      new Int32Array(buffer, capacity * 8, capacity),
      new Uint8Array(buffer, capacity * 12, capacity),
      new Uint8Array(buffer, capacity * 13, capacity),
    ];
  }

  /** The token as written contains an upper-case letter. */
  cased(i: number): boolean {
    return (this.#flags[i]! & FLAG_CASED) !== 0;
  }

  /** Lower-case, possessive stripped (see {@link Token.norm}); undefined outside the table, as `tokens[i]?.norm`. */
  normAt(i: number): string | undefined {
    return i < 0 || i >= this.length ? undefined : this.norm(i);
  }

  /** Lower-case, possessive stripped (see {@link Token.norm}), for a token inside the table. */
  norm(i: number): string {
    const id = this.words[i]!;
    if (id !== 0) return this.#lexicon!.words[id]!;
    const flags = this.#flags[i]!;
    if ((flags & FLAG_WIDE) !== 0) return this.#wideNorms.get(i)!;
    const raw = this.text.slice(this.starts[i], this.ends[i]);
    return (flags & FLAG_CASED) !== 0 ? raw.toLowerCase() : raw;
  }

  /** The gap before token i as its name. */
  gapName(i: number): TokenGap {
    return GAP_NAMES[this.gaps[i]!]!;
  }

  push(
    start: number,
    end: number,
    gap: number,
    flags: number,
    word: number,
    wideNorm: string | undefined,
  ): void {
    if (this.length === this.starts.length) this.#grow();
    const i = this.length++;
    this.starts[i] = start;
    this.ends[i] = end;
    this.gaps[i] = gap;
    this.#flags[i] = flags;
    this.words[i] = word;
    if (wideNorm !== undefined) this.#wideNorms.set(i, wideNorm);
  }

  #grow(): void {
    const [starts, ends, words, gaps, flags] = TokenTable.#columns(this.starts.length * 2);
    starts.set(this.starts);
    ends.set(this.ends);
    words.set(this.words);
    gaps.set(this.gaps);
    flags.set(this.#flags);
    [this.starts, this.ends, this.words, this.gaps, this.#flags] = [starts, ends, words, gaps, flags];
  }
}

/**
 * Splits text into word tokens, as {@link tokenize} does, into a {@link TokenTable}. With a lexicon, each token's
 * lexicon number is found on the way. Linear in the length of the text.
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
    // Most tokens are ASCII words: a sticky regular expression reads one in native code, where the loop below visits
    // every character. Where the token may go on past ASCII (`café`, `Node’s`, `.ñ`), the loop reads it instead, as
    // it reads every other token.
    ASCII_TOKEN.lastIndex = i;
    if (ASCII_TOKEN.test(text)) {
      const tokenEnd = ASCII_TOKEN.lastIndex;
      const after = text.charCodeAt(tokenEnd);
      if (
        !(after >= 128) &&
        !((after === Char.Dot || after === Char.Apostrophe) && text.charCodeAt(tokenEnd + 1) >= 128)
      ) {
        const raw = text.slice(start, tokenEnd);
        const lower = raw.toLowerCase();
        let norm = lower;
        let end = tokenEnd;
        i = after === Char.Apostrophe ? tokenEnd + 1 : tokenEnd;
        if (
          end - start > 2 &&
          text.charCodeAt(end - 2) === Char.Apostrophe &&
          (text.charCodeAt(end - 1) | 32) === 115 /* s or S */
        ) {
          end -= 2;
          norm = lower.slice(0, -2);
        }
        table.push(
          start,
          end,
          gap,
          raw !== lower ? FLAG_CASED : 0,
          lexicon === undefined ? 0 : lexicon.id(norm),
          undefined,
        );
        gap = GAP_SPACE;
        continue;
      }
    }
    // The loop reads the tokens the fast path leaves, all with a character beyond ASCII or next to one.
    i++;
    while (i < length) {
      const c = text.charCodeAt(i);
      if (isWordChar(c)) {
        i++;
      } else if (
        (c === Char.Dot || isApostrophe(c)) &&
        i + 1 < length &&
        isWordChar(text.charCodeAt(i + 1))
      ) {
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
    gap = GAP_SPACE;
  }
  return table;
}

/**
 * Splits text into word tokens. Keeps the dots, `#` and `+` that are part of technology names
 * (`Node.js`, `.NET`, `C#`, `C++`, `Sentry.io`), treats hyphens as spaces, and records what
 * separated each token from the previous one. Linear in the length of the text.
 *
 * @example tokenize("Let's Encrypt, .NET Core").map((t) => t.norm) // ['let', 'encrypt', '.net', 'core']
 */
export function tokenize(text: string): Token[] {
  const table = scanTokens(text);
  const tokens: Token[] = [];
  for (let i = 0; i < table.length; i++) {
    tokens.push({
      norm: table.norm(i),
      cased: table.cased(i),
      gap: table.gapName(i),
      start: table.starts[i]!,
      end: table.ends[i]!,
    });
  }
  return tokens;
}

/**
 * The normalised token sequence of a name, as {@link tokenize} would produce it.
 * @example nameTokens('Ruby on Rails') // ['ruby', 'on', 'rails']
 */
export function nameTokens(name: string): string[] {
  const table = scanTokens(name);
  const norms: string[] = [];
  for (let i = 0; i < table.length; i++) norms.push(table.norm(i));
  return norms;
}

// Splits text into normalised word tokens in one linear pass, so technology names can be matched token by token.

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

/** Per UTF-16 code unit beyond ASCII: 0 unknown, 1 letter/digit, 2 not. Filled lazily, so each unit is classified once. */
const WIDE_CLASS = new Uint8Array(65_536);
const LETTER_OR_DIGIT = /[\p{L}\p{N}]/u;
/** ASCII word characters (digits, letters, `_`): 1, else 0. */
const ASCII_WORD = (() => {
  const table = new Uint8Array(128);
  for (let code = 0; code < 128; code++) {
    table[code] = (code >= 48 && code <= 57) || (code >= 65 && code <= 90) || (code >= 97 && code <= 122) || code === Char.Underscore ? 1 : 0;
  }
  return table;
})();

function isWordChar(code: number): boolean {
  if (code < 128) return ASCII_WORD[code] === 1;
  // Letters beyond ASCII (é, ü …) belong to words; punctuation, symbols and emoji halves (– — → ’ …) do not.
  let cls = WIDE_CLASS[code]!;
  if (cls === 0) {
    cls = LETTER_OR_DIGIT.test(String.fromCharCode(code)) ? 1 : 2;
    WIDE_CLASS[code] = cls;
  }
  return cls === 1;
}

function isApostrophe(code: number): boolean {
  return code === Char.Apostrophe || code === Char.RightQuote;
}

function gapOf(code: number, current: TokenGap): TokenGap {
  if (code === Char.Newline || code === Char.Return) return 'line';
  if (current === 'line') return current;
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
      return 'break';
    case Char.Comma:
    case Char.Slash:
    case Char.Amp:
    case Char.Plus:
    case Char.Pipe:
      return current === 'break' ? current : 'list';
    default:
      return current;
  }
}

/**
 * Splits text into word tokens. Keeps the dots, `#` and `+` that are part of technology names
 * (`Node.js`, `.NET`, `C#`, `C++`, `Sentry.io`), treats hyphens as spaces, and records what
 * separated each token from the previous one. Linear in the length of the text.
 *
 * @example tokenize("Let's Encrypt, .NET Core").map((t) => t.norm) // ['let', 'encrypt', '.net', 'core']
 */
export function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  const length = text.length;
  let gap: TokenGap = 'line';
  let i = 0;
  while (i < length) {
    const code = text.charCodeAt(i);
    const leadingDot =
      code === Char.Dot && i + 1 < length && isWordChar(text.charCodeAt(i + 1)) && (i === 0 || !isWordChar(text.charCodeAt(i - 1)));
    if (!isWordChar(code) && !leadingDot) {
      // A hyphen between words joins them like a space (`multi-node`); spaced dashes break.
      if (code !== Char.Hyphen || i === 0 || !isWordChar(text.charCodeAt(i - 1)) || !isWordChar(text.charCodeAt(i + 1))) {
        if (code === Char.Hyphen && text.charCodeAt(i + 1) === Char.Hyphen) gap = gap === 'line' ? gap : 'break';
        else if (code === Char.Hyphen && (text.charCodeAt(i - 1) === Char.Space || text.charCodeAt(i + 1) === Char.Space))
          gap = gap === 'line' ? gap : 'break';
        else if (code !== Char.Space && code !== Char.Tab) gap = gapOf(code, gap);
      }
      i++;
      continue;
    }
    const start = i;
    // Whether the token is all ASCII and has an upper-case letter: most tokens are plain lower-case ASCII words,
    // which need no toLowerCase (slow on text with any non-Latin-1 character, as show notes with "–" are).
    let bits = code;
    let upper = code >= 65 && code <= 90;
    i++;
    while (i < length) {
      const c = text.charCodeAt(i);
      if (isWordChar(c)) {
        bits |= c;
        upper ||= c >= 65 && c <= 90;
        i++;
      } else if ((c === Char.Dot || isApostrophe(c)) && i + 1 < length && isWordChar(text.charCodeAt(i + 1))) {
        const next = text.charCodeAt(i + 1);
        bits |= c | next;
        upper ||= next >= 65 && next <= 90;
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
    let norm: string;
    let cased: boolean;
    if (bits < 128) {
      // ASCII: lower-casing keeps the length, and the only apostrophe is the straight one.
      norm = upper ? raw.toLowerCase() : raw;
      cased = upper;
      if (end - start > 2 && text.charCodeAt(end - 2) === Char.Apostrophe && (text.charCodeAt(end - 1) | 32) === 115 /* s or S */) {
        norm = norm.slice(0, -2);
        end -= 2;
      }
    } else {
      norm = raw.toLowerCase();
      cased = raw !== norm;
      if (norm.includes('\u2019')) norm = norm.replace(/\u2019/g, "'");
      if (norm.endsWith("'s") && norm.length > 2) {
        norm = norm.slice(0, -2);
        end -= 2;
      }
    }
    tokens.push({ norm, cased, gap, start, end });
    gap = 'space';
  }
  return tokens;
}

/**
 * The normalised token sequence of a name, as {@link tokenize} would produce it.
 * @example nameTokens('Ruby on Rails') // ['ruby', 'on', 'rails']
 */
export function nameTokens(name: string): string[] {
  return tokenize(name).map((token) => token.norm);
}

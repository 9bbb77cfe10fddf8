// Word classes for the tech scan: every word a rule asks about, numbered once on the first scan (a Lexicon), so each
// token's classes (could a name start here, does a clause start here, could a doubt cue start here) are one array read.
import { catalogTechnologies } from '@/utils/tech/catalog';
import { aliasIndex, type AliasEntry } from '@/utils/tech/lookup';
import { Lexicon } from '@/utils/tech/lexicon';
import { scanTokens, type TokenTable } from '@/utils/tech/tokenize';
import * as cues from './cues';
import { CAREER_PHRASES, CLAUSE_WORDS, HEDGE_PHRASES, HEDGE_WORDS, NEGATION_WORDS } from './cues';

/** The token is the first word of some technology's name or alias. */
export const NAME_START = 1;
/** The token is one of CLAUSE_WORDS ("but", "because" …): it starts a new clause. */
export const CLAUSE_WORD = 2;
/** The token may start a doubt cue: a negation, hedge or career word, "used", or a word ending in "n't". */
export const CUE_START = 4;

/** Words that may sit between two technologies in a list ("Rails, Phoenix and .NET Core"). */
export const LIST_CONNECTORS: ReadonlySet<string> = new Set([
  'and',
  'or',
  'with',
  'vs',
  'versus',
  'plus',
  'on',
  'over',
  'to',
  'from',
  'into',
  'than',
]);

/** First words of every token-level cue, so a token that starts none costs nothing more. */
export const CUE_FIRST_WORDS: ReadonlySet<string> = new Set([
  ...NEGATION_WORDS,
  ...HEDGE_WORDS,
  ...HEDGE_PHRASES.map((phrase) => phrase[0]!),
  ...CAREER_PHRASES.map((phrase) => phrase[0]!),
  'used',
]);

/** Words of every cue list in ./cues.ts (sets, phrases and pairs alike). */
function cueWords(): string[] {
  const words: string[] = [];
  const collect = (value: unknown): void => {
    if (typeof value === 'string') words.push(value);
    else if (value instanceof Set || Array.isArray(value))
      for (const item of value as Iterable<unknown>) collect(item);
  };
  for (const value of Object.values(cues)) collect(value);
  return words;
}

/** The lexicon and what it knows of each word, built together on the first scan (not at load: see ../tech/catalog.ts). */
interface TechWords {
  readonly lexicon: Lexicon;
  /** Classes by lexicon number (0, "not in the lexicon", has none). */
  readonly classes: Uint8Array;
  /** Catalog spellings by the lexicon number of their first word (every first word is in the lexicon). */
  readonly namesByWord: readonly (readonly AliasEntry[] | undefined)[];
}

let techWords: TechWords | undefined;

/**
 * Every word the matcher and the claim rules compare tokens against: names (all their words), context and veto
 * words, "names something else" words, cues, and the few literals of the rules. A word left out still works (its
 * token's norm is built when asked); one put in is only cheaper.
 */
function buildTechWords(): TechWords {
  const index = aliasIndex();
  const words: string[] = [...index.keys()];
  for (const entries of index.values()) for (const entry of entries) words.push(...entry.tokens);
  for (const tech of catalogTechnologies()) {
    if (typeof tech.ambiguous === 'object')
      words.push(...(tech.ambiguous.context ?? []), ...(tech.ambiguous.not ?? []));
    words.push(...(tech.notClaimedBefore ?? []));
  }
  words.push(...CUE_FIRST_WORDS, ...cueWords());
  // The other literals the rules compare tokens against.
  words.push(...LIST_CONNECTORS, 'but', 'back', 'used', 'at', 'without');
  const lexicon = new Lexicon(words);
  const classes = new Uint8Array(lexicon.words.length);
  const mark = (word: string, bit: number) => {
    const id = lexicon.id(word);
    if (id !== 0) classes[id]! |= bit;
  };
  for (const word of index.keys()) mark(word, NAME_START);
  for (const word of CLAUSE_WORDS) mark(word, CLAUSE_WORD);
  for (const word of CUE_FIRST_WORDS) mark(word, CUE_START);
  return { lexicon, classes, namesByWord: lexicon.words.map((word) => index.get(word)) };
}

function wordTables(): TechWords {
  techWords ??= buildTechWords();
  return techWords;
}

/**
 * The catalog spellings whose first word is token i's (longest first), as `aliasIndex().get(norm)` without hashing.
 * @example namesStartingAt(scanTechTokens('React Native'), 0)?.map((entry) => entry.tokens.join(' ')) // ['react js', 'react native', 'react']
 */
export function namesStartingAt(tokens: TokenTable, i: number): readonly AliasEntry[] | undefined {
  return wordTables().namesByWord[tokens.words[i]!];
}

/**
 * The text's tokens, with lexicon numbers, for the tech scan.
 * @example scanTechTokens('Docker and Go').norm(2) // 'go'
 */
export function scanTechTokens(text: string): TokenTable {
  return scanTokens(text, wordTables().lexicon);
}

/** `norm.endsWith("n't")` without a string search: "isn't", "don't", "can't". */
function endsInNot(norm: string): boolean {
  const n = norm.length;
  return (
    n >= 3 &&
    norm.charCodeAt(n - 1) === 116 /* t */ &&
    norm.charCodeAt(n - 2) === 39 /* ' */ &&
    norm.charCodeAt(n - 3) === 110
  ); /* n */
}

/** Whether the token's norm ends in "n't", read from the text: its last three characters (ASCII: `'` is the only apostrophe). */
function tokenEndsInNot(tokens: TokenTable, i: number): boolean {
  const end = tokens.ends[i]!;
  const text = tokens.text;
  // Only a token ending in t/T and an apostrophe before it can; then ask the norm itself (exact for every token).
  if ((text.charCodeAt(end - 1) | 32) !== 116 || end - tokens.starts[i]! < 3) return false;
  const apostrophe = text.charCodeAt(end - 2);
  if (apostrophe !== 39 && apostrophe !== 0x2019) return false;
  return endsInNot(tokens.norm(i));
}

/**
 * The classes of every token, as bits (NAME_START | CLAUSE_WORD | CUE_START), one array read per token.
 *
 * @example wordClasses(scanTechTokens("but Docker isn't")) // Uint8Array [2, 1, 4]
 */
export function wordClasses(tokens: TokenTable): Uint8Array {
  const classes = new Uint8Array(tokens.length);
  const words = tokens.words;
  const byWord = wordTables().classes;
  for (let i = 0; i < tokens.length; i++) {
    let bits = byWord[words[i]!]!;
    if (tokenEndsInNot(tokens, i)) bits |= CUE_START;
    classes[i] = bits;
  }
  return classes;
}

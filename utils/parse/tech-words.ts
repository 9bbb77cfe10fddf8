// Word classes for the tech scan: every word a rule asks about, numbered once at module load (a Lexicon), so each
// token's classes (could a name start here, does a clause start here, could a doubt cue start here) are one array read.
import { TECHNOLOGIES } from '@/utils/tech/catalog';
import { ALIAS_INDEX, type AliasEntry } from '@/utils/tech/lookup';
import { Lexicon } from '@/utils/tech/lexicon';
import { scanTokens, type TokenTable } from '@/utils/tech/tokenize';
import * as cues from './tech-cues';
import { CAREER_PHRASES, CLAUSE_WORDS, HEDGE_PHRASES, HEDGE_WORDS, NEGATION_WORDS } from './tech-cues';

/** The token is the first word of some technology's name or alias. */
export const NAME_START = 1;
/** The token is one of CLAUSE_WORDS ("but", "because" …): it starts a new clause. */
export const CLAUSE_WORD = 2;
/** The token may start a doubt cue: a negation, hedge or career word, "used", or a word ending in "n't". */
export const CUE_START = 4;

/** First words of every token-level cue, so a token that starts none costs nothing more. */
export const CUE_FIRST_WORDS: ReadonlySet<string> = new Set([
  ...NEGATION_WORDS,
  ...HEDGE_WORDS,
  ...HEDGE_PHRASES.map((phrase) => phrase[0]!),
  ...CAREER_PHRASES.map((phrase) => phrase[0]!),
  'used',
]);

/** Words of every cue list in ./tech-cues (sets, phrases and pairs alike). */
function cueWords(): string[] {
  const words: string[] = [];
  const collect = (value: unknown): void => {
    if (typeof value === 'string') words.push(value);
    else if (value instanceof Set || Array.isArray(value)) for (const item of value as Iterable<unknown>) collect(item);
  };
  for (const value of Object.values(cues)) collect(value);
  return words;
}

/**
 * Every word the matcher and the claim rules compare tokens against: names (all their words), context and veto
 * words, "names something else" words, cues, and the few literals of the rules. A word left out still works (its
 * token's norm is built when asked); one put in is only cheaper.
 */
const LEXICON = new Lexicon([
  ...ALIAS_INDEX.keys(),
  ...[...ALIAS_INDEX.values()].flatMap((entries) => entries.flatMap((entry) => entry.tokens)),
  ...TECHNOLOGIES.flatMap((tech) => [
    ...(typeof tech.ambiguous === 'object' ? [...(tech.ambiguous.context ?? []), ...(tech.ambiguous.not ?? [])] : []),
    ...(tech.notClaimedBefore ?? []),
  ]),
  ...CUE_FIRST_WORDS,
  ...cueWords(),
  ...['and', 'or', 'with', 'vs', 'versus', 'plus', 'on', 'over', 'to', 'from', 'into', 'than', 'but', 'back', 'used', 'at', 'without'],
]);

/** Classes by lexicon number (0, "not in the lexicon", has none). */
const CLASSES: Uint8Array = (() => {
  const classes = new Uint8Array(LEXICON.words.length);
  const mark = (word: string, bit: number) => {
    const id = LEXICON.id(word);
    if (id !== 0) classes[id]! |= bit;
  };
  for (const word of ALIAS_INDEX.keys()) mark(word, NAME_START);
  for (const word of CLAUSE_WORDS) mark(word, CLAUSE_WORD);
  for (const word of CUE_FIRST_WORDS) mark(word, CUE_START);
  return classes;
})();

/** Catalog spellings by the lexicon number of their first word (every first word is in the lexicon). */
const NAMES_BY_WORD: readonly (readonly AliasEntry[] | undefined)[] = LEXICON.words.map((word) => ALIAS_INDEX.get(word));

/**
 * The catalog spellings whose first word is token i's (longest first), as `ALIAS_INDEX.get(norm)` without hashing.
 * @example namesStartingAt(scanTechTokens('React Native'), 0)?.map((entry) => entry.tokens.join(' ')) // ['react js', 'react native', 'react']
 */
export function namesStartingAt(tokens: TokenTable, i: number): readonly AliasEntry[] | undefined {
  return NAMES_BY_WORD[tokens.words[i]!];
}

/**
 * The text's tokens, with lexicon numbers, for the tech scan.
 * @example scanTechTokens('Docker and Go').norm(2) // 'go'
 */
export function scanTechTokens(text: string): TokenTable {
  return scanTokens(text, LEXICON);
}

/** `norm.endsWith("n't")` without a string search: "isn't", "don't", "can't". */
function endsInNot(norm: string): boolean {
  const n = norm.length;
  return n >= 3 && norm.charCodeAt(n - 1) === 116 /* t */ && norm.charCodeAt(n - 2) === 39 /* ' */ && norm.charCodeAt(n - 3) === 110 /* n */;
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
  for (let i = 0; i < tokens.length; i++) {
    let bits = CLASSES[words[i]!]!;
    if (tokenEndsInNot(tokens, i)) bits |= CUE_START;
    classes[i] = bits;
  }
  return classes;
}

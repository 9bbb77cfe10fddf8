// Word classes for the tech scan: one dictionary lookup per token answers every per-token question the name
// matcher and the claim rules ask (could a name start here, does a clause start here, could a doubt cue start here).
import { ALIAS_INDEX } from '@/utils/tech/lookup';
import type { Token } from '@/utils/tech/tokenize';
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

const CLASSES: ReadonlyMap<string, number> = (() => {
  const classes = new Map<string, number>();
  const mark = (word: string, bit: number) => classes.set(word, (classes.get(word) ?? 0) | bit);
  for (const word of ALIAS_INDEX.keys()) mark(word, NAME_START);
  for (const word of CLAUSE_WORDS) mark(word, CLAUSE_WORD);
  for (const word of CUE_FIRST_WORDS) mark(word, CUE_START);
  return classes;
})();

/** `norm.endsWith("n't")` without a string search: "isn't", "don't", "can't". */
function endsInNot(norm: string): boolean {
  const n = norm.length;
  return n >= 3 && norm.charCodeAt(n - 1) === 116 /* t */ && norm.charCodeAt(n - 2) === 39 /* ' */ && norm.charCodeAt(n - 3) === 110 /* n */;
}

/**
 * The classes of every token, as bits (NAME_START | CLAUSE_WORD | CUE_START), one lookup per token.
 *
 * @example wordClasses(tokenize("but Docker isn't")) // Uint8Array [2, 1, 4]
 */
export function wordClasses(tokens: readonly Token[]): Uint8Array {
  const classes = new Uint8Array(tokens.length);
  for (let i = 0; i < tokens.length; i++) {
    const norm = tokens[i]!.norm;
    let bits = CLASSES.get(norm) ?? 0;
    if (endsInNot(norm)) bits |= CUE_START;
    classes[i] = bits;
  }
  return classes;
}

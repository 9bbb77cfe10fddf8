// A fixed set of normalised words, numbered, so a scan can hand out shared word strings and rules compare numbers.

/**
 * A fixed set of normalised words, each with a number (1…n; 0 is "not in the lexicon"). A scan given a lexicon
 * numbers each token's norm and hands out the lexicon's strings instead of new ones, so the words rules compare
 * against cost no allocation later and a token's classes are one array read.
 *
 * @example new Lexicon(['rails', 'c++']).id('c++') // 2
 */
export class Lexicon {
  /** The words by number; index 0 is unused. */
  readonly words: readonly string[];
  readonly #ids = new Map<string, number>();

  constructor(words: Iterable<string>) {
    const list: string[] = [''];
    for (const word of words) {
      if (word === '' || this.#ids.has(word)) continue;
      this.#ids.set(word, list.length);
      list.push(word);
    }
    this.words = list;
  }

  /** The number of a word, 0 when it is not in the lexicon. */
  id(word: string): number {
    return this.#ids.get(word) ?? 0;
  }
}

// A fixed set of normalised words, numbered, that a tokenizer can find from a span of text without building a string.

/** FNV-1a over UTF-16 code units, ASCII upper case folded: how {@link Lexicon} finds a word without a string. */
export const FNV_OFFSET = 0x811c9dc5;
export const FNV_PRIME = 0x01000193;

/** The code unit with an ASCII capital lowered. */
export function lowerAscii(code: number): number {
  return code >= 65 && code <= 90 ? code + 32 : code;
}

/**
 * A fixed set of normalised words, each with a number (1…n; 0 is "not in the lexicon"), found from a span of text
 * without building a string. A scan given a lexicon hands out its words' strings instead of new ones, so the words
 * rules compare against cost no allocation.
 *
 * @example new Lexicon(['rails', 'c++']).id('c++') // 2
 */
export class Lexicon {
  /** The words by number; index 0 is unused. */
  readonly words: readonly string[];
  readonly #ids = new Map<string, number>();
  readonly #slots: Int32Array;
  readonly #mask: number;

  constructor(words: Iterable<string>) {
    const list: string[] = [''];
    for (const word of words) {
      if (word === '' || this.#ids.has(word)) continue;
      this.#ids.set(word, list.length);
      list.push(word);
    }
    this.words = list;
    let size = 16;
    while (size < list.length * 4) size *= 2;
    this.#slots = new Int32Array(size);
    this.#mask = size - 1;
    for (let id = 1; id < list.length; id++) {
      const word = list[id]!;
      let hash = FNV_OFFSET;
      for (let k = 0; k < word.length; k++) hash = Math.imul(hash ^ word.charCodeAt(k), FNV_PRIME);
      let slot = hash & this.#mask;
      while (this.#slots[slot] !== 0) slot = (slot + 1) & this.#mask;
      this.#slots[slot] = id;
    }
  }

  /** The number of a word, 0 when it is not in the lexicon. */
  id(word: string): number {
    return this.#ids.get(word) ?? 0;
  }

  /** The number of the word `text[start, end)` spells once ASCII capitals are lowered (`hash` as computed by the scan). */
  idOfSpan(text: string, start: number, end: number, hash: number): number {
    const length = end - start;
    for (let slot = hash & this.#mask; ; slot = (slot + 1) & this.#mask) {
      const id = this.#slots[slot]!;
      if (id === 0) return 0;
      const word = this.words[id]!;
      if (word.length !== length) continue;
      let k = 0;
      while (k < length && word.charCodeAt(k) === lowerAscii(text.charCodeAt(start + k))) k++;
      if (k === length) return id;
    }
  }
}

// The background's memory of recent parses: back/forward, a revisited show page or a site re-rendering its
// listing sends the same readings again, and a parse is pure, so the answer can be kept. Memory only, bounded.
import type { Episode } from '../model';

/** Readings remembered at most, and their total size in characters of JSON (about two listing pages' worth each). */
export const PARSE_CACHE_ENTRIES = 1_000;
export const PARSE_CACHE_CHARS = 4_000_000;

/**
 * A least-recently-used map from a reading's JSON to its parse, bounded in entries and in characters.
 * @example
 * const cache = new ParseCache(); cache.set(key, episode); cache.get(key) // episode (and now the most recent)
 */
export class ParseCache {
  private readonly entries = new Map<string, Episode | null>();
  private chars = 0;

  constructor(
    private readonly maxEntries = PARSE_CACHE_ENTRIES,
    private readonly maxChars = PARSE_CACHE_CHARS,
  ) {}

  get size(): number {
    return this.entries.size;
  }

  /** The remembered parse, or undefined; a hit becomes the most recently used. */
  get(key: string): Episode | null | undefined {
    if (!this.entries.has(key)) return undefined;
    const value = this.entries.get(key)!;
    this.entries.delete(key);
    this.entries.set(key, value);
    return value;
  }

  set(key: string, value: Episode | null): void {
    // A reading bigger than a quarter of the budget would push out everything else for one page.
    if (key.length > this.maxChars / 4) return;
    if (this.entries.delete(key)) this.chars -= key.length;
    this.entries.set(key, value);
    this.chars += key.length;
    for (const oldest of this.entries.keys()) {
      if (this.entries.size <= this.maxEntries && this.chars <= this.maxChars) break;
      this.entries.delete(oldest);
      this.chars -= oldest.length;
    }
  }
}

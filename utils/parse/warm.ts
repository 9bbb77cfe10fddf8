// Build the parser's lazily made tables (catalog, alias index, word tables) before the first episode.
import { extractTech } from './tech';

let warmed = false;

/**
 * Build the technology tables now, so their one-time cost (~15 ms in a fresh content script) is a step of
 * its own instead of part of the first episode's parse. Runs the real extractor on a two-word sample, so
 * every table it uses is built, whatever the parser keeps lazy. Later calls do nothing.
 * @example
 * warmParser(); // then parse episodes
 */
export function warmParser(): void {
  if (warmed) return;
  warmed = true;
  extractTech({ text: 'Rails and PostgreSQL', listed: ['docker'], tags: ['rails'], links: ['https://redis.io/'] });
}

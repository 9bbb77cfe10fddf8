// The CLI reads pages with linkedom, whose cost grows faster than the number of elements: the 50 MB input
// limit alone lets through pages that take minutes to build. Elements are counted on the raw text first.
import { CliError, EXIT_INPUT } from './errors';

/** Most elements a page may have to be read as HTML: as many as linkedom builds within a command's patience. */
export const MAX_HTML_ELEMENTS = 200_000;

/**
 * How many start tags (`<` and a letter) the HTML has, counting no further than `limit + 1`: a cheap upper
 * bound on the elements a DOM of it gets (a `<` and letter inside a script counts too, which only errs on
 * the safe side).
 * @example countStartTags('<ul><li>a</li><li>b</li></ul>', 10) // 3
 */
export function countStartTags(html: string, limit: number): number {
  let count = 0;
  for (let at = html.indexOf('<'); at >= 0 && at < html.length - 1; at = html.indexOf('<', at + 1)) {
    const next = html.charCodeAt(at + 1) | 0x20;
    if (next >= 0x61 && next <= 0x7a && ++count > limit) break;
  }
  return count;
}

/**
 * Refuses HTML with more elements than the CLI can read within seconds, with what to do instead.
 * @example assertWithinElementBudget(html, 'page.html') // throws CliError for 3 million list items
 */
export function assertWithinElementBudget(html: string, name: string): void {
  if (countStartTags(html, MAX_HTML_ELEMENTS) <= MAX_HTML_ELEMENTS) return;
  throw new CliError(
    `${name} has more than ${MAX_HTML_ELEMENTS.toLocaleString('en')} HTML elements, more than this command reads (building so large a page takes minutes); give the part of the page with the episode, or its text with --text`,
    EXIT_INPUT,
  );
}

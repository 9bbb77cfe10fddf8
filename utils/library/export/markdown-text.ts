// markdownEscape (utils/export/escape) for the reading list's hot loop: same output, less work for the
// usual text that is already one clean line (a large library's list escapes hundreds of thousands of strings).
import { defuseAutolinks, markdownEscape } from '../../export/escape';

/**
 * Characters oneLine would change, so the text takes markdownEscape's own path: ASCII controls (and so
 * any whitespace but the space), JavaScript's `\s` whitespace beyond ASCII, U+0085, any surrogate (lone
 * ones are dropped; pairs take the slow path too), the non-characters U+FFFE/U+FFFF. One native scan
 * instead of a loop over every character: the reading list checks every character of every title it writes.
 */
const NEEDS_ONE_LINE =
  // eslint-disable-next-line no-control-regex
  /[\x00-\x1f\x85\xa0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000\ufeff\ud800-\udfff\ufffe\uffff]/;

/**
 * Whether text is a non-empty line oneLine leaves as it is, so escaping it only adds backslashes (before
 * MARKDOWN_SPECIAL, and before a leading `-`, `=` or the `.`/`)` after leading digits).
 * @example
 * isCleanLine('Deploys (part 1)') // true
 * isCleanLine(' two  spaces') // false
 */
export function isCleanLine(text: string): boolean {
  const length = text.length;
  // Spaces oneLine would trim or collapse, then characters it would change.
  return (
    length > 0 &&
    text.charCodeAt(0) !== 32 &&
    text.charCodeAt(length - 1) !== 32 &&
    !text.includes('  ') &&
    !NEEDS_ONE_LINE.test(text)
  );
}

/** The characters markdownEscape puts a backslash before, as a regex (and as a table of ASCII codes). */
export const MARKDOWN_SPECIAL = /[\\`*_{}[\]()<>#+!|~&]/g;
const HAS_MARKDOWN_SPECIAL = /[\\`*_{}[\]()<>#+!|~&]/;

/**
 * Exactly `markdownEscape(text)` (a property test holds them equal), faster on clean one-line text:
 * one scan decides whether oneLine would change anything, one replace adds the backslashes.
 * @example
 * markdownText('Scaling (part 1)') // 'Scaling \\(part 1\\)'
 */
export function markdownText(text: string): string {
  if (text.length === 0) return text;
  if (!isCleanLine(text)) return markdownEscape(text);
  // A replacement pattern rather than a callback: no function call per special character.
  const escaped = defuseAutolinks(
    HAS_MARKDOWN_SPECIAL.test(text) ? text.replace(MARKDOWN_SPECIAL, '\\$&') : text,
  );
  const first = escaped.charCodeAt(0);
  // Only a leading digit, '-' or '=' can start a list item or a setext underline (see markdownEscape).
  if ((first >= 48 && first <= 57) || first === 45 || first === 61)
    return escaped.replace(/^(\d+)([.)])/, '$1\\$2').replace(/^([-=])/, '\\$1');
  return escaped;
}

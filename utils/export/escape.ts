// Escaping page text for the export formats we write by hand (Markdown, XML, WebVTT) and vetting the links they carry.

/** Control characters, lone surrogates and non-characters XML 1.0 cannot carry at all (not even escaped). */
const XML_INVALID =
  // eslint-disable-next-line no-control-regex
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** Every kind of line break and other whitespace run, so one title stays one line in every format. */
const WHITESPACE_RUN = /[\s\u0085\u2028\u2029]+/g;

/**
 * Page text as one trimmed line: line breaks, tabs and whitespace runs become one space; characters that
 * no text format can carry (C0 controls, lone surrogates) are dropped.
 * @example oneLine('  Deploys\n  with  Kamal ') // 'Deploys with Kamal'
 */
export function oneLine(text: string): string {
  return text.replace(XML_INVALID, '').replace(WHITESPACE_RUN, ' ').trim();
}

/**
 * Text for an XML attribute value or element content. Also quotes `'` and `"` so it is safe in either kind of
 * attribute quotes, and drops characters XML 1.0 forbids (escaping cannot make them legal).
 * @example xmlEscape('Tom & "Jerry" <3') // 'Tom &amp; &quot;Jerry&quot; &lt;3'
 */
export function xmlEscape(text: string): string {
  return text.replace(XML_INVALID, '').replace(/[&<>"']/g, (char) => XML_ENTITIES[char] ?? char);
}

const XML_ENTITIES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&apos;',
};

/**
 * Characters oneLine would change: ASCII controls (and so any whitespace but the space), JavaScript's `\s`
 * whitespace beyond ASCII, U+0085, any surrogate (lone ones are dropped; pairs take the full path too), the
 * non-characters U+FFFE/U+FFFF. Text with none of them, no doubled space and no space at either end is
 * already one clean line, the usual case, and skips oneLine's replaces (a large reading list escapes
 * hundreds of thousands of strings).
 */
const NEEDS_ONE_LINE =
  // eslint-disable-next-line no-control-regex
  /[\x00-\x1f\x85\xa0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000\ufeff\ud800-\udfff\ufffe\uffff]|^ | $| {2}/;

/** The characters Markdown could read as syntax anywhere in a line. */
const MARKDOWN_SPECIAL = /[\\`*_{}[\]()<>#+!|~&]/g;

/**
 * Page text as Markdown that renders as exactly that text: no emphasis, links, images, HTML, code spans, tables,
 * headings or list items can be smuggled in. Line breaks are folded to spaces (page text is one line here).
 * The one Markdown escaper: the CLI's episode and the library's reading list both write with it.
 * @example markdownEscape('*Rails* [docs](javascript:alert(1))') // '\\*Rails\\* \\[docs\\]\\(javascript:alert\\(1\\)\\)'
 */
export function markdownEscape(text: string): string {
  const line = NEEDS_ONE_LINE.test(text) ? oneLine(text) : text;
  if (line.length === 0) return line;
  // A replacement pattern rather than a callback: no function call per special character.
  const escaped = defuseAutolinks(line.replace(MARKDOWN_SPECIAL, '\\$&'));
  // List markers ("- ", "1. ", "2) ") and setext underlines ("===") only count at the start of a line, and
  // callers may place text there; elsewhere `-`, `=` and `.` stay readable ("Node.js", "Ruby-on-Rails").
  const first = escaped.charCodeAt(0);
  if ((first >= 48 && first <= 57) || first === 45 || first === 61)
    return escaped.replace(/^(\d+)([.)])/, '$1\\$2').replace(/^([-=])/, '\\$1');
  return escaped;
}

/** What a GFM renderer (GitHub, marked) turns into a link in plain text: `scheme://`, `www.`, `name@host`. */
export const AUTOLINK_TRIGGER = /:\/\/|www\.|[A-Za-z0-9._+-]@/i;

/**
 * Markdown text (already backslash-escaped) with the characters that start a GFM extended autolink escaped:
 * the `:` of `://`, the `.` of `www.`, and an `@` after an address's local part. CommonMark's backslash
 * escapes any ASCII punctuation and renders it as itself, so `https\://example.com` reads, and renders, as
 * the text while no renderer sees a link in it (CommonMark's own autolinks need `<`, escaped already).
 * @example defuseAutolinks('see https://example.com') // 'see https\\://example.com'
 */
export function defuseAutolinks(markdown: string): string {
  if (!AUTOLINK_TRIGGER.test(markdown)) return markdown;
  return markdown
    .replace(/:(?=\/\/)/g, '\\:')
    .replace(/(^|[^A-Za-z0-9])(www)\./gi, '$1$2\\.')
    .replace(/([A-Za-z0-9._+-])@/g, '$1\\@');
}

/**
 * An absolute http(s) URL ready for a Markdown link destination, or null for anything else
 * (javascript:, data:, file:, relative or unparsable). Characters that could end the destination are
 * percent-encoded.
 * @example safeHttpUrl('https://example.com/a (b)') // 'https://example.com/a%20%28b%29'
 * @example safeHttpUrl('javascript:alert(1)') // null
 */
export function safeHttpUrl(value: string | null | undefined): string | null {
  if (!value) return null;
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return null;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return null;
  return url.href.replace(
    /[()<>\s\\"'`[\]]/g,
    (char) => `%${char.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`,
  );
}

/**
 * A chapter title for export: one line, never empty (players show nothing for an empty cue).
 * @example exportTitle('  ', 2) // 'Chapter 3'
 */
export function exportTitle(title: string, index: number): string {
  return oneLine(title) || `Chapter ${index + 1}`;
}

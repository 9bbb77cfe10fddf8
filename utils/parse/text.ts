// DOM → logical lines of text, the way a reader sees them: blocks and <br> break lines, inline markup does not.
// Pure: works on any DOM implementation (browser, linkedom, happy-dom) through nodeType numbers, no globals.
import { truncateText } from '../text-limits';

const ELEMENT_NODE = 1;
const TEXT_NODE = 3;
const CDATA_SECTION_NODE = 4;

/**
 * Elements that start and end a line (HTML's block-level and list/table structure): the one list, read also by
 * the technology reader of a notes node (utils/sites/notes-tech.ts).
 */
export const BLOCK_TAGS: ReadonlySet<string> = new Set([
  'ADDRESS',
  'ARTICLE',
  'ASIDE',
  'BLOCKQUOTE',
  'BODY',
  'CAPTION',
  'DD',
  'DETAILS',
  'DIALOG',
  'DIV',
  'DL',
  'DT',
  'FIELDSET',
  'FIGCAPTION',
  'FIGURE',
  'FOOTER',
  'FORM',
  'H1',
  'H2',
  'H3',
  'H4',
  'H5',
  'H6',
  'HEADER',
  'HGROUP',
  'HR',
  'HTML',
  'LI',
  'MAIN',
  'NAV',
  'OL',
  'OPTION',
  'P',
  'PRE',
  'SECTION',
  'SUMMARY',
  'TABLE',
  'TBODY',
  'TD',
  'TFOOT',
  'TH',
  'THEAD',
  'TR',
  'UL',
  'LEGEND',
  'MENU',
  'AUDIO',
  'VIDEO',
  'IFRAME',
  'CANVAS',
]);

/** Elements whose text no reader sees. */
const SKIPPED_TAGS = new Set([
  'SCRIPT',
  'STYLE',
  'NOSCRIPT',
  'TEMPLATE',
  'HEAD',
  'TITLE',
  'META',
  'LINK',
  'SVG',
  'MATH',
  'OBJECT',
  'SELECT',
  'TEXTAREA',
  'BUTTON',
  'INPUT',
]);

/** A stretch of the rendered text that came from one annotated element. */
export interface TextMark<T> {
  /** Offset of the element's first character in the rendered text. */
  start: number;
  /** Offset just past the element's last character. */
  end: number;
  value: T;
}

export interface TextLimits {
  /** Stop after this many characters of text (the result is cut there). */
  maxChars?: number;
}

export interface RenderedText<T> {
  text: string;
  marks: TextMark<T>[];
}

/** Text nodes longer than this are collapsed piecewise when the read is capped. */
const TEXT_CHUNK = 65_536;

/** Any run of white space (including no-break space) collapses to one space, as browsers render it. */
const SPACE_RUN = /[\s\u00a0]+/g;

interface Frame {
  node: Node;
  /** True when leaving the element (its children are done). */
  leaving: boolean;
  markIndex: number;
}

function tagOf(node: Node): string {
  return ((node as Element).tagName ?? '').toUpperCase();
}

/**
 * Renders a DOM subtree to text like {@link nodeToText} and, for every element `annotate` returns a
 * value for, records where that element's text sits in the result (used to carry link targets such
 * as `#t=105` over to the text the chapter parser reads).
 *
 * @example
 * const { text, marks } = renderNodeText(li, (el) => el.getAttribute('data-audio-seek'));
 * // text: '1:45 – Overview', marks: [{ start: 0, end: 4, value: '105' }]
 */
export function renderNodeText<T>(
  node: Node,
  annotate?: (element: Element) => T | null | undefined,
  limits: TextLimits = {},
): RenderedText<T> {
  const maxChars = limits.maxChars ?? Infinity;
  const lines: string[] = [];
  const marks: TextMark<T>[] = [];
  // Offset of the current line's start in the final text.
  let lineOffset = 0;
  let line = '';
  // Whether a space is owed before the next visible character (collapsed white space).
  let pendingSpace = false;
  let preDepth = 0;

  // Items of a nested list begin with a tab per level, as nested Markdown items do, so readers see the outline.
  let listDepth = 0;
  const flush = (): void => {
    pendingSpace = false;
    if (line.length === 0) return;
    if (line.trim().length === 0) {
      line = '';
      return;
    }
    lines.push(line);
    lineOffset += line.length + 1;
    line = '';
  };
  const position = (): number => lineOffset + line.length + (pendingSpace && line.length > 0 ? 1 : 0);
  const append = (raw: string): void => {
    if (preDepth > 0) {
      const parts = raw.split(/\r\n|\r|\n/);
      parts.forEach((part, i) => {
        if (i > 0) flush();
        appendCollapsed(part);
      });
      return;
    }
    appendCollapsed(raw);
  };
  const appendCollapsed = (raw: string): void => {
    const collapsed = raw.replace(SPACE_RUN, ' ');
    if (collapsed.length === 0) return;
    let body = collapsed;
    if (body.charCodeAt(0) === 32) {
      pendingSpace = true;
      body = body.slice(1);
    }
    if (body.length === 0) return;
    const trailing = body.charCodeAt(body.length - 1) === 32;
    if (trailing) body = body.slice(0, -1);
    if (body.length > 0) {
      if (pendingSpace && line.length > 0) line += ' ';
      line += body;
      pendingSpace = false;
    }
    if (trailing) pendingSpace = true;
  };

  // Iterative walk: show notes can nest deeply and recursion would overflow the stack.
  const stack: Frame[] = [{ node, leaving: false, markIndex: -1 }];
  // A capped read stops walking once enough text is out (a 5 MB page is not walked whole to keep 200 KB).
  while (stack.length > 0 && lineOffset + line.length < maxChars) {
    const frame = stack.pop()!;
    const current = frame.node;
    if (frame.leaving) {
      if (frame.markIndex >= 0) {
        const mark = marks[frame.markIndex]!;
        mark.end = Math.max(mark.start, lineOffset + line.length);
      }
      const tag = tagOf(current);
      if (tag === 'PRE') preDepth--;
      if (tag === 'LI') listDepth--;
      if (BLOCK_TAGS.has(tag)) flush();
      continue;
    }
    const type = current.nodeType;
    if (type === TEXT_NODE || type === CDATA_SECTION_NODE) {
      const raw = current.nodeValue ?? '';
      // One huge text node is read in chunks, only as far as the cap needs.
      for (let from = 0; from < raw.length && lineOffset + line.length < maxChars;) {
        const size =
          raw.length - from <= TEXT_CHUNK
            ? raw.length - from
            : Math.max(TEXT_CHUNK, maxChars - lineOffset - line.length + 1);
        append(from === 0 && size === raw.length ? raw : raw.slice(from, from + size));
        from += size;
      }
      continue;
    }
    if (type === ELEMENT_NODE) {
      const tag = tagOf(current);
      if (SKIPPED_TAGS.has(tag)) continue;
      const element = current as Element;
      if (typeof element.hasAttribute === 'function' && element.hasAttribute('hidden')) continue;
      if (tag === 'BR') {
        flush();
        continue;
      }
      if (BLOCK_TAGS.has(tag)) flush();
      if (tag === 'LI') {
        if (listDepth > 0) line = '\t'.repeat(Math.min(listDepth, 8));
        listDepth++;
      }
      if (tag === 'PRE') preDepth++;
      let markIndex = -1;
      const value = annotate?.(element);
      if (value !== null && value !== undefined) {
        markIndex = marks.length;
        marks.push({ start: position(), end: position(), value });
      }
      stack.push({ node: current, leaving: true, markIndex });
    } else if (type !== 9 && type !== 11) {
      // Comments, processing instructions, doctypes: nothing to read.
      continue;
    }
    const children = current.childNodes;
    for (let i = children.length - 1; i >= 0; i--) {
      const child = children[i];
      if (child) stack.push({ node: child, leaving: false, markIndex: -1 });
    }
  }
  // Elements left open by a capped read end where the read stopped.
  for (const frame of stack) {
    if (frame.leaving && frame.markIndex >= 0)
      marks[frame.markIndex]!.end = Math.max(marks[frame.markIndex]!.start, lineOffset + line.length);
  }
  flush();
  const text = lines.join('\n');
  if (text.length <= maxChars) return { text, marks };
  // Cut on a character boundary (never half an emoji); marks past the cut are dropped, marks across it end at it.
  const cut = truncateText(text, maxChars);
  const kept = marks
    .filter((mark) => mark.start < cut.length)
    .map((mark) => ({ ...mark, end: Math.min(mark.end, cut.length) }));
  return { text: cut, marks: kept };
}

/**
 * Turns a DOM node into the text a reader sees, one logical line per line: block elements, list
 * items and `<br>` break lines; inline elements (`<code>`, `<a>`, `<em>`) stay inside the line;
 * white space collapses; scripts, styles and hidden elements are left out.
 *
 * @example
 * nodeToText(parseHTML('<ul><li>1:45 – <code>Plug.Upload</code> to S3</li><li>2:00 – B</li></ul>').document);
 * // '1:45 – Plug.Upload to S3\n2:00 – B'
 * nodeToText(hugePage.body, { maxChars: 200_000 }).length // ≤ 200000, without walking the rest of the page
 */
export function nodeToText(node: Node, limits: TextLimits = {}): string {
  return renderNodeText<never>(node, undefined, limits).text;
}

/**
 * Whether `node`'s text (all of it, as `textContent` counts it) is longer than `max` characters, reading
 * no more of it than needed: on a 5 MB page this stops after `max`, where `textContent` copies it all.
 * @example
 * textLongerThan(document.body, 200_000) // true on a 5 MB page, after reading ~200 KB
 */
export function textLongerThan(node: Node, max: number): boolean {
  let length = 0;
  const stack: Node[] = [node];
  while (stack.length > 0) {
    const current = stack.pop()!;
    const type = current.nodeType;
    if (type === TEXT_NODE || type === CDATA_SECTION_NODE) {
      length += (current.nodeValue ?? '').length;
      if (length > max) return true;
      continue;
    }
    const children = current.childNodes;
    for (let i = children.length - 1; i >= 0; i--) {
      const child = children[i];
      if (child) stack.push(child);
    }
  }
  return false;
}

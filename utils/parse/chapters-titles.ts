// Chapter titles: the text each chosen timestamp names, after it (`1:45 – Title`), before it (`Title (1:45)`) or
// on the next line (a stamp alone on its line), cleaned of separators, bullets and Markdown marks. Pure.
import { truncateText } from '../text-limits';
import type { TimeReading, TimestampOccurrence } from './chapters-scan';

/** A timestamp chosen for the list, with the reading chosen for it. */
export interface Pick {
  occurrence: TimestampOccurrence;
  reading: TimeReading;
}

export const MAX_TITLE_LENGTH = 2_000;
/** How long the last title of an inline run may run on before we suspect it swallowed the page. */
const MAX_INLINE_TAIL = 240;

/** Newline offsets of a text, for line starts and ends in logarithmic time (show notes can be one huge line). */
export class LineIndex {
  private readonly breaks: number[] = [];
  constructor(private readonly text: string) {
    for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) this.breaks.push(i);
  }
  /** Offset of the first character of the line holding `offset`. */
  start(offset: number): number {
    const k = this.breaksBefore(offset);
    return k === 0 ? 0 : this.breaks[k - 1]! + 1;
  }
  /** Offset of the newline ending the line holding `offset` (or the text's length). */
  end(offset: number): number {
    const k = this.breaksBefore(offset);
    return k < this.breaks.length ? this.breaks[k]! : this.text.length;
  }
  /** The index of the line holding `offset`. */
  line(offset: number): number {
    return this.breaksBefore(offset);
  }
  /** Count of newlines strictly before `offset`. */
  private breaksBefore(offset: number): number {
    let lo = 0;
    let hi = this.breaks.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.breaks[mid]! < offset) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }
}

/** Trimmed from a title's start: white space, separators, bullets and the closing bracket of a stamp. */
const LEADING_JUNK = new Set(' \t\u00a0-–—|:•·*_>=)]}▪►▸▶→➡⇒»,;');
/** Trimmed from a title's end: white space, separators and the opening bracket of a stamp after it. */
const TRAILING_JUNK = new Set(' \t\u00a0-–—|:;,~•·*_([{<=▪►▸▶→@');
/**
 * A title's own last mark, kept where the title ends its line (`Questions to ask:`): not a separator there. Before
 * another item on the same line a comma or semicolon separates the two (`0:00 Intro, 3:15 Tooling`); a colon does not.
 */
const OWN_ENDINGS = new Set([':', ';', ',']);
const OWN_ENDINGS_INLINE = new Set([':']);
const SECTION_WORDS = [
  'links',
  'references',
  'show notes',
  'resources',
  'sponsors',
  'credits',
  'transcript',
  'mentioned',
  'notes',
  'support the show',
];
const BULLET_START = /^\s*(?:[-*•·▪►▸‣◦●○+>–—]|\d{1,3}[.)])\s/;
const BULLET_MARK = /^\s*(?:[-*•·▪►▸‣◦●○+>–—]|\d{1,3}[.)])\s+/;

/** White space that collapsing changes: a run of it other than one plain space. */
const COLLAPSIBLE_SPACE = /[^\S ]| {2}/;
const SPACE_RUN = /[\s\u00a0]+/g;
/** Markdown's inline marks as show notes kept as text carry them: links, emphasis, code. */
const MARKDOWN_LINK = /!?\[([^\]\n]*)\]\((?:[^()\s]|\([^()\s]*\))*\)/g;
const MARKDOWN_EMPHASIS = /(\*\*|__)(?=\S)([^\n]*?\S)\1|`([^`\n]+)`/g;

/** Removes Markdown's inline marks from a title: `[Text](url)` → `Text`, `**bold**` → `bold`, `` `code` `` → `code`. */
function withoutMarkdown(title: string): string {
  if (title.indexOf('](') < 0 && title.indexOf('**') < 0 && title.indexOf('__') < 0 && title.indexOf('`') < 0)
    return title;
  return title
    .replace(MARKDOWN_LINK, '$1')
    .replace(
      MARKDOWN_EMPHASIS,
      (_m, _mark: string, emphasised?: string, code?: string) => emphasised ?? code ?? '',
    );
}

/**
 * Trims separators, bullets and brackets from both ends and collapses white space. A title ending its line keeps
 * its own closing colon (`keepEnding`); before another item the colon separates.
 */
export function cleanTitle(markup: string, keepEnding = false): string {
  const raw = withoutMarkdown(markup);
  let start = 0;
  let end = raw.length;
  while (
    start < end &&
    (LEADING_JUNK.has(raw.charAt(start)) || raw.charCodeAt(start) === 10 || raw.charCodeAt(start) === 13)
  )
    start++;
  while (
    end > start &&
    (TRAILING_JUNK.has(raw.charAt(end - 1)) ||
      raw.charCodeAt(end - 1) === 10 ||
      raw.charCodeAt(end - 1) === 13)
  )
    end--;
  const endings = keepEnding ? OWN_ENDINGS : OWN_ENDINGS_INLINE;
  if (end < raw.length && endings.has(raw.charAt(end)) && raw.slice(end + 1).trim() === '') end++;
  let title = raw.slice(start, end);
  // Most titles have only single spaces: tested first, they skip building a copy.
  if (COLLAPSIBLE_SPACE.test(title)) title = title.replace(SPACE_RUN, ' ').trim();
  // "1:45 – (Part 2) ..." keeps its bracket; a lone closing bracket of "(1:45)" does not.
  return title.length > MAX_TITLE_LENGTH ? truncateText(title, MAX_TITLE_LENGTH).trimEnd() : title;
}

function endsWithSeparator(raw: string): boolean {
  const trimmed = raw.trimEnd();
  const last = trimmed.charAt(trimmed.length - 1);
  return last === '–' || last === '—' || last === '-' || last === '|' || last === ':' || last === ',';
}

/**
 * Joins a title's first line with the lines that continue it (a title broken at inline code, a line wrapped in
 * text). A stamp alone on its line takes the next line as its title, a bullet included. In a rendered page
 * (`wrapped` false) lines are the page's own blocks: only a dangling title continues.
 */
function joinLines(lines: string[], wrapped: boolean, endsLine = lines.length > 1): string {
  let title = cleanTitle(lines[0] ?? '', endsLine);
  let dangling = endsWithSeparator(lines[0] ?? '') || title === '';
  let blanks = 0;
  for (let k = 1; k < lines.length && k <= 6; k++) {
    const raw = lines[k]!;
    if (title === '' && raw.trim() === '' && blanks++ < 2) continue;
    const lone = title === '';
    const cleaned = cleanTitle(lone ? raw.replace(BULLET_MARK, '') : raw, true);
    if (cleaned === '' || (!lone && BULLET_START.test(raw)) || /^https?:/i.test(cleaned)) break;
    // Indented lines continue a list item (Markdown's wrapped items); so does lower-case text after a break.
    const continues =
      lone || (wrapped && (dangling || /^[ \t\u00a0]{2,}/.test(raw) || /^[a-z`'"(&,;.]/.test(cleaned)));
    if (!continues) break;
    title = title ? `${title} ${cleaned}` : cleaned;
    dangling = endsWithSeparator(raw);
  }
  return title;
}

/** Cuts what follows the last title of an inline run: emoji section markers, raw markup, section headings. */
function cutInlineTail(title: string): string {
  let cut = title.length;
  for (let i = 1; i < title.length; i++) {
    const code = title.codePointAt(i)!;
    const isEmoji =
      code >= 0x1f000 || (code >= 0x2600 && code <= 0x27bf) || (code >= 0x2b00 && code <= 0x2bff);
    const isMarkup = title.charAt(i) === '<' && /[a-z/!]/i.test(title.charAt(i + 1));
    if (isEmoji || isMarkup) {
      cut = i;
      break;
    }
  }
  let result = cleanTitle(title.slice(0, cut), cut === title.length);
  for (let again = true; again;) {
    again = false;
    const lower = result.toLowerCase();
    for (const word of SECTION_WORDS) {
      if (lower.length > word.length && lower.endsWith(` ${word}`)) {
        result = cleanTitle(result.slice(0, result.length - word.length));
        again = true;
        break;
      }
    }
  }
  if (result.length > MAX_INLINE_TAIL) {
    const sentence = result.indexOf('. ', 20);
    result =
      sentence > 0 && sentence < MAX_INLINE_TAIL
        ? result.slice(0, sentence + 1)
        : result.slice(0, result.lastIndexOf(' ', MAX_INLINE_TAIL));
  }
  return result;
}

/** Where an item's own text begins: its time, plus an opening bracket before it on the same line. */
function leadStart(text: string, pick: Pick): number {
  let p = pick.reading.start;
  for (let steps = 0; p > 0 && steps < 6; steps++) {
    const ch = text.charAt(p - 1);
    if (ch === ' ' || ch === '\t' || ch === '\u00a0' || ch === '(' || ch === '[' || ch === '{') p--;
    else break;
  }
  return p;
}

/** A Markdown link's target right after a linked stamp (`[00:28](#t=00:28)`) belongs to the stamp, not the title. */
const LINK_TARGET = /^\]\([^()\s]{0,200}\)/;

function itemEnd(text: string, pick: Pick): number {
  const rangeEnd = pick.occurrence.rangeEnd;
  const end =
    rangeEnd && pick.reading.kind !== 'typo' ? Math.max(rangeEnd.end, pick.reading.end) : pick.reading.end;
  if (text.charCodeAt(end) !== 93) return end;
  const target = LINK_TARGET.exec(text.slice(end, end + 210));
  return target ? end + target[0].length : end;
}

/** Nothing but closing marks and punctuation: what follows a time that ends its item (`Title - *00:02:13*.`). */
const CLOSING_ONLY = /^[\s.,;:!?*_)\]}»"'”’]*$/;

/**
 * Titles for time-first items (`1:45 – Title`) or title-first items (`Title (1:45)`), chosen by majority.
 * `wrapped`: the text is notes as written (lines may wrap), not a rendered page.
 */
export function titlesFor(text: string, picks: Pick[], lines: LineIndex, wrapped = true): string[] {
  const leads = picks.map((p) => leadStart(text, p));
  const ends = picks.map((p) => itemEnd(text, p));
  let titleFirstVotes = 0;
  for (let i = 0; i < picks.length; i++) {
    const lineEnd = lines.end(ends[i]!);
    const rest = text.slice(ends[i]!, Math.min(lineEnd, i + 1 < picks.length ? leads[i + 1]! : lineEnd));
    const after = CLOSING_ONLY.test(rest) ? '' : cleanTitle(rest);
    const lineStart = Math.max(lines.start(leads[i]!), i > 0 ? ends[i - 1]! : 0);
    const before = cleanTitle(text.slice(Math.min(lineStart, leads[i]!), leads[i]!));
    if (after === '' && before !== '') titleFirstVotes++;
  }
  const titleFirst = titleFirstVotes * 2 > picks.length;
  return picks.map((_, i) => {
    if (titleFirst) {
      const from = i > 0 ? ends[i - 1]! : lines.start(leads[i]!);
      const segment = text.slice(Math.min(from, leads[i]!), leads[i]!);
      const segmentLines = segment
        .split('\n')
        .map((line) => cleanTitle(line))
        .filter((l) => l !== '');
      return (segmentLines[segmentLines.length - 1] ?? '').replace(/^\d{1,3}[.)]\s+/, '');
    }
    const from = ends[i]!;
    const titleEnd = picks[i]!.occurrence.titleEnd;
    if (titleEnd !== undefined) return cleanTitle(text.slice(from, Math.max(from, titleEnd)));
    if (i + 1 < picks.length) {
      return joinLines(text.slice(from, Math.max(from, leads[i + 1]!)).split('\n'), wrapped);
    }
    // The last item: the rest of its line, plus continuation lines.
    const lineIndex = lines.line(from);
    const tail = [text.slice(from, lines.end(from))];
    let cursor = lines.end(from);
    for (let k = 0; k < 6 && cursor < text.length; k++) {
      const next = lines.end(cursor + 1);
      tail.push(text.slice(cursor + 1, next));
      cursor = next;
    }
    const title = joinLines(tail, wrapped, true);
    const inline = i > 0 && lines.line(leads[i - 1]!) === lineIndex;
    return inline ? cutInlineTail(title) : title;
  });
}

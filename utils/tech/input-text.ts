// Reads plain show-notes text into a TechInput: the "Tech Stack" list, `name →` items, hashtags, links, and the prose.
import { resolveTechReference } from '@/utils/tech/lookup';
import type { TechInput } from './extract';
import { isSponsorLine } from './sponsors';

const TECH_STACK_HEADING = /^[^\p{L}\p{N}]*(?:(?:the|our|my)\s+)?tech(?:nology)?\s*stack\b\s*:?\s*(.*)$/iu;
/** What every heading has (TECH_STACK_HEADING's `tech`, in any case): no other character folds to t, e, c or h. */
const MENTIONS_TECH = /tech/i;
const ARROW = /(?:→|->)\s*$/u;
const BULLET = /^\s*[-*•·]\s*/u;
/** A URL starting exactly at `lastIndex` (sticky): tried only where a `://` sits 4 or 5 characters ahead. */
const URL_AT = /\bhttps?:\/\/[^\s<>()"'\]]+/iuy;
const HASHTAG = /(?<![\p{L}\p{N}_&#/])#(\p{L}[\p{L}\p{N}_.+-]*)/gu;
const TRAILING_PUNCTUATION = /[.,;:!?)]+$/u;

/** The name in a `rails →` / `- rails ->` item; checked from the end so long prose lines cost one short look. */
function arrowItem(line: string): string | undefined {
  if (!line.includes('→') && !line.includes('->')) return undefined;
  const trimmed = line.trim();
  const tailStart = Math.max(0, trimmed.length - 8);
  const arrow = ARROW.exec(trimmed.slice(tailStart));
  if (arrow === null) return undefined;
  const name = trimmed
    .slice(0, tailStart + arrow.index)
    .replace(BULLET, '')
    .trim();
  return name === '' ? undefined : name;
}

/**
 * Where the URLs in a line start and end, as a global search for URL_AT's pattern would find them (leftmost first,
 * each search resuming after the previous match). Every match has its `://` 4 (`http`) or 5 (`https`) characters
 * after its start, so only those starts are tried: a global regex starting with `\b` would try every position.
 */
function urlSpans(line: string): number[] {
  const spans: number[] = [];
  let from = 0;
  let colon = line.indexOf('://', from + 4);
  while (colon >= 0) {
    let matched = false;
    for (let start = colon - 5; start <= colon - 4; start++) {
      if (start < from) continue;
      URL_AT.lastIndex = start;
      if (URL_AT.test(line)) {
        spans.push(start, URL_AT.lastIndex);
        from = URL_AT.lastIndex;
        matched = true;
        break;
      }
    }
    colon = line.indexOf('://', matched ? from + 4 : colon + 1);
  }
  return spans;
}

function urlsIn(line: string, spans: readonly number[]): string[] {
  const urls: string[] = [];
  for (let k = 0; k < spans.length; k += 2)
    urls.push(line.slice(spans[k], spans[k + 1]).replace(TRAILING_PUNCTUATION, ''));
  return urls;
}

/** The line with each URL replaced by one space. */
function withoutSpans(line: string, spans: readonly number[]): string {
  let out = '';
  let last = 0;
  for (let k = 0; k < spans.length; k += 2) {
    out += `${line.slice(last, spans[k])} `;
    last = spans[k + 1]!;
  }
  return out + line.slice(last);
}

/** A line inside a stack section is an item when it is a `name →` item, a URL, or names one technology outright. */
function stackItem(line: string): string | undefined {
  const arrow = arrowItem(line);
  if (arrow !== undefined) return arrow;
  const item = line.trim().replace(BULLET, '');
  if (resolveTechReference(item) !== undefined) return item;
  return undefined;
}

/**
 * Reads a text line by line and builds its prose: the lines kept as they are, some replaced, some left out, joined
 * with "\n". Without carriage returns, a run of kept lines is one slice of the text, so a long text is not held
 * as hundreds of thousands of line strings (which made the garbage collector's work grow faster than the text).
 */
class ProseBuilder {
  readonly #text: string;
  /** Lines end at "\n" only: kept runs can be cut from the text. */
  readonly #plain: boolean;
  readonly #lines: string[] | undefined;
  readonly #segments: string[] = [];
  #next = 0;
  #lineStart = 0;
  #lineEnd = 0;
  #line = '';
  #runStart = -1;
  #runEnd = -1;

  constructor(text: string) {
    this.#text = text;
    this.#plain = !text.includes('\r');
    this.#lines = this.#plain ? undefined : text.split(/\r\n|\r|\n/u);
  }

  /** The next line (as `split` would give it), or undefined after the last. */
  nextLine(): string | undefined {
    if (this.#lines !== undefined) {
      if (this.#next >= this.#lines.length) return undefined;
      this.#line = this.#lines[this.#next++]!;
      return this.#line;
    }
    if (this.#next > this.#text.length) return undefined;
    const start = this.#next;
    const newline = this.#text.indexOf('\n', start);
    const end = newline < 0 ? this.#text.length : newline;
    this.#lineStart = start;
    this.#lineEnd = end;
    this.#next = end + 1;
    this.#line = this.#text.slice(start, end);
    return this.#line;
  }

  /** The current line goes into the prose unchanged. */
  keep(): void {
    if (!this.#plain) {
      this.#segments.push(this.#line);
      return;
    }
    if (this.#runStart < 0) this.#runStart = this.#lineStart;
    this.#runEnd = this.#lineEnd;
  }

  /** The current line goes into the prose as `value`. */
  replace(value: string): void {
    this.#flush();
    this.#segments.push(value);
  }

  /** The current line is not prose. */
  skip(): void {
    this.#flush();
  }

  build(): string {
    this.#flush();
    return this.#segments.join('\n');
  }

  #flush(): void {
    if (this.#runStart < 0) return;
    this.#segments.push(this.#text.slice(this.#runStart, this.#runEnd));
    this.#runStart = -1;
  }
}

/**
 * Splits plain text (newlines are line breaks) into the sources {@link extractTech} weighs:
 * a "Tech Stack" section (its heading, then `rails →` lines, names or links, up to the first line that
 * is none of these, e.g. the next heading), `name →` items anywhere (captures that lost the heading),
 * a one-line `Tech stack: Rails, Postgres` list, hashtags (`#rails`), tag and other URLs, and the rest as prose.
 * Sponsor credits ("Sponsored by Sentry (https://sentry.io)") are left out.
 *
 * @example techInputFromText('⚙️ Tech Stack\nrails →\nruby →\n🛠 Libraries Used').listed // ['rails', 'ruby']
 */
export function techInputFromText(text: string): TechInput {
  const listed: string[] = [];
  const tags: string[] = [];
  const links: string[] = [];
  const prose = new ProseBuilder(text);
  let inStack = false;
  for (let line = prose.nextLine(); line !== undefined; line = prose.nextLine()) {
    if (line.trim() === '') {
      if (line === '') prose.keep();
      else prose.replace('');
      continue;
    }
    // The heading regex scans back and forth over a line of punctuation; a line without "tech" cannot be one.
    const heading = MENTIONS_TECH.test(line) ? TECH_STACK_HEADING.exec(line.trim()) : null;
    if (heading !== null) {
      inStack = true;
      for (const part of (heading[1] ?? '').split(/[,;|]|\s\/\s/u)) {
        if (part.trim() !== '') listed.push(part.trim());
      }
      prose.skip();
      continue;
    }
    if (inStack) {
      const item = stackItem(line);
      if (item !== undefined) {
        listed.push(item);
        prose.skip();
        continue;
      }
      inStack = false;
    }
    // A sponsor credit is an advert: its names and links are not the episode's.
    if (isSponsorLine(line)) {
      prose.skip();
      continue;
    }
    const arrow = arrowItem(line);
    if (arrow !== undefined && resolveTechReference(arrow) !== undefined) {
      listed.push(arrow);
      prose.skip();
      continue;
    }
    const spans = urlSpans(line);
    if (spans.length > 0) links.push(...urlsIn(line, spans));
    const withoutUrls = spans.length > 0 ? withoutSpans(line, spans) : line;
    // Every hashtag has a "#": a plain search spares most lines the regex scan (its lookbehind cannot skip ahead).
    if (withoutUrls.includes('#')) {
      for (const match of withoutUrls.matchAll(HASHTAG)) {
        const tag = match[1]!.replace(TRAILING_PUNCTUATION, '');
        if (resolveTechReference(tag) !== undefined) tags.push(tag);
      }
    }
    if (spans.length > 0) prose.replace(withoutUrls);
    else prose.keep();
  }
  return { text: prose.build(), listed, tags, links };
}

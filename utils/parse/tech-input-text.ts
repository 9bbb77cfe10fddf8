// Reads plain show-notes text into a TechInput: the "Tech Stack" list, `name →` items, hashtags, links, and the prose.
import { resolveTechReference } from '@/utils/tech/lookup';
import type { TechInput } from './tech';

const TECH_STACK_HEADING = /^[^\p{L}\p{N}]*(?:(?:the|our|my)\s+)?tech(?:nology)?\s*stack\b\s*:?\s*(.*)$/iu;
const ARROW = /(?:→|->)\s*$/u;
const BULLET = /^\s*[-*•·]\s*/u;
const URL = /\bhttps?:\/\/[^\s<>()"'\]]+/giu;
const HASHTAG = /(?<![\p{L}\p{N}_&#/])#(\p{L}[\p{L}\p{N}_.+-]*)/gu;
const TRAILING_PUNCTUATION = /[.,;:!?)]+$/u;

/** The name in a `rails →` / `- rails ->` item; checked from the end so long prose lines cost one short look. */
function arrowItem(line: string): string | undefined {
  const trimmed = line.trim();
  const tailStart = Math.max(0, trimmed.length - 8);
  const arrow = ARROW.exec(trimmed.slice(tailStart));
  if (arrow === null) return undefined;
  const name = trimmed.slice(0, tailStart + arrow.index).replace(BULLET, '').trim();
  return name === '' ? undefined : name;
}

function urlsIn(line: string): string[] {
  return [...line.matchAll(URL)].map((match) => match[0].replace(TRAILING_PUNCTUATION, ''));
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
 * Splits plain text (newlines are line breaks) into the sources {@link extractTech} weighs:
 * a "Tech Stack" section (its heading, then `rails →` lines, names or links, up to the first line that
 * is none of these, e.g. the next heading), `name →` items anywhere (captures that lost the heading),
 * a one-line `Tech stack: Rails, Postgres` list, hashtags (`#rails`), tag and other URLs, and the rest as prose.
 *
 * @example techInputFromText('⚙️ Tech Stack\nrails →\nruby →\n🛠 Libraries Used').listed // ['rails', 'ruby']
 */
export function techInputFromText(text: string): TechInput {
  const listed: string[] = [];
  const tags: string[] = [];
  const links: string[] = [];
  const prose: string[] = [];
  let inStack = false;
  for (const line of text.split(/\r\n|\r|\n/u)) {
    if (line.trim() === '') {
      prose.push('');
      continue;
    }
    const heading = TECH_STACK_HEADING.exec(line.trim());
    if (heading !== null) {
      inStack = true;
      for (const part of (heading[1] ?? '').split(/[,;|]|\s\/\s/u)) {
        if (part.trim() !== '') listed.push(part.trim());
      }
      continue;
    }
    if (inStack) {
      const item = stackItem(line);
      if (item !== undefined) {
        listed.push(item);
        continue;
      }
      inStack = false;
    }
    const arrow = arrowItem(line);
    if (arrow !== undefined && resolveTechReference(arrow) !== undefined) {
      listed.push(arrow);
      continue;
    }
    links.push(...urlsIn(line));
    const withoutUrls = line.replace(URL, ' ');
    for (const match of withoutUrls.matchAll(HASHTAG)) {
      const tag = match[1]!.replace(TRAILING_PUNCTUATION, '');
      if (resolveTechReference(tag) !== undefined) tags.push(tag);
    }
    prose.push(withoutUrls);
  }
  return { text: prose.join('\n'), listed, tags, links };
}

// The technologies one chapter talks about: its title, and the lines the notes nest under it, read with the
// episode's own rules (catalog, context, claims) and with the episode's stack vouching for ambiguous names.
import type { TechMention } from '@/utils/model';
import { extractTech } from './extract';
import { techInputFromText } from './input-text';
import { findTechInText } from './prose';
import { techBySlug, type Technology } from './catalog';

/** A chapter's technologies never outnumber this (a chapter naming more is a link dump, not a topic). */
export const MAX_CHAPTER_TECH = 40;
/** Lines nested under one chapter that are read; a longer run is the rest of the page, not the chapter. */
const MAX_NESTED_LINES = 40;

const BULLET = /^(\s*)[-*•·+]\s+/u;
const LETTER = /\p{L}/u;

/**
 * Everything a chapter's technologies are read from. `nested` is the text the notes put under the chapter
 * (see {@link nestedLines}); `episodeTech` the episode's technologies, which vouch for an ambiguous name
 * ("Go", "Express") that a short title gives no context for.
 */
export interface ChapterTechInput {
  title: string;
  nested?: string;
  episodeTech?: readonly Pick<TechMention, 'slug' | 'source'>[];
  /**
   * Keep only names the text claims as used, as for an episode's stack (default false: a chapter is about
   * what it talks about, so "Django vs Flask" is a Flask chapter and "Moving off Heroku" a Heroku one).
   */
  claimedOnly?: boolean;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Per technology, one pattern for its name and aliases as whole words: built once, asked for every chapter. */
const spellings = new Map<string, RegExp>();

/** Whether the text spells the technology's name or an alias as a whole word (any case). */
function spells(text: string, tech: Technology): boolean {
  let pattern = spellings.get(tech.slug);
  if (pattern === undefined) {
    const names = [tech.name, ...tech.aliases].map(escapeRegExp).join('|');
    pattern = new RegExp(`(?<![\\p{L}\\p{N}])(?:${names})(?![\\p{L}\\p{N}])`, 'iu');
    spellings.set(tech.slug, pattern);
  }
  return pattern.test(text);
}

/**
 * Parents the title spells out inside a longer name: "AWS Lambda" is an AWS chapter, "Ruby on Rails" a Ruby one.
 * A parent that is also an everyday word is left out (its spelling alone proves nothing).
 */
function spelledParents(title: string, slugs: Iterable<string>): string[] {
  const out: string[] = [];
  for (const slug of slugs) {
    for (const parentSlug of techBySlug(slug)?.parents ?? []) {
      const parent = techBySlug(parentSlug);
      if (parent !== undefined && parent.ambiguous === undefined && spells(title, parent))
        out.push(parentSlug);
    }
  }
  return out;
}

/**
 * The slugs of the technologies a chapter names, each once, in order of first mention (title first).
 * A name is taken with the same catalog and context rules as the episode's prose: "Go to market" and
 * "Rust belt" are not languages, "Postgres" is `postgres`. An everyday-word name the episode's stack also
 * names (by any alias) counts without more context: "Go generics" in an episode that runs Go. A name
 * talked about counts even where the episode's rules would not claim it as used ("Django vs Flask").
 * Parents are not implied (a Django chapter is not a Python chapter) unless the title spells them ("AWS
 * Lambda", "Ruby on Rails"); links to a vendor's homepage or a tag page, hashtags and `name →` items in the
 * nested lines count.
 *
 * @example chapterTech({ title: 'Using nginx as a reverse proxy' }) // ['nginx']
 * @example chapterTech({ title: 'Go to market' }) // []
 */
export function chapterTech(input: ChapterTechInput): string[] {
  const vouched = new Set<string>();
  for (const mention of input.episodeTech ?? []) if (mention.source !== 'implied') vouched.add(mention.slug);
  const nested =
    input.nested === undefined || input.nested === '' ? undefined : techInputFromText(input.nested);
  // One text, title first: a nested line can vouch for an ambiguous title word and the reverse, as in an episode.
  const text = [input.title, nested?.text].filter(Boolean).join('\n');
  const slugs = new Set<string>();
  const talkedAbout = input.claimedOnly !== true;
  for (const { tech } of findTechInText(text, { vouched, talkedAbout })) slugs.add(tech.slug);
  for (const parent of spelledParents(input.title, [...slugs])) slugs.add(parent);
  if (nested !== undefined) {
    const explicit = extractTech({ listed: nested.listed, tags: nested.tags, links: nested.links });
    for (const mention of explicit) if (mention.source !== 'implied') slugs.add(mention.slug);
  }
  return [...slugs].slice(0, MAX_CHAPTER_TECH);
}

function lineStartAt(text: string, offset: number): number {
  return text.lastIndexOf('\n', offset - 1) + 1;
}

function lineEndAt(text: string, offset: number): number {
  const end = text.indexOf('\n', offset);
  return end < 0 ? text.length : end;
}

function indentOf(line: string): number {
  const match = /^[\t ]*/u.exec(line)!;
  let width = 0;
  for (const char of match[0]) width += char === '\t' ? 4 : 1;
  return width;
}

/**
 * The lines the notes nest under the chapter whose stamp starts at `stamp`, up to `until` (the next
 * chapter's stamp, or the end of the text), as one text.
 * - A stamp on a line of its own ("01:00", then bullets): the block under it, up to the first blank
 *   line after some text.
 * - A stamp in a list item ("- 3:34 -- Deploys", or a rendered <li>): only the lines indented deeper
 *   than it (its sub-items), blank lines skipped; the first line that is not deeper ends it.
 * - A stamp in a line of text: the bullets and indented lines right under it.
 * Stamps sharing one line (an inline run) have nothing nested.
 *
 * @example nestedLines('01:00\n* [Redux Docs](https://redux.js.org/)\n\n06:00 Next', 0, 36) // '* [Redux Docs](https://redux.js.org/)'
 */
export function nestedLines(text: string, stamp: number, until: number | null): string {
  const limit = Math.min(until ?? text.length, text.length);
  const start = lineStartAt(text, stamp);
  const stampLineEnd = lineEndAt(text, stamp);
  if (stampLineEnd >= limit) return '';
  const stampLine = text.slice(start, stampLineEnd);
  const alone = !LETTER.test(stampLine);
  const bullet = BULLET.exec(stampLine);
  const stampIndent = indentOf(stampLine);
  const inList = bullet !== null || stampIndent > 0;
  const kept: string[] = [];
  let at = stampLineEnd + 1;
  while (at < limit && kept.length < MAX_NESTED_LINES) {
    const end = Math.min(lineEndAt(text, at), limit);
    const line = text.slice(at, end);
    at = end + 1;
    if (line.trim() === '') {
      if (alone && kept.length > 0) break;
      continue;
    }
    if (alone) kept.push(line);
    else if (inList ? indentOf(line) > stampIndent : BULLET.test(line) || indentOf(line) > stampIndent)
      kept.push(line);
    else break;
  }
  return kept.join('\n');
}

// A show-notes node's reading (utils/sites/notes-tech.ts reads it from the page's DOM, with no catalog) matched
// against the catalog: the half of reading notes for technologies that may run away from the page.
import { resolveTechReference } from '@/utils/tech/lookup';
import type { TechInput } from './extract';
import { techInputFromText } from './input-text';

/**
 * What a show-notes node says about its stack, read from the DOM but not yet matched against the catalog:
 * plain data (it survives structured cloning), turned into a {@link TechInput} by {@link techInputFromReading}. The page's reader, readTechNode, is in
 * utils/sites/notes-tech.ts.
 */
export interface TechNodeReading {
  /** The items of "Tech Stack" lists, in document order: text and href. */
  stack: Array<{ label: string; href: string | null }>;
  /** The other links, in document order, sorted by what the DOM alone can tell. */
  anchors: TechAnchor[];
  /** The text outside stack lists and tag links. */
  text: string;
}

/**
 * `tag`: a tag link or badge (its value is the tag). `arrow`: a `name →` link, a stack item if the catalog knows
 * the name (then its text, at `[from, to)` of the reading's text, is not prose); else an ordinary link.
 */
export type TechAnchor =
  | { kind: 'tag'; value: string }
  | { kind: 'arrow'; label: string; href: string; from: number; to: number }
  | { kind: 'link'; href: string };

/** `text` without the given `[from, to)` ranges (they may nest or overlap). */
function without(text: string, ranges: Array<{ from: number; to: number }>): string {
  if (ranges.length === 0) return text;
  const sorted = [...ranges].sort((a, b) => a.from - b.from);
  let out = '';
  let at = 0;
  for (const { from, to } of sorted) {
    if (from > at) out += text.slice(at, from);
    at = Math.max(at, to);
  }
  return out + text.slice(at);
}

/**
 * Match a reading (utils/sites/notes-tech.ts readTechNode) against the catalog: the sources {@link extractTech} weighs. Stack items
 * count as listed (their href too when the label is unknown or empty), tag links as tags, `name →` links the
 * catalog knows as listed, other links' hrefs as links (vendor homepages), and hashtags and prose from the text.
 * @example techInputFromReading(readTechNode(document.body)).listed // ['docker →', 'https://www.docker.com/', …]
 */
export function techInputFromReading(reading: TechNodeReading): TechInput {
  const listed: string[] = [];
  const tags: string[] = [];
  const links: string[] = [];
  for (const { label, href } of reading.stack) {
    if (label !== '') listed.push(label);
    // The href backs up a label the catalog does not know (or an icon-only link).
    if (href !== null && (label === '' || resolveTechReference(label) === undefined)) listed.push(href);
  }
  const claimed: Array<{ from: number; to: number }> = [];
  for (const anchor of reading.anchors) {
    if (anchor.kind === 'tag') tags.push(anchor.value);
    else if (anchor.kind === 'link') links.push(anchor.href);
    else if (resolveTechReference(anchor.label) !== undefined) {
      listed.push(anchor.label);
      claimed.push(anchor);
    } else if (anchor.href !== '') {
      links.push(anchor.href);
    }
  }
  const fromText = techInputFromText(without(reading.text, claimed));
  return {
    text: fromText.text ?? '',
    listed: [...listed, ...(fromText.listed ?? [])],
    tags: [...tags, ...(fromText.tags ?? [])],
    links: [...links, ...(fromText.links ?? [])],
  };
}

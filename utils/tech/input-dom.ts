// Reads a show-notes DOM node into a TechInput, without browser globals (works on linkedom/happy-dom documents).
// Two halves: reading the DOM needs no catalog (it runs in the page), resolving the names does (it may run elsewhere).
import { resolveTechReference } from '@/utils/tech/lookup';
import { tagSlugFromUrl } from '@/utils/tech/tag-url';
import { BLOCK_TAGS } from '@/utils/parse/text';
import type { TechInput } from './extract';
import { techInputFromText } from './input-text';
import { sponsorElements } from './sponsors';

const ELEMENT_NODE = 1;
const TEXT_NODE = 3;
const DOCUMENT_NODE = 9;
const DOCUMENT_FRAGMENT_NODE = 11;

/** Elements whose text names no technology of the episode: code, styles, media fallbacks, the head. */
const SKIPPED = new Set([
  'SCRIPT',
  'STYLE',
  'NOSCRIPT',
  'TEMPLATE',
  'SVG',
  'CANVAS',
  'AUDIO',
  'VIDEO',
  'IFRAME',
  'HEAD',
]);
const HEADINGS = new Set(['H1', 'H2', 'H3', 'H4', 'H5', 'H6', 'DT']);
const TECH_STACK = /^[^\p{L}\p{N}]*(?:(?:the|our|my)\s+)?tech(?:nology)?\s*stack\b\s*:?\s*$/iu;
const ARROW_TEXT = /^\s*(.+?)\s*(?:→|->)\s*$/u;

function isElement(node: Node): node is Element {
  return node.nodeType === ELEMENT_NODE;
}

function textOf(node: Node): string {
  return (node.textContent ?? '').replace(/\s+/gu, ' ').trim();
}

/** The elements after a "Tech Stack" heading up to the next heading: the stack list. */
function stackSections(root: ParentNode): Element[] {
  const sections: Element[] = [];
  for (const heading of Array.from(root.querySelectorAll('h1, h2, h3, h4, h5, h6, dt, strong, b, p'))) {
    if (!TECH_STACK.test(textOf(heading))) continue;
    // The heading may be wrapped (<p><strong>Tech Stack</strong></p>): start from the outermost single-child wrapper.
    let anchor: Element = heading;
    while (
      anchor.parentElement !== null &&
      anchor.parentElement !== root &&
      anchor.parentElement.children.length === 1
    ) {
      anchor = anchor.parentElement;
    }
    sections.push(anchor);
    for (let sibling = anchor.nextElementSibling; sibling !== null; sibling = sibling.nextElementSibling) {
      if (HEADINGS.has(sibling.tagName.toUpperCase()) || TECH_STACK.test(textOf(sibling))) break;
      sections.push(sibling);
      if (sibling.querySelector('a, li') !== null) break; // the list itself: stop after it
    }
  }
  return sections;
}

/**
 * What a show-notes node says about its stack, read from the DOM but not yet matched against the catalog:
 * plain data (it survives structured cloning), turned into a {@link TechInput} by {@link techInputFromReading}.
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

class TextCollector {
  readonly parts: string[] = [];
  length = 0;
  /** Where each of these elements' text starts and ends in the collected text. */
  readonly spans = new Map<Node, { from: number; to: number }>();

  constructor(
    private readonly skip: ReadonlySet<Node>,
    private readonly measured: ReadonlySet<Node>,
  ) {}

  private push(text: string): void {
    this.parts.push(text);
    this.length += text.length;
  }

  collect(node: Node): void {
    if (this.skip.has(node)) return;
    if (node.nodeType === TEXT_NODE) {
      this.push(node.nodeValue ?? '');
      return;
    }
    if (!isElement(node) && node.nodeType !== DOCUMENT_NODE && node.nodeType !== DOCUMENT_FRAGMENT_NODE)
      return;
    const tag = isElement(node) ? node.tagName.toUpperCase() : '';
    if (SKIPPED.has(tag)) return;
    const from = this.length;
    const block = BLOCK_TAGS.has(tag) || tag === 'BR';
    if (block) this.push('\n');
    for (let child = node.firstChild; child !== null; child = child.nextSibling) this.collect(child);
    if (block) this.push('\n');
    if (this.measured.has(node)) this.spans.set(node, { from, to: this.length });
  }
}

/**
 * Read a show-notes element (or a whole document) for {@link techInputFromReading}: stack lists, tag links,
 * `name →` links and other links, and the remaining text, leaving out sponsor reads. Needs no catalog.
 * @example readTechNode(document.body).stack // [{ label: 'docker →', href: 'https://www.docker.com/' }, …]
 */
export function readTechNode(node: Node): TechNodeReading {
  const root = node as unknown as ParentNode & Node;
  if (typeof root.querySelectorAll !== 'function')
    return { stack: [], anchors: [], text: node.textContent ?? '' };
  const stack: TechNodeReading['stack'] = [];
  const skip = new Set<Node>();
  const sections = stackSections(root);
  for (const section of sections) {
    skip.add(section);
    const anchors = Array.from(section.querySelectorAll('a'));
    const items = anchors.length > 0 ? anchors : Array.from(section.querySelectorAll('li'));
    for (const item of items) stack.push({ label: textOf(item), href: item.getAttribute('href') });
  }

  // Sponsor reads are adverts: neither their names nor their links are the episode's technologies.
  const sponsors = sponsorElements(root);
  for (const sponsor of sponsors) skip.add(sponsor);

  const anchors: Array<TechAnchor | { kind: 'arrow'; label: string; href: string; element: Element }> = [];
  const arrows = new Set<Node>();
  for (const anchor of Array.from(root.querySelectorAll('a'))) {
    if (sections.some((section) => section.contains(anchor))) continue;
    if (sponsors.length > 0 && sponsors.some((sponsor) => sponsor.contains(anchor))) continue;
    const href = anchor.getAttribute('href') ?? '';
    const label = textOf(anchor);
    const isBadge = (anchor.getAttribute('class') ?? '').split(/\s+/u).includes('badge');
    if (tagSlugFromUrl(href) !== undefined) {
      anchors.push({ kind: 'tag', value: href });
      skip.add(anchor);
    } else if (isBadge && label !== '') {
      anchors.push({ kind: 'tag', value: label });
      skip.add(anchor);
    } else if (ARROW_TEXT.test(label)) {
      anchors.push({ kind: 'arrow', label, href, element: anchor });
      arrows.add(anchor);
    } else if (href !== '') {
      anchors.push({ kind: 'link', href });
    }
  }

  const collector = new TextCollector(skip, arrows);
  collector.collect(root);
  return {
    stack,
    anchors: anchors.map((anchor) => {
      if (!('element' in anchor)) return anchor;
      const span = collector.spans.get(anchor.element) ?? { from: 0, to: 0 };
      return { kind: 'arrow', label: anchor.label, href: anchor.href, from: span.from, to: span.to };
    }),
    text: collector.parts.join(''),
  };
}

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
 * Match a {@link readTechNode} reading against the catalog: the sources {@link extractTech} weighs. Stack items
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

/**
 * Splits a show-notes element (or a whole document) into the sources {@link extractTech} weighs:
 * the list after a "Tech Stack" heading (`<h6>⚙️ Tech Stack</h6><ul><li><a href="https://www.docker.com/">docker →</a>`:
 * item text and vendor href), `name →` links anywhere, tag links (`a.badge`, `a[href*="/tags/"]`),
 * other links' hrefs (matched against vendor homepages), hashtags, and the remaining text as prose.
 *
 * @example techInputFromNode(document.body).listed // ['docker →', 'https://www.docker.com/', …]
 */
export function techInputFromNode(node: Node): TechInput {
  const root = node as unknown as ParentNode & Node;
  if (typeof root.querySelectorAll !== 'function') return techInputFromText(node.textContent ?? '');
  return techInputFromReading(readTechNode(node));
}

// Reads a show-notes DOM node for the technology scan, without browser globals (works on linkedom/happy-dom
// documents) and without the catalog: it runs in the page, and utils/tech/input-reading.ts matches what it read.
import { tagSlugFromUrl } from '@/utils/tech/tag-url';
import { sponsorElements } from '@/utils/tech/sponsors';
import type { TechInput } from '@/utils/tech/extract';
import { techInputFromText } from '@/utils/tech/input-text';
import { techInputFromReading, type TechAnchor, type TechNodeReading } from '@/utils/tech/input-reading';
import { BLOCK_TAGS } from '@/utils/parse/text';

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

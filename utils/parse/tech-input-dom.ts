// Reads a show-notes DOM node into a TechInput, without browser globals (works on linkedom/happy-dom documents).
import { resolveTechReference, tagSlugFromUrl } from '@/utils/tech/lookup';
import type { TechInput } from './tech';
import { techInputFromText } from './tech-input-text';

const ELEMENT_NODE = 1;
const TEXT_NODE = 3;
const DOCUMENT_NODE = 9;
const DOCUMENT_FRAGMENT_NODE = 11;

const SKIPPED = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'SVG', 'CANVAS', 'AUDIO', 'VIDEO', 'IFRAME', 'HEAD']);
const BLOCKS = new Set([
  'ADDRESS', 'ARTICLE', 'ASIDE', 'BLOCKQUOTE', 'BR', 'DD', 'DIV', 'DL', 'DT', 'FIGCAPTION', 'FIGURE', 'FOOTER', 'FORM',
  'H1', 'H2', 'H3', 'H4', 'H5', 'H6', 'HEADER', 'HR', 'LI', 'MAIN', 'NAV', 'OL', 'P', 'PRE', 'SECTION', 'TABLE', 'TD',
  'TH', 'TR', 'UL', 'BODY', 'HTML',
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
    while (anchor.parentElement !== null && anchor.parentElement !== root && anchor.parentElement.children.length === 1) {
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

function collectText(node: Node, skip: ReadonlySet<Node>, out: string[]): void {
  if (skip.has(node)) return;
  if (node.nodeType === TEXT_NODE) {
    out.push(node.nodeValue ?? '');
    return;
  }
  if (!isElement(node) && node.nodeType !== DOCUMENT_NODE && node.nodeType !== DOCUMENT_FRAGMENT_NODE) return;
  const tag = isElement(node) ? node.tagName.toUpperCase() : '';
  if (SKIPPED.has(tag)) return;
  const block = BLOCKS.has(tag);
  if (block) out.push('\n');
  for (let child = node.firstChild; child !== null; child = child.nextSibling) collectText(child, skip, out);
  if (block) out.push('\n');
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
  const listed: string[] = [];
  const tags: string[] = [];
  const links: string[] = [];
  const skip = new Set<Node>();

  for (const section of stackSections(root)) {
    skip.add(section);
    const anchors = Array.from(section.querySelectorAll('a'));
    const items = anchors.length > 0 ? anchors : Array.from(section.querySelectorAll('li'));
    for (const item of items) {
      const label = textOf(item);
      const href = item.getAttribute('href');
      if (label !== '') listed.push(label);
      // The href backs up a label the catalog does not know (or an icon-only link).
      if (href !== null && (label === '' || resolveTechReference(label) === undefined)) listed.push(href);
    }
  }

  for (const anchor of Array.from(root.querySelectorAll('a'))) {
    if (Array.from(skip).some((section) => section.contains(anchor))) continue;
    const href = anchor.getAttribute('href') ?? '';
    const label = textOf(anchor);
    const isBadge = (anchor.getAttribute('class') ?? '').split(/\s+/u).includes('badge');
    if (tagSlugFromUrl(href) !== undefined) {
      tags.push(href);
      skip.add(anchor);
    } else if (isBadge && label !== '') {
      tags.push(label);
      skip.add(anchor);
    } else if (ARROW_TEXT.test(label) && resolveTechReference(label) !== undefined) {
      listed.push(label);
      skip.add(anchor);
    } else if (href !== '') {
      links.push(href);
    }
  }

  const out: string[] = [];
  collectText(root, skip, out);
  const fromText = techInputFromText(out.join(''));
  return {
    text: fromText.text ?? '',
    listed: [...listed, ...(fromText.listed ?? [])],
    tags: [...tags, ...(fromText.tags ?? [])],
    links: [...links, ...(fromText.links ?? [])],
  };
}

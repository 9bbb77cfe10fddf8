// Selector specs as data: 'css' reads an element's text, 'css@attr' reads an attribute.
import { truncateText } from '../text-limits';

/** A CSS selector, optionally suffixed with `@attribute` to read that attribute instead of the text. */
export type FieldSpec = string;

const ATTRIBUTE_SUFFIX = /@([\w:-]+)$/;

/** Text of an element with whitespace collapsed, bounded so a megabyte title cannot slow us down. */
export function elementText(element: Element | null | undefined, maxChars = 20_000): string {
  const text = element?.textContent ?? '';
  return truncateText(text, maxChars).replace(/\s+/g, ' ').trim();
}

function isElement(node: ParentNode): node is Element {
  return (node as Node).nodeType === 1;
}

/**
 * The first non-empty value among `specs`, read inside `root`. Invalid selectors are skipped.
 * @example readField(item, ['time@datetime', 'time', '.date'])
 */
export function readField(
  root: ParentNode | null | undefined,
  specs: readonly FieldSpec[] | undefined,
): string | null {
  if (!root || !specs) return null;
  for (const spec of specs) {
    const match = ATTRIBUTE_SUFFIX.exec(spec);
    const selector = match ? spec.slice(0, match.index) : spec;
    let element: Element | null;
    try {
      // An empty selector (`'@href'`) reads the root itself: a listing item that is a link.
      element = selector === '' ? (isElement(root) ? root : null) : root.querySelector(selector);
    } catch {
      continue;
    }
    if (!element) continue;
    const value = match ? element.getAttribute(match[1] ?? '')?.trim() : elementText(element);
    if (value) return value;
  }
  return null;
}

/** The first element among `selectors` at or inside `root`, or null (invalid selectors are skipped). */
export function firstElement(
  root: ParentNode | null | undefined,
  selectors: readonly string[] | undefined,
): Element | null {
  if (!root || !selectors) return null;
  for (const selector of selectors) {
    try {
      // The root itself counts: an episode's area can be its show-notes element.
      if (isElement(root) && root.matches(selector)) return root;
      const element = root.querySelector(selector);
      if (element) return element;
    } catch {
      continue;
    }
  }
  return null;
}

/** querySelectorAll that answers [] for an invalid selector and stops at `limit` elements. */
export function allElements(root: ParentNode, selector: string, limit = 1_000): Element[] {
  try {
    return Array.from(root.querySelectorAll(selector)).slice(0, limit);
  } catch {
    return [];
  }
}

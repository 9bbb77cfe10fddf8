// Make the timestamps in a page's own show notes clickable in place: wrap text, never rewrite HTML.
// The timestamps are found by a small scan of their own (page-time-scan.ts), not the chapter parser (which stays in
// the background): only notes whose episode has a chapter list get linked, and the list's starts come along.
import { PAGE_TEXT_MAX_CHARS, PAGE_TIMESTAMPS_MAX } from './limits';
import {
  pageTimeReadings,
  resolvePageTimes,
  scanPageTimes,
  type PageTimeCandidate,
  type PageTimeContext,
} from './page-time-scan';
import { isPersonEvent } from '@/components/trusted';

export { findPageTimestamps } from './page-time-scan';

/** The attribute the tests and the click handler look for; its value is the time in whole seconds. */
export const SEEK_ATTRIBUTE = 'data-stackcast-seek';
/** Marks elements Stackcast created (so teardown removes only its own). */
const OWN_ATTRIBUTE = 'data-stackcast-own';

export interface LinkOptions {
  /** Times past the episode's end are not offered. */
  durationSeconds?: number | null;
  /** The episode's chapter starts, as the parser read them from these notes. */
  chapterStarts?: readonly number[];
  max?: number;
  maxChars?: number;
}

const SKIPPED_PARENTS = new Set([
  'SCRIPT',
  'STYLE',
  'NOSCRIPT',
  'TEXTAREA',
  'TEMPLATE',
  'SELECT',
  'OPTION',
  'BUTTON',
]);
const SHOW_TEXT = 4; // NodeFilter.SHOW_TEXT, spelt out so linkedom/happy-dom documents need no globals

/**
 * Wrap each recognised timestamp in `notes` in a `<span data-stackcast-seek="<seconds>">`. Inside an
 * existing link the link keeps working: it only gains the attribute. Idempotent: already-linked text is
 * skipped. Returns how many timestamps are now clickable in `notes`.
 * @example
 * linkTimestamps(document.querySelector('#episode_body')!, { durationSeconds: 3600, chapterStarts: [0, 105] }) // 12
 */
export function linkTimestamps(notes: Element, options: LinkOptions = {}): number {
  const max = options.max ?? PAGE_TIMESTAMPS_MAX;
  const maxChars = options.maxChars ?? PAGE_TEXT_MAX_CHARS;
  const context: PageTimeContext = {
    durationSeconds: options.durationSeconds ?? null,
    chapterStarts: new Set(options.chapterStarts ?? []),
  };
  const doc = notes.ownerDocument;
  let linked = notes.querySelectorAll(`[${SEEK_ATTRIBUTE}]`).length;
  if (linked >= max) return linked;

  // Collect first, change after: mutating while walking would skip nodes. The notes' candidates together say how
  // they write their times (frames, hours and minutes); each text node is then read on its own.
  const found: { node: Text; candidates: PageTimeCandidate[] }[] = [];
  const walker = doc.createTreeWalker(notes, SHOW_TEXT);
  let budget = maxChars;
  let pending = 0;
  for (let node = walker.nextNode(); node && budget > 0 && linked + pending < max; node = walker.nextNode()) {
    const text = node.nodeValue ?? '';
    budget -= text.length;
    if (text.length < 4 || !/\d:\d\d/.test(text)) continue;
    const parent = node.parentElement;
    if (!parent || SKIPPED_PARENTS.has(parent.tagName) || parent.closest(`[${SEEK_ATTRIBUTE}]`)) continue;
    const candidates = scanPageTimes(text);
    if (candidates.length === 0) continue;
    found.push({ node: node as Text, candidates });
    pending += candidates.length;
  }
  const starts = context.chapterStarts!;
  const readings = pageTimeReadings(
    found.flatMap((entry) => entry.candidates),
    starts,
  );
  const work = found
    .map(({ node, candidates }) => ({ node, hits: resolvePageTimes(candidates, context, readings) }))
    .filter((entry) => entry.hits.length > 0);

  for (const { node, hits } of work) {
    if (linked >= max) break;
    const link = node.parentElement?.closest('a');
    if (link) {
      // The page's own link (often the site's seek link): keep it, only mark it.
      link.setAttribute(SEEK_ATTRIBUTE, String(hits[0]!.seconds));
      linked += 1;
      continue;
    }
    const text = node.nodeValue ?? '';
    const fragment = doc.createDocumentFragment();
    let cursor = 0;
    for (const hit of hits) {
      if (linked >= max || hit.index < cursor) break;
      if (hit.index > cursor) fragment.append(doc.createTextNode(text.slice(cursor, hit.index)));
      fragment.append(timestampSpan(doc, text.slice(hit.index, hit.index + hit.length), hit.seconds));
      cursor = hit.index + hit.length;
      linked += 1;
    }
    if (cursor < text.length) fragment.append(doc.createTextNode(text.slice(cursor)));
    node.replaceWith(fragment);
  }
  return linked;
}

function timestampSpan(doc: Document, label: string, seconds: number): HTMLElement {
  const span = doc.createElement('span');
  span.setAttribute(SEEK_ATTRIBUTE, String(seconds));
  span.setAttribute(OWN_ATTRIBUTE, '');
  span.setAttribute('role', 'button');
  span.setAttribute('tabindex', '0');
  span.setAttribute('title', 'Play from here (Stackcast)');
  // Inline style: the page's stylesheet owns this text, we only hint that it is clickable.
  span.setAttribute('style', 'cursor:pointer;text-decoration:underline dotted;text-underline-offset:2px');
  span.textContent = label;
  return span;
}

/**
 * Undo {@link linkTimestamps} under `root`: our spans become plain text again, page links lose the mark.
 * @example
 * unlinkTimestamps(document.body)
 */
export function unlinkTimestamps(root: ParentNode): void {
  for (const element of Array.from(root.querySelectorAll(`[${SEEK_ATTRIBUTE}]`))) {
    if (element.hasAttribute(OWN_ATTRIBUTE)) {
      const parent = element.parentNode;
      element.replaceWith(element.ownerDocument.createTextNode(element.textContent ?? ''));
      parent?.normalize();
    } else {
      element.removeAttribute(SEEK_ATTRIBUTE);
    }
  }
}

/**
 * The seconds an element (or its ancestor) asks to play from, or null.
 * @example
 * seekTargetOf(event.target) // { element, seconds: 105 }
 */
export function seekTargetOf(target: EventTarget | null): { element: Element; seconds: number } | null {
  const element = (target as Element | null)?.closest?.(`[${SEEK_ATTRIBUTE}]`);
  if (!element) return null;
  const seconds = Number(element.getAttribute(SEEK_ATTRIBUTE));
  return Number.isFinite(seconds) && seconds >= 0 ? { element, seconds } : null;
}

/**
 * What a click or key press on the page asks Stackcast to play, or null. Only a person's input counts: the
 * page's script can dispatch synthetic clicks and keys on the very timestamps we made clickable, and those
 * must not play, seek or open anything. A link to another page keeps navigating; Enter or Space activates
 * one of our spans (links get their click from the browser).
 * @example
 * window.addEventListener('click', (event) => { const hit = timestampActivation(event, location.href); ... });
 */
export function timestampActivation(
  event: Event,
  pageUrl: string,
): { element: Element; seconds: number } | null {
  if (!isPersonEvent(event)) return null;
  if (event.type === 'keydown') {
    const { key } = event as KeyboardEvent;
    if ((key !== 'Enter' && key !== ' ') || (event.target as Element | null)?.tagName !== 'SPAN') return null;
  } else if (event.type !== 'click') {
    return null;
  }
  const hit = seekTargetOf(event.target);
  if (!hit) return null;
  if (hit.element.tagName === 'A' && leavesPage(hit.element as HTMLAnchorElement, pageUrl)) return null;
  return hit;
}

/** A link to another page keeps navigating; only same-page links (`#`, `#1:45`) become seeks. */
function leavesPage(link: HTMLAnchorElement, pageUrl: string): boolean {
  const href = link.getAttribute('href');
  if (!href || href.startsWith('#') || href.startsWith('javascript:')) return false;
  try {
    const page = new URL(pageUrl);
    const target = new URL(href, page);
    return target.origin + target.pathname + target.search !== page.origin + page.pathname + page.search;
  } catch {
    return false;
  }
}

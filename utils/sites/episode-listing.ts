// A directory's listing page read as data: each episode is the block around the links to one episode's page.
import type { FoundEpisode } from './types';
import { allElements, elementText, firstElement, readField, type FieldSpec } from './fields';
import { MAX_EPISODES_PER_PAGE } from './profile';
import { audioUrl, cleanLabel, isoDate, parseDuration } from './values';

/**
 * Where a listing page's episodes sit. Only `links` and `episodeUrl` are required: without an `item`
 * selector (or when a redesign left it matching nothing) each episode is the largest block around its links
 * that holds no other episode's link, so an unknown generation of the page still gives one episode per link.
 */
export interface EpisodeListing {
  /** Candidate links to episode pages (a CSS selector), checked with `episodeUrl`. */
  links: string;
  /** The episode's canonical address from a link's absolute address on this page, or null when it is not one. */
  episodeUrl(href: URL, page: URL): string | null;
  /** Episode blocks, one entry per markup generation (first one with episodes wins). */
  item?: string[];
  title?: FieldSpec[];
  date?: FieldSpec[];
  duration?: FieldSpec[];
  audio?: FieldSpec[];
  /** The audio an episode's address itself carries (a link that is the file's address, encoded). */
  audioOf?(episodeUrl: string): string | null;
  /** The blurb element; when none matches, the block's longest paragraph. */
  notes?: string[];
  /** Parts of a blurb that are not notes ("Show more" buttons, badges). */
  notesIgnore?: string;
  /** Page-level: the show's name. */
  podcast?: FieldSpec[];
  /** Links inside these are not the list's (a player bar's now-playing episode), besides {@link OUTSIDE_THE_LIST}. */
  exclude?: string;
}

/** Where an episode link is not an entry of the page's list: navigation, footers, sidebars of recommendations. */
export const OUTSIDE_THE_LIST =
  'nav, footer, aside, [role="navigation"], [role="complementary"], [role="contentinfo"]';

const MAX_LINKS = 5_000;
/** Climbing from a link stops below these: an episode block never spans the page's own frame. */
const PAGE_FRAME = 'html, body, main, [role="main"]';

function episodeKey(link: Element, page: URL, listing: EpisodeListing): string | null {
  const href = link.getAttribute('href');
  if (!href) return null;
  try {
    return listing.episodeUrl(new URL(href, page), page);
  } catch {
    return null;
  }
}

function outside(link: Element, exclude: string): boolean {
  try {
    return link.closest(exclude) !== null;
  } catch {
    return false;
  }
}

/** Episode links in document order, with the episode each one names. */
function episodeLinks(
  doc: Document,
  page: URL,
  listing: EpisodeListing,
): Array<{ link: Element; key: string }> {
  const links: Array<{ link: Element; key: string }> = [];
  const exclude = listing.exclude ? `${listing.exclude}, ${OUTSIDE_THE_LIST}` : OUTSIDE_THE_LIST;
  for (const link of allElements(doc, listing.links, MAX_LINKS)) {
    if (outside(link, exclude)) continue;
    const key = episodeKey(link, page, listing);
    if (key) links.push({ link, key });
  }
  return links;
}

/** What the elements above episode links hold: the one episode (or `many`), and the first episode linked. */
interface Holdings {
  held: Map<Element, string>;
  first: Map<Element, string>;
}

function episodesHeld(links: Array<{ link: Element; key: string }>): Holdings {
  const held = new Map<Element, string>();
  const first = new Map<Element, string>();
  for (const { link, key } of links) {
    for (let node: Element | null = link; node; node = node.parentElement) {
      if (!first.has(node)) first.set(node, key);
      const current = held.get(node);
      if (current === key) continue;
      held.set(node, current === undefined ? key : 'many');
    }
  }
  return { held, first };
}

/** The largest block around `link` that holds only its own episode and stays inside the page's frame. */
function blockAround(link: Element, held: Map<Element, string>, key: string): Element {
  let block = link;
  for (
    let parent = link.parentElement;
    parent && held.get(parent) === key && !parent.matches(PAGE_FRAME);
    parent = parent.parentElement
  ) {
    // A block holding the page's heading is the page, not an episode (a show with a single episode).
    if (parent.querySelector('h1')) break;
    block = parent;
  }
  return block;
}

/**
 * Items of the first generation that has any, outermost first. An item is the episode its first link names (a
 * blurb may link another episode: "part 1 is here"); an element whose items name other episodes is the list.
 */
function itemBlocks(
  doc: Document,
  listing: EpisodeListing,
  { held, first }: Holdings,
): Array<{ root: Element; key: string }> {
  for (const selector of listing.item ?? []) {
    const candidates = allElements(doc, selector, MAX_LINKS).filter((element) => held.has(element));
    const chosen = new Set(candidates);
    const lists = new Set<Element>();
    for (const element of candidates) {
      for (let parent = element.parentElement; parent; parent = parent.parentElement)
        if (chosen.has(parent) && first.get(parent) !== first.get(element)) lists.add(parent);
    }
    // Outermost only: a row's image or title block can match the row's own selector (`episode-block-image`).
    const rows = candidates.filter((element) => !lists.has(element));
    const kept = new Set(rows);
    const outermost = rows.filter((element) => {
      for (let parent = element.parentElement; parent; parent = parent.parentElement)
        if (kept.has(parent)) return false;
      return true;
    });
    if (outermost.length > 0) return outermost.map((root) => ({ root, key: first.get(root)! }));
  }
  return [];
}

/** The block's longest paragraph: a blurb whose element the page gave no stable name. */
function longestParagraph(root: Element): Element | null {
  let best: Element | null = null;
  let bestLength = 0;
  for (const paragraph of allElements(root, 'p', 200)) {
    const length = elementText(paragraph).length;
    if (length > bestLength) {
      best = paragraph;
      bestLength = length;
    }
  }
  return best;
}

/**
 * A date the block shows in a short text of its own (`Dec 20, 2021`, `2021-12-20`), for rows whose date element
 * has no stable name. Dates without a year (`Jun 1`, `Tuesday`) stay unknown: better no date than a wrong one.
 */
function shownDate(root: Element): string | null {
  const datetime = isoDate(readField(root, ['time@datetime']));
  if (datetime) return datetime;
  for (const element of allElements(root, 'time, p, span, div', 300)) {
    if (element.firstElementChild) continue;
    const text = elementText(element, 60);
    if (text.length > 40) continue;
    const date = isoDate(text);
    if (date) return date;
  }
  return null;
}

/** The title: the listing's own field, else the longest text of a link to the episode, else an image's alt text. */
function titleOf(root: Element, links: Element[], listing: EpisodeListing): string | null {
  const field = cleanLabel(readField(root, listing.title));
  if (field) return field;
  let best: string | null = null;
  for (const link of links) {
    const text = cleanLabel(elementText(link));
    if (text && (!best || text.length > best.length)) best = text;
  }
  return best ?? cleanLabel(readField(root, ['img[alt]@alt']));
}

/**
 * The episodes of a listing page, in page order, one per episode address (a repeated link is the same episode).
 * @example readEpisodeListing(document, new URL(location.href), spotifyListing).map((found) => found.meta.title)
 */
export function readEpisodeListing(doc: Document, page: URL, listing: EpisodeListing): FoundEpisode[] {
  const links = episodeLinks(doc, page, listing);
  if (links.length === 0) return [];
  const holdings = episodesHeld(links);
  let blocks = itemBlocks(doc, listing, holdings);
  if (blocks.length === 0) {
    const seen = new Set<string>();
    for (const { link, key } of links) {
      if (seen.has(key)) continue;
      seen.add(key);
      blocks.push({ root: blockAround(link, holdings.held, key), key });
    }
  }
  const linksByKey = new Map<string, Element[]>();
  for (const { link, key } of links) {
    const own = linksByKey.get(key);
    if (own) own.push(link);
    else linksByKey.set(key, [link]);
  }
  const podcast = cleanLabel(readField(doc, listing.podcast));
  const found: FoundEpisode[] = [];
  const done = new Set<string>();
  blocks = blocks.filter(({ key }) => (done.has(key) ? false : (done.add(key), true)));
  for (const { root, key } of blocks.slice(0, MAX_EPISODES_PER_PAGE)) {
    const own = (linksByKey.get(key) ?? []).filter((link) => root.contains(link));
    found.push({
      meta: {
        title: titleOf(root, own, listing),
        podcast,
        date: isoDate(readField(root, listing.date)) ?? shownDate(root),
        durationSeconds: parseDuration(readField(root, listing.duration)),
        url: key,
        audioUrl: audioUrl(readField(root, listing.audio), page) ?? audioUrl(listing.audioOf?.(key), page),
      },
      root,
      notes: firstElement(root, listing.notes) ?? longestParagraph(root),
      notesIgnore: listing.notesIgnore ?? null,
      techHints: {},
      media: root.querySelector('audio, video') as HTMLMediaElement | null,
    });
  }
  return found;
}

// Which parts of a page never hold the episode's notes (comments, sidebars, navigation, footers, lists of other
// episodes), decided by the page's structure (elements, landmark roles, the words CMS themes name them by).
import { countTimestamps } from './timestamp-blocks';

/** Landmarks and sections that are never an episode's notes: comments, navigation, footers, sidebars. */
const NEVER_TAGS = new Set(['NAV', 'FOOTER']);
const NEVER_ROLES = new Set(['navigation', 'contentinfo', 'complementary', 'search']);
const NEVER_WORDS =
  /(?:^|[\s_-])(?:comments?|commentlist|discussion|disqus|respond|replies|sidebar|widgets?|breadcrumbs?)(?:$|[\s_-])/i;
/** Sections that are usually beside the notes (an aside, related or recent posts) but may hold them on some sites. */
const ASIDE_TAGS = new Set(['ASIDE']);
const ASIDE_WORDS =
  /(?:^|[\s_-])(?:related|relatedposts|recent|latest|popular|similar|more-episodes|other-episodes|pagination|pager|post-navigation)(?:$|[\s_-])/i;

export type RegionKind = 'never' | 'aside';

function words(element: Element): string {
  return `${element.getAttribute('class') ?? ''} ${element.id}`;
}

/** What kind of not-notes region `element` itself is, if any. A wrapper of the page's main content is none. */
export function regionKind(element: Element): RegionKind | null {
  const tag = element.tagName.toUpperCase();
  if (tag === 'BODY' || tag === 'HTML' || tag === 'MAIN' || tag === 'ARTICLE') return null;
  const role = element.getAttribute('role') ?? '';
  let kind: RegionKind | null = null;
  if (NEVER_TAGS.has(tag) || NEVER_ROLES.has(role) || NEVER_WORDS.test(words(element))) kind = 'never';
  else if (ASIDE_TAGS.has(tag) || ASIDE_WORDS.test(words(element))) kind = 'aside';
  // A layout wrapper named after its sidebar (`has-sidebar`, `content-sidebar-wrap`) holds the page's title or main.
  if (kind !== null && element.querySelector('h1, main, [role="main"]') !== null) return null;
  return kind;
}

/** The strongest not-notes region `element` sits in ('never' before 'aside'), below `top`. */
export function enclosingRegion(element: Element, top: Element): RegionKind | null {
  let found: RegionKind | null = null;
  for (let node: Element | null = element; node && node !== top; node = node.parentElement) {
    const kind = regionKind(node);
    if (kind === 'never') return kind;
    found ??= kind;
  }
  return found;
}

/** Whether a link leads to another page of the same site (not a time in this one, not this page). */
function linksElsewhereOnSite(link: Element, page: URL): boolean {
  const href = link.getAttribute('href') ?? '';
  if (!href || href.startsWith('#')) return false;
  try {
    const target = new URL(href, page);
    return target.origin === page.origin && target.pathname !== page.pathname;
  } catch {
    return false;
  }
}

/**
 * A list of other episodes with their durations (`Ep 41: Caching (45:12)`): most items carrying a time are one
 * link to another page of the site, the link being most of the item's text. Such times are not chapters.
 */
export function isOtherEpisodesList(block: Element, page: URL): boolean {
  let timed = 0;
  let listed = 0;
  for (const item of Array.from(block.children).slice(0, 200)) {
    const text = (item.textContent ?? '').replace(/\s+/g, ' ').trim();
    const stamps = countTimestamps(text);
    if (stamps === 0) continue;
    timed += 1;
    if (stamps > 1) continue;
    const links = Array.from(item.querySelectorAll('a[href]')).filter((link) =>
      linksElsewhereOnSite(link, page),
    );
    const linkText = links.reduce((sum, link) => sum + (link.textContent ?? '').trim().length, 0);
    if (links.length > 0 && linkText * 2 >= text.length - 8) listed += 1;
  }
  return timed >= 2 && listed * 3 >= timed * 2;
}

/**
 * The blocks that may be the episode's notes: none in comments, navigation, footers or sidebars, none that lists
 * other episodes; blocks in an aside or a related/recent list only when nothing else is left.
 * @example notesBlocks(timestampBlocks(document.body), document.body, new URL(location.href))
 */
export function notesBlocks(blocks: Element[], top: Element, page: URL): Element[] {
  const main: Element[] = [];
  const beside: Element[] = [];
  for (const block of blocks) {
    const region = enclosingRegion(block, top);
    if (region === 'never' || isOtherEpisodesList(block, page)) continue;
    (region === 'aside' ? beside : main).push(block);
  }
  return main.length > 0 ? main : beside;
}

/**
 * A CSS selector for the not-notes regions inside `root`, asides and related lists too (so a parse of `root`
 * leaves them out), or null when
 * there are none or the selector would also take one of the kept `blocks`.
 */
export function regionsSelector(root: Element, blocks: Element[]): string | null {
  const parts = new Set<string>();
  for (const element of Array.from(root.querySelectorAll('*')).slice(0, 20_000)) {
    if (regionKind(element) === null) continue;
    const id = element.id;
    const role = element.getAttribute('role');
    const classes = (element.getAttribute('class') ?? '')
      .split(/\s+/)
      .filter((name) => /^[A-Za-z_][\w-]*$/.test(name));
    if (id && /^[A-Za-z][\w-]*$/.test(id)) parts.add(`#${id}`);
    else if (role && /^[a-z]+$/.test(role)) parts.add(`${element.tagName.toLowerCase()}[role="${role}"]`);
    else parts.add(`${element.tagName.toLowerCase()}${classes.map((name) => `.${name}`).join('')}`);
    if (parts.size >= 40) break;
  }
  if (parts.size === 0) return null;
  const selector = [...parts].join(', ');
  try {
    return blocks.some((block) => block.closest(selector) !== null && root.contains(block.closest(selector)))
      ? null
      : selector;
  } catch {
    return null;
  }
}

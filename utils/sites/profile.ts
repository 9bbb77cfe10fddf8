// A site described as data (hosts, page kinds, selectors) and the one engine that turns it into an adapter.
import type { EpisodeMeta, FoundEpisode, SiteAdapter } from './types';
import { allElements, elementText, firstElement, readField, type FieldSpec } from './fields';
import { readPageEpisode } from './page-episode';
import { genericEpisodes } from './generic';
import { audioUrl, cleanLabel, httpUrl, isoDate, parseDuration } from './values';
import { hostIn, type SiteAddress } from './address';

/** Tag badges: links whose href names a tag, e.g. `/tags/docker`. */
export interface TagLinks {
  selector: string;
  /** Captures the tag slug from the link's href (first group). */
  slug: RegExp;
}

/** An explicit stack list: a heading whose text matches, then the links of the list after it. */
export interface StackList {
  heading: string;
  text: RegExp;
  items: string;
}

/** Where one episode's data sits on an episode page. Unset fields fall back to page metadata. */
export interface EpisodeSelectors {
  /** The episode's area (the overlay goes there); default: the page body. */
  root?: string[];
  title?: FieldSpec[];
  podcast?: FieldSpec[];
  date?: FieldSpec[];
  duration?: FieldSpec[];
  url?: FieldSpec[];
  audio?: FieldSpec[];
  guid?: FieldSpec[];
  /** Show-notes element candidates, first match wins. */
  notes?: string[];
  /** Parts of the notes element that are not notes (player readouts, badges). */
  notesIgnore?: string;
  /** The site's own seekable player. */
  media?: string;
  tags?: TagLinks;
  stack?: StackList;
  /** Notes that only exist in metadata (Spotify): text cleaned by `strip`, items split at `split`. */
  metadataNotes?: { strip?: RegExp; split?: RegExp };
}

/** Where each episode sits on a listing page (a show page, an index, a tag page). */
export interface ListingSelectors {
  item: string;
  title?: FieldSpec[];
  date?: FieldSpec[];
  duration?: FieldSpec[];
  url?: FieldSpec[];
  audio?: FieldSpec[];
  notes?: string[];
  tags?: TagLinks;
  /** Page-level: the show's name. */
  podcast?: FieldSpec[];
}

export type PageKind = 'episode' | 'listing';

/** Everything that makes one site different from another. */
export interface SiteProfile {
  id: string;
  name: string;
  /** Where the site lives and its time links: the site file's `<site>Address` export. */
  address: SiteAddress;
  exampleUrls: string[];
  /** Which kind of page a URL is; null: not an episode or listing page (generic detection still runs). */
  pageKind(url: URL): PageKind | null;
  episode?: EpisodeSelectors;
  listing?: ListingSelectors;
  /** The show's name when the page does not say it (a single-show site). */
  podcast?: string;
  /** Whether page metadata audio (og:audio, <audio>) is the episode's (false for Spotify's previews). */
  metadataAudio?: boolean;
  seekable: boolean;
  /** Site JSON the selectors cannot reach (Apple's serialized server data, Podbay's __NEXT_DATA__). */
  enrich?(doc: Document, url: URL, found: FoundEpisode[]): FoundEpisode[];
}

/** Most episodes a listing page can yield. */
export const MAX_EPISODES_PER_PAGE = 500;

function tagSlugs(root: ParentNode, tags: TagLinks | undefined): string[] {
  if (!tags) return [];
  const slugs = new Set<string>();
  for (const link of allElements(root, tags.selector, 200)) {
    const slug = tags.slug.exec(link.getAttribute('href') ?? '')?.[1];
    if (slug) slugs.add(decodeURIComponent(slug).toLowerCase());
  }
  return [...slugs];
}

function stackItems(root: ParentNode, stack: StackList | undefined): { listed: string[]; links: string[] } {
  const listed: string[] = [];
  const links: string[] = [];
  if (!stack) return { listed, links };
  for (const heading of allElements(root, stack.heading, 50)) {
    if (!stack.text.test(elementText(heading))) continue;
    let list = heading.nextElementSibling;
    while (list && !list.matches('ul, ol')) list = list.nextElementSibling;
    if (!list) continue;
    for (const item of allElements(list, stack.items, 300)) {
      const name = elementText(item)
        .replace(/[→»›>]+\s*$/u, '')
        .trim();
      if (name) listed.push(name);
      const href = item.getAttribute('href');
      if (href) links.push(href);
    }
    break;
  }
  return { listed, links };
}

function readEpisodePage(
  doc: Document,
  url: URL,
  profile: SiteProfile,
  selectors: EpisodeSelectors,
): FoundEpisode | null {
  const body = doc.body ?? doc.documentElement;
  if (!body) return null;
  const root = firstElement(doc, selectors.root) ?? body;
  const page = readPageEpisode(doc, url, { audio: profile.metadataAudio ?? true });
  const meta: EpisodeMeta = {
    title: cleanLabel(readField(root, selectors.title)) ?? page.meta.title,
    podcast: cleanLabel(readField(doc, selectors.podcast)) ?? page.meta.podcast ?? profile.podcast ?? null,
    date: isoDate(readField(root, selectors.date)) ?? page.meta.date,
    // Metadata durations are exact; the visible ones are rounded (`1h 43m`).
    durationSeconds: page.meta.durationSeconds ?? parseDuration(readField(root, selectors.duration)),
    url: httpUrl(readField(doc, selectors.url), url) ?? page.meta.url ?? httpUrl(url.href, undefined, false),
    audioUrl: audioUrl(readField(doc, selectors.audio), url) ?? page.meta.audioUrl,
    guid: readField(doc, selectors.guid),
  };
  const notes = firstElement(root, selectors.notes);
  let notesText: string | null = null;
  if (!notes && page.description) {
    let text = page.description;
    if (selectors.metadataNotes?.strip) text = text.replace(selectors.metadataNotes.strip, '');
    if (selectors.metadataNotes?.split) text = text.split(selectors.metadataNotes.split).join('\n');
    notesText = text.trim() || null;
  }
  const { listed, links } = stackItems(root, selectors.stack);
  const tags = tagSlugs(root, selectors.tags);
  const media = selectors.media ? (root.querySelector(selectors.media) as HTMLMediaElement | null) : null;
  return {
    meta,
    root,
    notes,
    notesText,
    notesIgnore: selectors.notesIgnore ?? null,
    techHints: { tags, listed, links },
    media,
  };
}

function readListing(
  doc: Document,
  url: URL,
  profile: SiteProfile,
  listing: ListingSelectors,
): FoundEpisode[] {
  const podcast = cleanLabel(readField(doc, listing.podcast)) ?? profile.podcast ?? null;
  const found: FoundEpisode[] = [];
  for (const item of allElements(doc, listing.item, MAX_EPISODES_PER_PAGE)) {
    const title = cleanLabel(readField(item, listing.title));
    const notes = firstElement(item, listing.notes);
    if (!title && !notes) continue;
    found.push({
      meta: {
        title,
        podcast,
        date: isoDate(readField(item, listing.date)),
        durationSeconds: parseDuration(readField(item, listing.duration)),
        url: httpUrl(readField(item, listing.url), url),
        audioUrl: audioUrl(readField(item, listing.audio), url),
      },
      root: item,
      notes,
      techHints: { tags: tagSlugs(item, listing.tags) },
      media: item.querySelector('audio, video') as HTMLMediaElement | null,
    });
  }
  return found;
}

/**
 * The last steps every way of finding a site's episodes shares: the site's own data added where it can be, the
 * page's media dropped where the site's player cannot be driven, and the page's count bounded.
 */
export function finishEpisodes(
  profile: SiteProfile,
  doc: Document,
  url: URL,
  found: FoundEpisode[],
): FoundEpisode[] {
  let episodes = found;
  if (profile.enrich) {
    try {
      episodes = profile.enrich(doc, url, episodes);
    } catch {
      // Site JSON is a bonus: a changed shape must not cost the episodes already found.
    }
  }
  if (!profile.seekable) episodes = episodes.map((episode) => ({ ...episode, media: null }));
  return episodes.slice(0, MAX_EPISODES_PER_PAGE);
}

/**
 * Turns a site profile into an adapter. Known page kinds use the profile's selectors; anything the
 * selectors miss (a redesign, an unknown page) falls back to generic detection, so a drifted site
 * degrades to "works like any page" rather than to nothing.
 * @example const overcast = adapterFromProfile(overcastProfile);
 */
export function adapterFromProfile(profile: SiteProfile): SiteAdapter {
  return {
    id: profile.id,
    name: profile.name,
    exampleUrls: profile.exampleUrls,
    seekable: profile.seekable,
    address: profile.address,
    timeUrl: (episodeUrl, seconds) => profile.address.timeLink?.(episodeUrl)?.(seconds) ?? null,
    matches: (url) => hostIn(url.hostname, profile.address.hosts),
    findEpisodes(doc, url) {
      const kind = profile.pageKind(url);
      let found: FoundEpisode[] = [];
      if (kind === 'listing' && profile.listing) found = readListing(doc, url, profile, profile.listing);
      if (kind === 'episode' && profile.episode) {
        const episode = readEpisodePage(doc, url, profile, profile.episode);
        found = episode ? [episode] : [];
        // Notes the selectors missed (a redesign) may still be found as timestamp blocks.
        if (episode && !episode.notes) {
          const generic = genericEpisodes(doc, url, { audio: profile.metadataAudio ?? true });
          if (generic.some((item) => item.notes)) found = generic;
        }
      }
      if (found.length === 0) found = genericEpisodes(doc, url, { audio: profile.metadataAudio ?? true });
      return finishEpisodes(profile, doc, url, found);
    },
  };
}

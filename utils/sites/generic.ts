// The adapter for any page: an episode declared in metadata, and/or blocks of timestamped show notes.
import type { EpisodeMeta, FoundEpisode, SiteAdapter } from './types';
import { readPageEpisode, type PageEpisode } from './page-episode';
import { timestampBlocks } from './timestamp-blocks';
import { elementText } from './fields';
import { findAudio } from './page-audio';
import { notesBlocks } from './content-regions';
import {
  blockCounts,
  commonAncestor,
  episodeRoot,
  HEADING,
  precedingContext,
  widenNotes,
} from './block-areas';
import { EPISODE_ITEM, onlyMedia, singleEpisode } from './single-episode';
import { cleanLabel, httpUrl, isoDate, parseDuration } from './values';

export interface GenericOptions {
  /** Read audio from page metadata (off for Spotify: its og:audio is a preview clip). */
  audio?: boolean;
  /** At most this many episodes. */
  maxEpisodes?: number;
}

const HUMAN_DURATION =
  /\b\d+\s*(?:hours?|hrs?|h)\b(?:\s*\d+\s*(?:minutes?|mins?|m)\b)?|\b\d+\s*(?:minutes?|mins?)\b/i;

function outside(notes: Element, element: Element): boolean {
  return element !== notes && !notes.contains(element);
}

function firstOutside(containers: Element[], notes: Element, selector: string): Element | null {
  for (const container of containers) {
    if (container.matches(selector) && outside(notes, container)) return container;
    // Beside the notes, the first match is outside them: no list of every match to build.
    if (!container.contains(notes)) {
      const first = container.querySelector(selector);
      if (first !== null) return first;
      continue;
    }
    const elements = container.querySelectorAll(selector);
    for (let k = 0; k < elements.length && k < 50; k++) {
      if (outside(notes, elements[k]!)) return elements[k]!;
    }
  }
  return null;
}

function textOutside(containers: Element[], notes: Element): string {
  const parts: string[] = [];
  for (const container of containers) {
    if (container === notes) continue;
    if (!container.contains(notes)) {
      parts.push(elementText(container, 2_000));
      continue;
    }
    const children = container.children;
    for (let k = 0; k < children.length && k < 30; k++) {
      const child = children[k]!;
      if (child !== notes && !child.contains(notes)) parts.push(elementText(child, 2_000));
    }
  }
  return parts.join(' ').slice(0, 5_000);
}

/** What the area around one block of notes says: title, date, duration, link, audio. */
function localMeta(
  root: Element,
  notes: Element,
  context: Element[],
  base: URL,
  readAudio: boolean,
): EpisodeMeta {
  const containers = root === notes ? context : [root];
  const heading = firstOutside(containers, notes, HEADING);
  const link = heading ? (heading.closest('a[href]') ?? heading.querySelector('a[href]')) : null;
  const time = firstOutside(containers, notes, 'time[datetime], [itemprop="datePublished"]');
  const durationElement = firstOutside(
    containers,
    notes,
    '[itemprop="duration"], .duration, [data-duration]',
  );
  const text = textOutside(containers, notes);
  const { audioUrl: audio, playerUrl } = readAudio
    ? findAudio(root, base)
    : { audioUrl: null, playerUrl: null };
  return {
    title: cleanLabel(heading ? elementText(heading) : null),
    podcast: null,
    date:
      isoDate(time?.getAttribute('datetime') ?? time?.getAttribute('content') ?? '') ??
      isoDate(time ? elementText(time) : '') ??
      isoDate(text),
    durationSeconds:
      parseDuration(
        durationElement?.getAttribute('content') ??
          durationElement?.getAttribute('data-duration') ??
          (durationElement ? elementText(durationElement) : null),
      ) ?? parseDuration(HUMAN_DURATION.exec(text)?.[0] ?? null),
    url: httpUrl(link?.getAttribute('href'), base),
    audioUrl: audio,
    playerUrl: audio ? null : playerUrl,
  };
}

function merge(first: EpisodeMeta, second: EpisodeMeta): EpisodeMeta {
  return {
    title: first.title ?? second.title,
    podcast: first.podcast ?? second.podcast,
    date: first.date ?? second.date,
    durationSeconds: first.durationSeconds ?? second.durationSeconds,
    url: first.url ?? second.url,
    audioUrl: first.audioUrl ?? second.audioUrl,
    guid: first.guid ?? second.guid ?? null,
    playerUrl: first.playerUrl ?? second.playerUrl ?? null,
  };
}

/** Whether the page itself declares one episode (JSON-LD, og:audio, a player stream). */
function declaresEpisode(page: PageEpisode): boolean {
  return page.jsonLd !== null || page.meta.audioUrl !== null;
}

/** Distinct pages of this site the blocks' headings link to (a listing links each episode to its page). */
function distinctLinks(metas: EpisodeMeta[], page: URL): number {
  const here = httpUrl(page.href, undefined, false);
  const links = new Set<string>();
  for (const meta of metas) {
    const link = meta.url ? httpUrl(meta.url, undefined, false) : null;
    // A heading linking elsewhere (a sponsor, a library) is part of one episode's notes.
    if (link && link !== here && new URL(link).origin === page.origin) links.add(link);
  }
  return links.size;
}

/** A block's shape: its element and its parent's, as a listing repeats it once per episode. */
function shape(block: Element): string {
  const parent = block.parentElement;
  return `${block.tagName}.${block.getAttribute('class') ?? ''}<${parent?.tagName ?? ''}.${parent?.getAttribute('class') ?? ''}`;
}

/**
 * Whether the blocks are several episodes (a listing) rather than one episode's notes: they sit in different
 * posts, or link to different episode pages, or repeat one card shape each in its own wrapper.
 */
function isListing(blocks: Element[], metas: EpisodeMeta[], page: URL): boolean {
  if (blocks.length < 2) return false;
  const items = new Set<Element>();
  for (const block of blocks) {
    const item = block.closest(EPISODE_ITEM);
    if (item) items.add(item);
  }
  if (items.size >= 2) return true;
  if (distinctLinks(metas, page) >= 2) return true;
  // Blocks all inside one post (nested topic lists, a contents list and a transcript) are that post's notes.
  if (items.size === 1 && blocks.every((block) => block.closest(EPISODE_ITEM) !== null)) return false;
  if (blocks.length < 3) return false;
  const byShape = new Map<string, Set<Element | null>>();
  for (const block of blocks) {
    const parents = byShape.get(shape(block)) ?? new Set<Element | null>();
    parents.add(block.parentElement);
    byShape.set(shape(block), parents);
  }
  return [...byShape.values()].some((parents) => parents.size >= 3);
}

/**
 * Episodes on any page. A page about one episode (its blocks in one post: notes, a chapter list, a transcript)
 * gives that episode; a listing gives one per block of timestamped notes; a page without blocks gives the
 * episode it declares in its metadata, its notes taken from the description. Comments, sidebars, navigation
 * and lists of other episodes are never notes.
 * @example genericEpisodes(document, new URL(location.href)).map((found) => found.meta.title)
 */
export function genericEpisodes(doc: Document, url: URL, options: GenericOptions = {}): FoundEpisode[] {
  // A page with a stray second <body> can leave the parsed body empty (linkedom): read the whole document then.
  const top = doc.body?.firstElementChild ? doc.body : doc.documentElement;
  if (!top) return [];
  const readAudio = options.audio ?? true;
  const page = readPageEpisode(doc, url, { audio: readAudio });
  const pageMeta: EpisodeMeta = { ...page.meta, url: page.meta.url ?? httpUrl(url.href, undefined, false) };
  const blocks = notesBlocks(timestampBlocks(top, 2, { maxBlocks: options.maxEpisodes ?? 500 }), top, url);
  if (blocks.length === 0) {
    if (!declaresEpisode(page)) return [];
    const heading = top.querySelector('h1');
    return [
      {
        meta: pageMeta,
        root: heading?.parentElement ?? top,
        notes: null,
        notesText: page.description,
        media: onlyMedia(doc),
      },
    ];
  }
  const counts = blockCounts(blocks, top);
  const areas = blocks.map((block) => {
    const notes = widenNotes(block, top, counts);
    const root = episodeRoot(notes, top, counts);
    return { notes, root, local: localMeta(root, notes, precedingContext(notes, counts), url, readAudio) };
  });
  // A page declaring one episode with a few blocks (notes, then a transcript) is that episode's page.
  const declaredOne = declaresEpisode(page) && blocks.length <= 3;
  const single =
    declaredOne ||
    !isListing(
      blocks,
      areas.map((area) => area.local),
      url,
    );
  // Blocks only the whole page holds together are no one post's notes: the first is the declared episode's notes,
  // else each block is read on its own.
  const apart = blocks.length > 1 && commonAncestor(blocks, top) === top;
  if (single && (!apart || declaredOne)) {
    const own = apart ? blocks.slice(0, 1) : blocks;
    return [
      singleEpisode(doc, url, page, own, top, blockCounts(own, top), { audio: readAudio }, areas[0]!.local),
    ];
  }
  const siteName = cleanLabel(top.querySelector('h1')?.textContent ?? null);
  return areas.map(({ notes, root, local }) => {
    const meta = merge(local, {
      ...pageMeta,
      title: null,
      url: null,
      audioUrl: null,
      date: null,
      durationSeconds: null,
      podcast: page.meta.podcast ?? siteName,
    });
    const media = root.querySelector('audio, video') as HTMLMediaElement | null;
    return { meta, root, notes, media };
  });
}

export const genericAdapter: SiteAdapter = {
  id: 'generic',
  name: 'Any page',
  matches: () => true,
  exampleUrls: [
    'https://example.com/episodes/42',
    'https://www.npr.org/sections/money/2021/10/01/1042314402/fork-the-government',
  ],
  findEpisodes: (doc, url) => genericEpisodes(doc, url),
  seekable: true,
  timeUrl: () => null,
};

// The adapter for any page: an episode declared in metadata, and/or blocks of timestamped show notes.
import type { EpisodeMeta, FoundEpisode, SiteAdapter } from './types';
import { readPageEpisode, type PageEpisode } from './page-episode';
import { timestampBlocks } from './timestamp-blocks';
import { elementText } from './fields';
import { audioUrl, cleanLabel, httpUrl, isoDate, parseDuration } from './values';

export interface GenericOptions {
  /** Read audio from page metadata (off for Spotify: its og:audio is a preview clip). */
  audio?: boolean;
  /** At most this many episodes. */
  maxEpisodes?: number;
}

const HEADING = 'h1, h2, h3, h4, h5, h6, [role="heading"]';
const AUDIO_FILE = /\.(?:mp3|m4a|aac|ogg|oga|opus|wav|flac)(?:[?#]|$)/i;
const HUMAN_DURATION = /\b\d+\s*(?:hours?|hrs?|h)\b(?:\s*\d+\s*(?:minutes?|mins?|m)\b)?|\b\d+\s*(?:minutes?|mins?)\b/i;

const HEADING_TAG = /^H[1-6]$/i;

function isHeading(element: Element): boolean {
  return HEADING_TAG.test(element.tagName) || element.getAttribute('role') === 'heading';
}

/** How many blocks each ancestor holds, to know how far an episode's area can grow. */
function blockCounts(blocks: Element[], top: Element): Map<Element, number> {
  const counts = new Map<Element, number>();
  for (const block of blocks) {
    for (let node: Element | null = block; node && node !== top; node = node.parentElement) {
      counts.set(node, (counts.get(node) ?? 0) + 1);
    }
  }
  return counts;
}

/** Grows a block to the show notes around it (an intro paragraph beside a topics list), never past a heading. */
function widenNotes(block: Element, top: Element, counts: Map<Element, number>): Element {
  let notes = block;
  // Measured only when a parent passes the cheap checks: the text of a page-sized block is costly to read.
  let blockLength = -1;
  for (let depth = 0; depth < 4; depth += 1) {
    const parent = notes.parentElement;
    if (!parent || parent === top || (counts.get(parent) ?? 0) > 1) break;
    if (parent.querySelector(HEADING)) break;
    if (blockLength < 0) blockLength = (block.textContent ?? '').length;
    if ((parent.textContent ?? '').length > blockLength * 3 + 3_000) break;
    notes = parent;
  }
  return notes;
}

/** The episode's area: the largest ancestor holding no other episode's notes. */
function episodeRoot(notes: Element, top: Element, counts: Map<Element, number>): Element {
  let root = notes;
  for (let depth = 0; depth < 12; depth += 1) {
    const parent = root.parentElement;
    if (!parent || parent === top || (counts.get(parent) ?? 0) > 1) break;
    root = parent;
  }
  return root;
}

/** Elements before `notes` that belong to it in a flat layout: back to (and including) the nearest heading. */
function precedingContext(notes: Element, counts: Map<Element, number>): Element[] {
  const out: Element[] = [];
  for (let node = notes.previousElementSibling; node && out.length < 8; node = node.previousElementSibling) {
    if ((counts.get(node) ?? 0) > 0) break;
    out.unshift(node);
    if (isHeading(node) || node.querySelector(HEADING)) break;
  }
  return out;
}

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
function localMeta(root: Element, notes: Element, context: Element[], base: URL): EpisodeMeta {
  const containers = root === notes ? context : [root];
  const heading = firstOutside(containers, notes, HEADING);
  const link = heading ? (heading.closest('a[href]') ?? heading.querySelector('a[href]')) : null;
  const time = firstOutside(containers, notes, 'time[datetime], [itemprop="datePublished"]');
  const durationElement = firstOutside(containers, notes, '[itemprop="duration"], .duration, [data-duration]');
  const text = textOutside(containers, notes);
  let audio: string | null = null;
  const media = firstOutside([root], notes, 'audio[src], video[src], audio > source[src], [data-audio]');
  if (media) audio = audioUrl(media.getAttribute('src') ?? media.getAttribute('data-audio'), base);
  if (!audio) {
    const anchors = root.querySelectorAll('a[href]');
    for (let k = 0; k < anchors.length && k < 60; k++) {
      const href = anchors[k]!.getAttribute('href') ?? '';
      if (AUDIO_FILE.test(href)) {
        audio = audioUrl(href, base);
        if (audio) break;
      }
    }
  }
  return {
    title: cleanLabel(heading ? elementText(heading) : null),
    podcast: null,
    date: isoDate(time?.getAttribute('datetime') ?? time?.getAttribute('content') ?? '') ?? isoDate(time ? elementText(time) : '') ?? isoDate(text),
    durationSeconds:
      parseDuration(durationElement?.getAttribute('content') ?? durationElement?.getAttribute('data-duration') ?? (durationElement ? elementText(durationElement) : null)) ??
      parseDuration(HUMAN_DURATION.exec(text)?.[0] ?? null),
    url: httpUrl(link?.getAttribute('href'), base),
    audioUrl: audio,
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
  };
}

/** The page's only media element, if it has exactly one. */
function onlyMedia(doc: Document): HTMLMediaElement | null {
  const media = doc.querySelectorAll('audio, video');
  return media.length === 1 ? (media[0] as HTMLMediaElement) : null;
}

/** Whether the page itself declares one episode (JSON-LD, og:audio, a player stream). */
function declaresEpisode(page: PageEpisode): boolean {
  return page.jsonLd !== null || page.meta.audioUrl !== null;
}

/**
 * Episodes on any page. One per block of timestamped notes (a listing like a directory's show page
 * gives one per episode); with none, the episode the page declares in its metadata, its notes taken
 * from the description.
 * @example genericEpisodes(document, new URL(location.href)).map((found) => found.meta.title)
 */
export function genericEpisodes(doc: Document, url: URL, options: GenericOptions = {}): FoundEpisode[] {
  const top = doc.body ?? doc.documentElement;
  if (!top) return [];
  const page = readPageEpisode(doc, url, { audio: options.audio ?? true });
  const pageMeta: EpisodeMeta = { ...page.meta, url: page.meta.url ?? httpUrl(url.href, undefined, false) };
  const blocks = timestampBlocks(top, 2, { maxBlocks: options.maxEpisodes ?? 500 });
  if (blocks.length === 0) {
    if (!declaresEpisode(page)) return [];
    const heading = top.querySelector('h1');
    return [{ meta: pageMeta, root: heading?.parentElement ?? top, notes: null, notesText: page.description, media: onlyMedia(doc) }];
  }
  // A page declaring one episode in JSON-LD, with a few timestamp blocks (notes, then comments or a
  // transcript), is that episode's page: its first block is the notes.
  if (page.jsonLd !== null && blocks.length > 1 && blocks.length <= 3) blocks.splice(1);
  const counts = blockCounts(blocks, top);
  const single = blocks.length === 1;
  const siteName = cleanLabel(top.querySelector('h1')?.textContent ?? null);
  return blocks.map((block) => {
    const notes = widenNotes(block, top, counts);
    const root = single ? notes : episodeRoot(notes, top, counts);
    const local = localMeta(root, notes, precedingContext(notes, counts), url);
    let meta: EpisodeMeta;
    if (single && declaresEpisode(page)) meta = merge(pageMeta, local);
    else if (single) meta = merge(local, pageMeta);
    else meta = merge(local, { ...pageMeta, title: null, url: null, audioUrl: null, date: null, durationSeconds: null, podcast: page.meta.podcast ?? siteName });
    const media = (root.querySelector('audio, video') as HTMLMediaElement | null) ?? (single ? onlyMedia(doc) : null);
    return { meta, root, notes, media };
  });
}

export const genericAdapter: SiteAdapter = {
  id: 'generic',
  name: 'Any page',
  matches: () => true,
  exampleUrls: ['https://example.com/episodes/42', 'https://www.npr.org/sections/money/2021/10/01/1042314402/fork-the-government'],
  findEpisodes: (doc, url) => genericEpisodes(doc, url),
  seekable: true,
  timeUrl: () => null,
};

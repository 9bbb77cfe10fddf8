// The page half of a scan: the adapter finds episodes, each is read into plain data. No catalog, no parsing.
import { truncateText } from '../text-limits';
import { renderNotes, type RenderedNotes } from '../parse/notes';
import { readTechNode } from './notes-tech';
import type { EpisodeReading } from '../messages';
import { nodeToText, textLongerThan } from '../parse/text';
import type { FoundEpisode, SiteAdapter } from './types';
import { adapterFor } from './index';
import { MAX_EPISODES_PER_PAGE } from './profile';
import { httpUrl, wholeSeconds } from './values';

export interface ScanOptions {
  /** Use this adapter instead of the one the URL selects (e.g. "Scan this page" forcing generic). */
  adapter?: SiteAdapter;
  /** The episode's duration when the page does not say it (chapters past it are rejected). */
  durationSeconds?: number | null;
  /** Characters of each episode's notes that are parsed (default {@link MAX_NOTES_CHARS}). */
  maxNotesChars?: number;
}

/** Show notes longer than this are cut before parsing: a 5 MB page must not stall the scan. */
export const MAX_NOTES_CHARS = 200_000;

/**
 * One found episode as read from its page: plain data, values as the page gave them, unchecked. Its type is
 * the message schema's (utils/messages.ts EpisodeReadingSchema), which the background checks it against.
 */
export type { EpisodeReading };

/** The episodes an adapter found on a page, not yet parsed: read them one at a time with {@link readEpisode}. */
export interface PageEpisodes {
  adapter: SiteAdapter;
  found: FoundEpisode[];
  /** Each found episode's id, unique on the page, in document order. */
  ids: string[];
  options: ScanOptions;
}

function pageAddress(url: URL): string {
  const copy = new URL(url.href);
  copy.hash = '';
  return copy.href;
}

/** An episode's id: its URL, else its GUID, else its place on the page; a repeat gets its index appended. */
function episodeIds(found: FoundEpisode[], page: URL): string[] {
  const seen = new Set<string>();
  return found.map((item, index) => {
    let id = httpUrl(item.meta.url) ?? item.meta.guid ?? `${pageAddress(page)}#${index}`;
    // Two items linking to the same URL (a listing repeating an episode) still get distinct ids.
    if (seen.has(id)) id = `${id}#${index}`;
    seen.add(id);
    return id;
  });
}

/**
 * Find a page's episodes without reading them (the cheap half of a scan), so a caller can read and parse
 * them one by one, the visible ones first, between other work. Null when the URL or the page is unreadable.
 * @example
 * const page = findPageEpisodes(document, location.href);
 * const first = page && readEpisode(page, 0);
 */
export function findPageEpisodes(
  doc: Document,
  url: string | URL,
  options: ScanOptions = {},
): PageEpisodes | null {
  let page: URL;
  try {
    page = typeof url === 'string' ? new URL(url) : url;
  } catch {
    return null;
  }
  const adapter = options.adapter ?? adapterFor(page);
  let found: FoundEpisode[];
  try {
    found = adapter.findEpisodes(doc, page).slice(0, MAX_EPISODES_PER_PAGE);
  } catch {
    // A page the adapter cannot read is a page without episodes, not a crashed content script.
    return null;
  }
  return { adapter, found, ids: episodeIds(found, page), options };
}

function attempt<T>(run: () => T, fallback: T): T {
  try {
    return run();
  } catch {
    return fallback;
  }
}

/** A copy of the notes without the parts that are not notes (player readouts, badges). */
function notesWithout(notes: Element, ignore: string | null | undefined): Element {
  if (!ignore) return notes;
  try {
    const copy = notes.cloneNode(true) as Element;
    for (const element of Array.from(copy.querySelectorAll(ignore))) element.remove();
    return copy;
  } catch {
    return notes;
  }
}

function read(found: FoundEpisode, id: string, options: ScanOptions): EpisodeReading {
  const maxChars = options.maxNotesChars ?? MAX_NOTES_CHARS;
  let notes: RenderedNotes | null = null;
  let tech: EpisodeReading['tech'] = null;
  if (found.notes) {
    const node = notesWithout(found.notes, found.notesIgnore);
    if (!textLongerThan(node, maxChars)) {
      // Chapters and technologies are independent: markup that breaks one reading must not take the other.
      notes = attempt(() => renderNotes(node), null);
      tech = attempt<EpisodeReading['tech']>(() => ({ kind: 'node', reading: readTechNode(node) }), {
        kind: 'failed',
      });
    } else {
      // Walk only as far as the cap: a 5 MB page's body must not be rendered whole to keep its first 200 KB.
      notes = { text: nodeToText(node, { maxChars }), marks: [] };
      tech = { kind: 'notes' };
    }
  } else if (found.notesText) {
    notes = { text: truncateText(found.notesText, maxChars), marks: [] };
    tech = { kind: 'notes' };
  }
  const { meta } = found;
  const text = (value: unknown) => (typeof value === 'string' ? value : null);
  return {
    id,
    title: text(meta.title),
    podcast: text(meta.podcast),
    date: text(meta.date),
    url: text(meta.url),
    audioUrl: text(meta.audioUrl),
    durationSeconds: wholeSeconds(meta.durationSeconds) ?? wholeSeconds(options.durationSeconds),
    notes,
    tech,
    hints: { ...found.techHints },
  };
}

/**
 * Read the `index`-th found episode out of the page; null when there is none or its markup cannot be read.
 * @example
 * const page = findPageEpisodes(document, location.href)!;
 * const reading = readEpisode(page, 0); // then parseEpisodeReading(reading), here or in the background
 */
export function readEpisode(page: PageEpisodes, index: number): EpisodeReading | null {
  const found = page.found[index];
  if (!found) return null;
  try {
    return read(found, page.ids[index]!, page.options);
  } catch {
    return null;
  }
}

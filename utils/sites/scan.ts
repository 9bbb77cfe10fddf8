// The page scan: adapter → found episodes → parsed chapters and technologies → Episode models. Pure.
import type { Chapter, Episode, TechMention } from '../model';
import type { DetectedEpisode, FoundEpisode, SiteAdapter } from './types';
import { parseChapters } from '../parse/chapters';
import { extractTech, techInputFromNode, techInputFromText, type TechInput } from '../parse/tech';
import { nodeToText, textLongerThan } from '../parse/text';
import { adapterFor } from './index';
import { MAX_EPISODES_PER_PAGE } from './profile';
import { audioUrl, httpUrl } from './values';

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
const MAX_CHAPTERS = 5_000;
const MAX_TECH = 1_000;
const MAX_TITLE = 2_000;

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

type NotesInput = { node: Element } | { text: string } | null;

function notesInput(found: FoundEpisode, maxChars: number): NotesInput {
  if (found.notes) {
    const node = notesWithout(found.notes, found.notesIgnore);
    if (!textLongerThan(node, maxChars)) return { node };
    // Walk only as far as the cap: a 5 MB page's body must not be rendered whole to keep its first 200 KB.
    return { text: nodeToText(node, { maxChars }) };
  }
  if (found.notesText) return { text: found.notesText.slice(0, maxChars) };
  return null;
}

/** The notes' tech input plus the adapter's hints (tag badges, stack lists) and the title. */
function techInput(input: NotesInput, found: FoundEpisode): TechInput {
  const base: TechInput = input === null ? {} : 'node' in input ? techInputFromNode(input.node) : techInputFromText(input.text);
  const hints = found.techHints ?? {};
  const title = found.meta.title;
  return {
    text: [title, base.text].filter(Boolean).join('\n'),
    listed: [...(base.listed ?? []), ...(hints.listed ?? [])],
    tags: [...(base.tags ?? []), ...(hints.tags ?? [])],
    links: [...(base.links ?? []), ...(hints.links ?? [])],
  };
}

function wholeSeconds(value: number | null | undefined): number | null {
  if (typeof value !== 'number' || !Number.isFinite(value) || value < 0 || value > 1_000_000) return null;
  return Math.round(value);
}

function boundedChapters(chapters: Chapter[], durationSeconds: number | null): Chapter[] {
  const out: Chapter[] = [];
  for (const chapter of chapters.slice(0, MAX_CHAPTERS)) {
    const start = wholeSeconds(chapter.start);
    if (start === null) continue;
    let end = chapter.end === undefined ? undefined : wholeSeconds(chapter.end);
    // The parser was given a minute of headroom past a whole-minute duration; ends stay within what the page says.
    if (typeof end === 'number' && durationSeconds !== null && end > durationSeconds) end = start <= durationSeconds ? durationSeconds : null;
    out.push({ ...chapter, start, ...(end === undefined ? {} : { end }), title: chapter.title.slice(0, MAX_TITLE) });
  }
  return out;
}

/** Chapters and tech are independent: a bug one of them hits on hostile text must not take the other's result. */
function attempt<T>(run: () => T, fallback: T): T {
  try {
    return run();
  } catch {
    return fallback;
  }
}

function pageAddress(url: URL): string {
  const copy = new URL(url.href);
  copy.hash = '';
  return copy.href;
}

function detect(found: FoundEpisode, id: string, adapter: SiteAdapter, options: ScanOptions): DetectedEpisode | null {
  const durationSeconds = wholeSeconds(found.meta.durationSeconds) ?? wholeSeconds(options.durationSeconds);
  const input = notesInput(found, options.maxNotesChars ?? MAX_NOTES_CHARS);
  // Directories print whole minutes (`1 hr 5 min` for 1:05:03): such a duration is a floor, not a ceiling.
  const parseDuration = durationSeconds !== null && durationSeconds % 60 === 0 ? durationSeconds + 59 : durationSeconds;
  const noChapters = { chapters: [], confidence: 0 };
  const parsed =
    input === null
      ? noChapters
      : attempt(() => parseChapters('node' in input ? input.node : input.text, { durationSeconds: parseDuration }), noChapters);
  const tech: TechMention[] = attempt(() => extractTech(techInput(input, found)).slice(0, MAX_TECH), []);
  const chapters = boundedChapters(parsed.chapters, durationSeconds);
  // Notes with fewer than two timestamps and no technology get no overlay.
  if (chapters.length < 2 && tech.length === 0) return null;
  const url = httpUrl(found.meta.url);
  const episode: Episode = {
    id,
    title: found.meta.title?.slice(0, MAX_TITLE) ?? null,
    podcast: found.meta.podcast?.slice(0, MAX_TITLE) ?? null,
    date: found.meta.date && /^\d{4}-\d{2}-\d{2}$/.test(found.meta.date) ? found.meta.date : null,
    durationSeconds,
    url,
    audioUrl: audioUrl(found.meta.audioUrl),
    chapters,
    chapterConfidence: Math.min(1, Math.max(0, Number.isFinite(parsed.confidence) ? parsed.confidence : 0)),
    tech,
  };
  return { ...found, episode, adapter };
}

/** The episodes an adapter found on a page, not yet parsed: parse them one at a time with {@link detectEpisode}. */
export interface PageEpisodes {
  adapter: SiteAdapter;
  found: FoundEpisode[];
  /** Each found episode's id, unique on the page, in document order. */
  ids: string[];
  options: ScanOptions;
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
 * Find a page's episodes without parsing them (the cheap half of {@link scanPage}), so a caller can parse
 * them one by one, the visible ones first, between other work. Null when the URL or the page is unreadable.
 * @example
 * const page = findPageEpisodes(document, location.href);
 * const first = page && detectEpisode(page, 0);
 */
export function findPageEpisodes(doc: Document, url: string | URL, options: ScanOptions = {}): PageEpisodes | null {
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

/**
 * Parse the `index`-th found episode: null when it has neither a chapter list nor any technology, or when
 * its markup breaks the parser (one hostile episode must not hide the others).
 * @example
 * const page = findPageEpisodes(document, location.href)!;
 * const detected = page.found.map((_, i) => detectEpisode(page, i)).filter(Boolean);
 */
export function detectEpisode(page: PageEpisodes, index: number): DetectedEpisode | null {
  const found = page.found[index];
  if (!found) return null;
  try {
    return detect(found, page.ids[index]!, page.adapter, page.options);
  } catch {
    return null;
  }
}

/**
 * Episodes on a page, parsed. Pure: document + URL in. Never throws on a malformed page: an episode whose
 * markup breaks the adapter or parser is left out and the rest are still returned.
 * @example scanPage(document, location.href).map((detected) => detected.episode.chapters.length)
 */
export function scanPage(doc: Document, url: string | URL, options: ScanOptions = {}): DetectedEpisode[] {
  const page = findPageEpisodes(doc, url, options);
  if (!page) return [];
  const detected: DetectedEpisode[] = [];
  for (let index = 0; index < page.found.length; index += 1) {
    const result = detectEpisode(page, index);
    if (result) detected.push(result);
  }
  return detected;
}

// The page scan: adapter → found episodes → read → parsed chapters and technologies → Episode models. Pure.
import type { DetectedEpisode } from './types';
import { parseEpisodeReading } from './episode-parse';
import { findPageEpisodes, readEpisode, type PageEpisodes, type ScanOptions } from './reading';

export {
  findPageEpisodes,
  readEpisode,
  MAX_NOTES_CHARS,
  type EpisodeReading,
  type PageEpisodes,
  type ScanOptions,
} from './reading';
export { parseEpisodeReading } from './episode-parse';

/**
 * Read and parse the `index`-th found episode: null when it has neither a chapter list nor any technology, or
 * when its markup breaks the parser (one hostile episode must not hide the others).
 * @example
 * const page = findPageEpisodes(document, location.href)!;
 * const detected = page.found.map((_, i) => detectEpisode(page, i)).filter(Boolean);
 */
export function detectEpisode(page: PageEpisodes, index: number): DetectedEpisode | null {
  const found = page.found[index];
  const reading = readEpisode(page, index);
  if (!found || !reading) return null;
  try {
    const episode = parseEpisodeReading(reading);
    return episode && { ...found, episode, adapter: page.adapter };
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

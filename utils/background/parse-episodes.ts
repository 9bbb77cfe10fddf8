// Parse the episodes a content script read from its page: here the parser's tables are built once, its code
// warms up across pages, recent answers are remembered, and the page's main thread only reads and draws.
import type { Episode } from '../model';
import { EpisodeReadingSchema, type ParsedReadings } from '../messages';
import { parseEpisodeReading } from '../sites/episode-parse';
import { ParseCache } from './parse-cache';

const recent = new ParseCache();

/**
 * Check and parse each reading on its own: a malformed or hostile one becomes null, the rest still parse.
 * @example
 * parseReadings([readEpisode(page, 0)]).episodes[0]?.chapters.length // 12
 */
export function parseReadings(readings: readonly unknown[], cache: ParseCache = recent): ParsedReadings {
  const started = performance.now();
  let cached = 0;
  const episodes = readings.map((raw) => {
    const reading = EpisodeReadingSchema.safeParse(raw);
    if (!reading.success) return null;
    const key = JSON.stringify(reading.data);
    const known = cache.get(key);
    if (known !== undefined) {
      cached += 1;
      return known;
    }
    let episode: Episode | null = null;
    try {
      episode = parseEpisodeReading(reading.data);
    } catch {
      // A reading that breaks the parser is an episode without a panel, not a failed page.
    }
    cache.set(key, episode);
    return episode;
  });
  return { episodes, milliseconds: performance.now() - started, cached };
}

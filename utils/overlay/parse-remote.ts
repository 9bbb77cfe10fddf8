// Parse a page's episodes in the background: the content script only reads the page and draws.
import { askBackground } from '../ask-background';
import type { Episode } from '../model';
import type { EpisodeReading } from '../messages';
import { countBackgroundParse } from './bench-marks';

/**
 * Send readings to the background's `parse:episodes` handler; one episode (or null) per reading, in order.
 * Rejects when the background cannot be reached (the extension was reloaded) or refuses the message.
 * @example
 * const [episode] = await parseInBackground([readEpisode(page, 0)!]);
 */
export async function parseInBackground(readings: EpisodeReading[]): Promise<Array<Episode | null>> {
  const { episodes, milliseconds, cached } = await askBackground({ type: 'parse:episodes', readings });
  if (!Array.isArray(episodes) || episodes.length !== readings.length)
    throw new Error('the background answered for other episodes');
  countBackgroundParse(milliseconds, cached);
  return episodes;
}

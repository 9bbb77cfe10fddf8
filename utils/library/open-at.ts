// Where "open this episode at 12:30" goes from the library: the one time link of `export/time-link.ts`
// (the site's own, else the audio at that time, else the page) for a saved episode's page and audio.
import { safeHttpUrl } from '../export/escape';
import { timeLinker } from '../export/time-link';
import type { Episode } from '../model';

/**
 * @example
 * openAtUrl({ url: 'https://runninginproduction.com/podcast/1-x', audioUrl: null }, 105) // '…/podcast/1-x#1:45'
 * openAtUrl({ url: 'https://example.com/ep', audioUrl: 'https://cdn.example.com/ep.mp3' }, 105) // 'https://cdn.example.com/ep.mp3#t=105'
 */
export function openAtUrl(episode: Pick<Episode, 'url' | 'audioUrl'>, seconds: number): string | null {
  return openAtLinker(episode)(seconds);
}

/**
 * `openAtUrl` for many chapters of one episode: the URLs are read once, then each time is appended.
 * @example
 * const at = openAtLinker(episode); episode.chapters.map((c) => at(c.start));
 */
export function openAtLinker(episode: Pick<Episode, 'url' | 'audioUrl'>): (seconds: number) => string | null {
  return timeLinker(safeHttpUrl(episode.url), episode.audioUrl);
}

// Where "open this episode at 12:30" goes: the episode's page at that time where the site supports it,
// else its audio with a media fragment, else just its page. http(s) only.
import { safeHttpUrl } from '../export/escape';
import type { Episode } from '../model';

/** Sites whose episode pages seek to a `#m:ss` fragment themselves. */
const CLOCK_FRAGMENT_HOSTS = new Set(['runninginproduction.com', 'www.runninginproduction.com']);

function clock(seconds: number): string {
  const h = Math.floor(seconds / 3600);
  const m = Math.floor(seconds / 60) % 60;
  const s = String(Math.floor(seconds) % 60).padStart(2, '0');
  return h > 0 ? `${h}:${String(m).padStart(2, '0')}:${s}` : `${m}:${s}`;
}

/**
 * @example
 * openAtUrl({ url: 'https://runninginproduction.com/podcast/1-x', audioUrl: null }, 105) // '…/podcast/1-x#1:45'
 * openAtUrl({ url: 'https://example.com/ep', audioUrl: 'https://cdn.example.com/ep.mp3' }, 105) // 'https://cdn.example.com/ep.mp3#t=105'
 */
export function openAtUrl(episode: Pick<Episode, 'url' | 'audioUrl'>, seconds: number): string | null {
  return openAtLinker(episode)(seconds);
}

/**
 * `openAtUrl` for many chapters of one episode: the URLs are parsed once, then each time is appended.
 * @example
 * const at = openAtLinker(episode); episode.chapters.map((c) => at(c.start));
 */
export function openAtLinker(episode: Pick<Episode, 'url' | 'audioUrl'>): (seconds: number) => string | null {
  return openAtLinkerFromPage(safeHttpUrl(episode.url), episode.audioUrl);
}

/** The host of a URL `safeHttpUrl` returned (scheme, optional user info, host; no second URL parse). */
const VETTED_HOST = /^https?:\/\/(?:[^@/]*@)?([^:/]*)/;

/**
 * `openAtLinker` for a caller that has already vetted the page URL with `safeHttpUrl` (the reading list
 * needs it for the episode's own link too): the URL is parsed once per episode, not twice.
 * @example
 * const page = safeHttpUrl(episode.url); const at = openAtLinkerFromPage(page, episode.audioUrl);
 */
export function openAtLinkerFromPage(page: string | null, audioUrl: string | null): (seconds: number) => string | null {
  // safeHttpUrl has percent-encoded anything unsafe, so appending a fragment keeps the URL safe.
  if (page && CLOCK_FRAGMENT_HOSTS.has(VETTED_HOST.exec(page)?.[1] ?? '')) {
    const base = page.replace(/#.*$/, '');
    return (seconds) => `${base}#${clock(seconds)}`;
  }
  const audio = safeHttpUrl(audioUrl);
  if (audio) {
    const base = audio.replace(/#.*$/, '');
    return (seconds) => `${base}#t=${Math.floor(seconds)}`;
  }
  return () => page;
}

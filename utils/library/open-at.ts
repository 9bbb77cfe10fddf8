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
  const page = safeHttpUrl(episode.url);
  // safeHttpUrl has percent-encoded anything unsafe, so appending a fragment keeps the URL safe.
  if (page && CLOCK_FRAGMENT_HOSTS.has(new URL(page).hostname)) {
    const base = page.replace(/#.*$/, '');
    return (seconds) => `${base}#${clock(seconds)}`;
  }
  const audio = safeHttpUrl(episode.audioUrl);
  if (audio) {
    const base = audio.replace(/#.*$/, '');
    return (seconds) => `${base}#t=${Math.floor(seconds)}`;
  }
  return () => page;
}

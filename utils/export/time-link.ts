// A link that opens an episode at a time: the site's own where its page is on a known site that has one
// (`siteTimeLink`), else the audio with a W3C media fragment `#t=SECONDS` (browsers start playback there),
// else just the page. http(s) only, and ready for a Markdown link destination.
import { siteTimeLink } from '../sites/time-links';
import { safeHttpUrl } from './escape';

/**
 * An address `safeHttpUrl` returned, with its fragment replaced by `#t=SECONDS`, as a function of the seconds
 * (the address is read once for all of an episode's chapters).
 * @example mediaFragmentLink('https://example.com/ep.mp3#x')(105.9) // 'https://example.com/ep.mp3#t=105'
 */
export function mediaFragmentLink(safeUrl: string): (seconds: number) => string {
  // safeHttpUrl has percent-encoded anything unsafe, so appending a fragment keeps the URL safe.
  const base = safeUrl.replace(/#.*$/, '');
  return (seconds) => `${base}#t=${Math.floor(seconds)}`;
}

/**
 * `url` with its fragment replaced by a W3C media fragment `#t=SECONDS`; null unless http(s).
 * @example withTimeFragment('https://example.com/ep.mp3', 105) // 'https://example.com/ep.mp3#t=105'
 */
export function withTimeFragment(url: string | null, seconds: number): string | null {
  const safe = safeHttpUrl(url);
  return safe === null ? null : mediaFragmentLink(safe)(seconds);
}

/**
 * The link to each time of one episode, for a page address `safeHttpUrl` has already vetted (callers need it
 * for the episode's own link too). A site link that would need escaping is not used.
 * @example
 * const at = timeLinker(safeHttpUrl('https://runninginproduction.com/podcast/1-x'), null); at(105) // '…/podcast/1-x#1:45'
 * timeLinker('https://example.com/ep', 'https://cdn.example.com/ep.mp3')(105) // 'https://cdn.example.com/ep.mp3#t=105'
 */
export function timeLinker(page: string | null, audioUrl: string | null): (seconds: number) => string | null {
  const site = page ? siteTimeLink(page) : null;
  if (site) {
    const first = site(0);
    if (safeHttpUrl(first) === first) return site;
  }
  const audio = safeHttpUrl(audioUrl);
  if (audio) return mediaFragmentLink(audio);
  return () => page;
}

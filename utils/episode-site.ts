// Which site an episode belongs to, for what a web page may see and change: the background answers a page
// only about its own site's episodes, and the overlay offers Save only for those.
import type { Episode } from './model';

/** Second-level labels under a two-letter country code that are not a site of their own (`co.uk`, `com.au`). */
const COUNTRY_SECOND_LEVEL = /^(?:co|com|net|org|gov|edu|ac|or|ne|go|gob|mil|nic|ltd|plc|sch)$/;

function hostOf(address: string): string | null {
  try {
    const url = new URL(address);
    if (url.protocol !== 'http:' && url.protocol !== 'https:') return null;
    return url.hostname
      .toLowerCase()
      .replace(/\.$/, '')
      .replace(/^www\./, '');
  } catch {
    return null;
  }
}

/** Whether `domain` is a registrable name (not a bare top-level or country second-level like `co.uk`). */
function isRegistrable(domain: string): boolean {
  const labels = domain.split('.');
  if (labels.length < 2) return false;
  if (labels.length === 2 && labels[1]!.length === 2 && COUNTRY_SECOND_LEVEL.test(labels[0]!)) return false;
  return true;
}

/**
 * Whether an address belongs to a page's site: the same host (a leading `www.` aside), or a domain the page's
 * host is part of (a page on play.example.com may ask about example.com). Never a sibling host: on a
 * shared host (podcast hosting, blogs) other.example.com is someone else's site.
 * @example
 * belongsToPage('https://example.com/ep/1', new URL('https://play.example.com/x')) // true
 * belongsToPage('https://b.host.fm/ep/1', new URL('https://a.host.fm/')) // false
 */
export function belongsToPage(address: string | null, page: URL): boolean {
  if (address === null) return false;
  const host = hostOf(address);
  const pageHost = hostOf(page.href);
  if (host === null || pageHost === null) return false;
  if (host === pageHost) return true;
  return pageHost.endsWith(`.${host}`) && isRegistrable(host);
}

/** Whether an id is an http(s) address (an episode's canonical URL) rather than a feed GUID. */
export function isAddressId(id: string): boolean {
  return hostOf(id) !== null;
}

/**
 * Whether an episode belongs to the page's site: by its id when the id is its address, else (a feed GUID,
 * which any page can copy) by the episode's own address.
 * @example
 * episodeBelongsToPage({ id: 'urn:uuid:1', url: 'https://show.example/1' }, new URL('https://show.example/')) // true
 */
export function episodeBelongsToPage(episode: Pick<Episode, 'id' | 'url'>, page: URL): boolean {
  return isAddressId(episode.id) ? belongsToPage(episode.id, page) : belongsToPage(episode.url, page);
}

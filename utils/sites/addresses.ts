// Where each known site lives and how its addresses open an episode at a time: data and small pure functions,
// no DOM. The adapters take their hosts and time links from here, and so do the content script's matches, the
// options page's list of sites and the library's chapter links, none of which should load the page readers.
import { formatTimestamp } from '../parse/time';
import { httpUrl } from './values';

export interface SiteAddress {
  /**
   * The hosts the site's pages are on, each written out (`www.` too): the content script runs on exactly these
   * (least privilege: no wildcard hosts), and the adapter claims them and their subdomains (for a page scanned
   * on demand).
   */
  hosts: readonly string[];
  /**
   * The address that opens an episode page at a time, when the site has one: given the page's address, a
   * function of the seconds (the page is read once for all of an episode's chapters). It returns http(s)
   * addresses whose added part is digits and colons; null when the page is not one the site can open so.
   */
  timeLink?(episodeUrl: string): ((seconds: number) => string) | null;
}

/** An open.spotify.com episode address (optionally under a locale such as `intl-de`); group 1 is its id. */
export const SPOTIFY_EPISODE_URL =
  /^https:\/\/open\.spotify\.com\/(?:[\w-]+\/)?episode\/([A-Za-z0-9]{10,40})/;

/** Every known site by its adapter's id, in the registry's order (a test holds the two together). */
export const SITE_ADDRESSES = {
  runninginproduction: {
    hosts: ['runninginproduction.com', 'www.runninginproduction.com'],
    // The site's player reads `#m:ss` from the address on load.
    timeLink: (episodeUrl) => {
      const page = httpUrl(episodeUrl, undefined, false);
      return page ? (seconds) => `${page}#${formatTimestamp(seconds)}` : null;
    },
  },
  apple: { hosts: ['podcasts.apple.com'] },
  overcast: {
    hosts: ['overcast.fm', 'www.overcast.fm'],
    // Overcast's "share link with timestamp" appends `/m:ss` to the short link.
    timeLink: (episodeUrl) =>
      /^https:\/\/overcast\.fm\/\+[\w-]+$/.test(episodeUrl)
        ? (seconds) => `${episodeUrl}/${formatTimestamp(seconds)}`
        : null,
  },
  podcastaddict: { hosts: ['podcastaddict.com', 'www.podcastaddict.com'] },
  // play.: the web player; pca.st: Pocket Casts' share links.
  pocketcasts: { hosts: ['pocketcasts.com', 'www.pocketcasts.com', 'play.pocketcasts.com', 'pca.st'] },
  listennotes: { hosts: ['listennotes.com', 'www.listennotes.com'] },
  podbay: { hosts: ['podbay.fm', 'www.podbay.fm'] },
  playerfm: { hosts: ['player.fm', 'www.player.fm'] },
  castbox: { hosts: ['castbox.fm', 'www.castbox.fm'] },
  podchaser: { hosts: ['podchaser.com', 'www.podchaser.com'] },
  spotify: {
    hosts: ['open.spotify.com'],
    // Spotify's timestamped share links add `?t=<seconds>` to the episode URL.
    timeLink: (episodeUrl) => {
      const id = SPOTIFY_EPISODE_URL.exec(episodeUrl)?.[1];
      return id
        ? (seconds) => `https://open.spotify.com/episode/${id}?t=${Math.max(0, Math.floor(seconds))}`
        : null;
    },
  },
} satisfies Record<string, SiteAddress>;

export type SiteId = keyof typeof SITE_ADDRESSES;

const SITES: readonly SiteAddress[] = Object.values(SITE_ADDRESSES);

/**
 * The content script's match patterns: every site host as written, over http and https, any path.
 * @example CONTENT_SCRIPT_MATCHES[0] // '*://runninginproduction.com/*'
 */
export const CONTENT_SCRIPT_MATCHES: string[] = SITES.flatMap((site) =>
  site.hosts.map((host) => `*://${host}/*`),
);

/**
 * Whether `host` is one of `hosts` or a subdomain of one (case and a trailing dot do not matter).
 * @example hostIn('play.pocketcasts.com', ['pocketcasts.com']) // true
 */
export function hostIn(host: string, hosts: readonly string[]): boolean {
  const bare = host.toLowerCase().replace(/\.$/, '');
  return hosts.some((candidate) => bare === candidate || bare.endsWith(`.${candidate}`));
}

/** The host of an absolute http(s) address as `URL.href` writes it (no second parse). */
const HREF_HOST = /^https?:\/\/(?:[^@/]*@)?([^:/?#]*)/i;

/**
 * The site's own link to a time on this episode page, when the page is on a known site that has one.
 * @example siteTimeLink('https://runninginproduction.com/podcast/1-x')?.(105) // 'https://runninginproduction.com/podcast/1-x#1:45'
 * @example siteTimeLink('https://example.com/ep') // null
 */
export function siteTimeLink(pageUrl: string): ((seconds: number) => string) | null {
  const host = HREF_HOST.exec(pageUrl)?.[1];
  if (!host) return null;
  const site = SITES.find((candidate) => hostIn(host, candidate.hosts));
  return site?.timeLink?.(pageUrl) ?? null;
}

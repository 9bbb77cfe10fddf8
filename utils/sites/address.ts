// Where a known site lives and how its addresses open an episode at a time: the part of a site file that is data
// and small pure functions, no DOM. Each site file exports one (`<site>Address`) beside its adapter; the
// extension pages and the CLI import only that export (time-links.ts), so the page readers stay out of them.
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
   * A site with one is also listed in `TIME_LINK_SITES` (time-links.ts), which a test holds to the adapters.
   */
  timeLink?(episodeUrl: string): ((seconds: number) => string) | null;
}

/**
 * Whether `host` is one of `hosts` or a subdomain of one (case and a trailing dot do not matter).
 * @example hostIn('play.pocketcasts.com', ['pocketcasts.com']) // true
 */
export function hostIn(host: string, hosts: readonly string[]): boolean {
  const bare = host.toLowerCase().replace(/\.$/, '');
  return hosts.some((candidate) => bare === candidate || bare.endsWith(`.${candidate}`));
}

/**
 * Content-script match patterns for these sites: every host as written, over http and https, any path.
 * @example matchPatterns([{ hosts: ['overcast.fm'] }]) // ['*://overcast.fm/*']
 */
export function matchPatterns(sites: readonly SiteAddress[]): string[] {
  return sites.flatMap((site) => site.hosts.map((host) => `*://${host}/*`));
}

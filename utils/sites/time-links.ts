// "A link to this time" on the sites that have their own, for the library and the CLI. It imports only each
// site file's address export, which bundlers keep without the file's adapter (its construction is marked pure):
// tests/unit/site-pages-bundle.test.ts fails if a page reader comes along.
import { hostIn, type SiteAddress } from './address';
import { runninginproductionAddress } from './runninginproduction';
import { overcastAddress } from './overcast';
import { spotifyAddress } from './spotify';

/** The sites whose address has a `timeLink` (a test checks this against every adapter in the registry). */
export const TIME_LINK_SITES: readonly SiteAddress[] = [
  runninginproductionAddress,
  overcastAddress,
  spotifyAddress,
];

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
  const site = TIME_LINK_SITES.find((candidate) => hostIn(host, candidate.hosts));
  return site?.timeLink?.(pageUrl) ?? null;
}

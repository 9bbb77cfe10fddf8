// The site registry: every known site's adapter, then the generic adapter, which matches any page. A new site is
// one file beside this one (its `<site>Address` and its adapter; overcast.ts is a small one) and one line in
// `adapters`; the content script's matches (and so the options page's list of sites) are derived from it here.
// The extension pages must not load this registry (it brings every page reader): a site with its own link to a
// time is also listed in time-links.ts, which imports addresses only.
import type { SiteAdapter } from './types';
import { matchPatterns, type SiteAddress } from './address';
import { runninginproductionAdapter } from './runninginproduction';
import { appleAdapter } from './apple';
import { overcastAdapter } from './overcast';
import { podcastaddictAdapter } from './podcastaddict';
import { pocketcastsAdapter } from './pocketcasts';
import { listennotesAdapter } from './listennotes';
import { podbayAdapter } from './podbay';
import { playerfmAdapter } from './playerfm';
import { castboxAdapter } from './castbox';
import { podchaserAdapter } from './podchaser';
import { spotifyAdapter } from './spotify';
import { genericAdapter } from './generic';

/** Site adapters in the order they are tried; generic is last and always matches. */
export const adapters: SiteAdapter[] = [
  runninginproductionAdapter,
  appleAdapter,
  overcastAdapter,
  podcastaddictAdapter,
  pocketcastsAdapter,
  listennotesAdapter,
  podbayAdapter,
  playerfmAdapter,
  castboxAdapter,
  podchaserAdapter,
  spotifyAdapter,
  genericAdapter,
];

/** The known sites' addresses, in the registry's order (the generic adapter has none). */
export const siteAddresses: readonly SiteAddress[] = adapters.flatMap((adapter) =>
  adapter.address ? [adapter.address] : [],
);

/**
 * The content script's match patterns: every known site's hosts as written, over http and https, any path.
 * @example CONTENT_SCRIPT_MATCHES[0] // '*://runninginproduction.com/*'
 */
export const CONTENT_SCRIPT_MATCHES: string[] = matchPatterns(siteAddresses);

/**
 * The adapter for a page's URL (the generic one when no site claims it).
 * @example adapterFor(new URL('https://overcast.fm/+5K6jP2BDE')).id // 'overcast'
 */
export function adapterFor(url: URL): SiteAdapter {
  return adapters.find((adapter) => adapter.matches(url)) ?? genericAdapter;
}

/** The adapter with this id, e.g. to honour a user's choice. */
export function adapterById(id: string): SiteAdapter | undefined {
  return adapters.find((adapter) => adapter.id === id);
}

export { genericAdapter };

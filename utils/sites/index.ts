// The adapter registry: every known site, then the generic adapter, which matches any page.
import type { SiteAdapter } from './types';
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

// player.fm: series pages (`/series/{series}`) listing episodes, and episode pages (`/series/{series}/{episode}`).
import type { SiteProfile } from './profile';
import type { EpisodeListing } from './episode-listing';
import { directoryAdapter } from './directory';
import { hostIn, type SiteAddress } from './address';

const EPISODE_PATH = /^\/series\/([^/]+)\/([^/]+)\/?$/;
const SERIES_PATH = /^\/series\/([^/]+)\/?$/;

export const playerfmAddress: SiteAddress = { hosts: ['player.fm', 'www.player.fm'] };

export const playerfmProfile: SiteProfile = {
  id: 'playerfm',
  name: 'Player FM',
  address: playerfmAddress,
  exampleUrls: [
    'https://player.fm/series/running-in-production/meteor-cloud-is-a-full-service-hosting-solution-for-meteor-apps',
    'https://player.fm/series/running-in-production',
  ],
  pageKind: (url) =>
    EPISODE_PATH.test(url.pathname) ? 'episode' : SERIES_PATH.test(url.pathname) ? 'listing' : null,
  episode: {
    title: ['h1'],
    podcast: ['.series-title', '[itemprop="partOfSeries"] [itemprop="name"]'],
    notes: ['.story .description', '[itemprop="description"]', '.description'],
    audio: ['audio@src', 'audio > source@src', '[data-url]@data-url'],
    media: 'audio',
  },
  seekable: true,
};

/** Series pages: each episode found by its link into the same series (title link in `.info-top a`); its audio a player's `data-url`, an `<audio>` or the file's link. */
export const playerfmListing: EpisodeListing = {
  links: 'a[href*="/series/"]',
  episodeUrl: (href, page) => {
    const episode = EPISODE_PATH.exec(href.pathname);
    if (!hostIn(href.hostname, playerfmAddress.hosts) || !episode) return null;
    // Other series' episodes (recommendations beside the list) are not this series' episodes.
    if (episode[1] !== SERIES_PATH.exec(page.pathname)?.[1]) return null;
    return `https://player.fm${href.pathname.replace(/\/$/, '')}`;
  },
  title: ['.info-top a'],
  date: ['time@datetime', 'time'],
  audio: ['[data-url]@data-url', 'audio@src', 'audio > source@src', 'a[href*=".mp3"]@href'],
  notes: ['[itemprop="description"]', '.description'],
  podcast: ['h1'],
};

export const playerfmAdapter = /* @__PURE__ */ directoryAdapter(playerfmProfile, playerfmListing);

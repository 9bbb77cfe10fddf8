// podchaser.com: podcast pages (`/podcasts/{show}-{id}`, `…/episodes`) and episode pages (`…/episodes/{episode}-{id}`).
import type { SiteProfile } from './profile';
import type { EpisodeListing } from './episode-listing';
import { directoryAdapter } from './directory';
import { hostIn, type SiteAddress } from './address';

const EPISODE_PATH = /^\/podcasts\/([^/]+-\d+)\/episodes\/[^/]+-\d+\/?$/;
const SHOW_PATH = /^\/podcasts\/([^/]+-\d+)(?:\/episodes)?\/?$/;

export const podchaserAddress: SiteAddress = { hosts: ['podchaser.com', 'www.podchaser.com'] };

export const podchaserProfile: SiteProfile = {
  id: 'podchaser',
  name: 'Podchaser',
  address: podchaserAddress,
  exampleUrls: [
    'https://www.podchaser.com/podcasts/running-in-production-1004735/episodes/meteor-cloud-is-a-full-service-118034853',
    'https://www.podchaser.com/podcasts/running-in-production-1004735',
    'https://www.podchaser.com/podcasts/running-in-production-1004735/episodes',
  ],
  pageKind: (url) =>
    /\/episodes\/[^/]+/.test(url.pathname) ? 'episode' : SHOW_PATH.test(url.pathname) ? 'listing' : null,
  episode: {
    title: ['h1'],
    notes: ['[class*="description"]', '[itemprop="description"]'],
    audio: ['audio@src', 'audio > source@src'],
    media: 'audio',
  },
  seekable: true,
};

/** Podcast pages: each episode found by its link under the same podcast (`/podcasts/{show}-{id}/episodes/…`). */
export const podchaserListing: EpisodeListing = {
  links: 'a[href*="/episodes/"]',
  episodeUrl: (href, page) => {
    const episode = EPISODE_PATH.exec(href.pathname);
    if (!hostIn(href.hostname, podchaserAddress.hosts) || !episode) return null;
    if (episode[1] !== SHOW_PATH.exec(page.pathname)?.[1]) return null;
    return `https://www.podchaser.com${href.pathname.replace(/\/$/, '')}`;
  },
  date: ['time@datetime', 'time'],
  audio: ['audio@src', 'audio > source@src', 'a[href*=".mp3"]@href'],
  notes: ['[itemprop="description"]', '[class*="description"]'],
  podcast: ['h1'],
};

export const podchaserAdapter = /* @__PURE__ */ directoryAdapter(podchaserProfile, podchaserListing);

// listennotes.com: audio URL in `[data-audio]`, notes in `.ln-text-p`.
import type { SiteProfile } from './profile';
import type { EpisodeListing } from './episode-listing';
import { directoryAdapter } from './directory';
import { hostIn, type SiteAddress } from './address';

const EPISODE_PATH = /^\/(?:[a-z]{2}\/)?podcasts\/([^/]+)\/[^/]+\/?$/;
const SHOW_PATH = /^\/(?:[a-z]{2}\/)?podcasts\/([^/]+)\/?$/;

export const listennotesAddress: SiteAddress = { hosts: ['listennotes.com', 'www.listennotes.com'] };

export const listennotesProfile: SiteProfile = {
  id: 'listennotes',
  name: 'Listen Notes',
  address: listennotesAddress,
  exampleUrls: [
    'https://www.listennotes.com/podcasts/running-in-production/meteor-cloud-is-a-full-6tF1ZwL0nKX/',
    'https://www.listennotes.com/podcasts/running-in-production-nick-janetakis-Ki9pX4bCzGv/',
  ],
  // Episode pages have two segments after /podcasts/ (show, episode); show pages one.
  pageKind: (url) =>
    EPISODE_PATH.test(url.pathname) || /^\/(?:[a-z]{2}\/)?e\/[^/]+(?:\/[^/]+)?\/?$/.test(url.pathname)
      ? 'episode'
      : SHOW_PATH.test(url.pathname)
        ? 'listing'
        : null,
  episode: {
    title: ['h1'],
    podcast: ['h1 + div a', '.ln-channel-title'],
    audio: ['[data-audio]@data-audio'],
    notes: ['.ln-text-p'],
    media: 'audio',
  },
  seekable: true,
};

/**
 * Show pages: the latest episode in `.ln-channel-episode-detail-card`, the others in
 * `.ln-channel-individual-episode-card`; each card's title link in `.ln-channel-episode-card-info-title a`,
 * its date in `.ln-channel-episode-card-info-subtitle time`, its length in `.ln-episode-timestamp` and its audio
 * in the player's `data-audio`. An episode's path names its show by a slug the show's own path starts with.
 */
export const listennotesListing: EpisodeListing = {
  links: 'a[href*="/podcasts/"]',
  episodeUrl: (href, page) => {
    const show = SHOW_PATH.exec(page.pathname)?.[1] ?? '';
    const episodeShow = EPISODE_PATH.exec(href.pathname)?.[1];
    if (!hostIn(href.hostname, listennotesAddress.hosts) || !episodeShow || !show.startsWith(episodeShow))
      return null;
    return `https://www.listennotes.com${href.pathname.replace(/\/?$/, '/')}`;
  },
  item: ['.ln-channel-episode-detail-card, .ln-channel-individual-episode-card'],
  title: ['.ln-channel-episode-card-info-title a', '.ln-channel-episode-card-info-title'],
  date: [
    '.ln-channel-episode-card-info-subtitle time@datetime',
    '.ln-channel-episode-card-info-subtitle time',
  ],
  duration: ['.ln-episode-timestamp'],
  audio: ['[data-type="episode-audio-player"]@data-audio', '[data-audio]@data-audio'],
  notes: ['.ln-channel-episode-description-text', '.ln-text-p'],
  podcast: ['h1 a', 'h1'],
};

export const listennotesAdapter = /* @__PURE__ */ directoryAdapter(listennotesProfile, listennotesListing);

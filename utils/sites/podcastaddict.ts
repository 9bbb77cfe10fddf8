// podcastaddict.com: episode pages carry the audio in JSON-LD (`associatedMedia.contentUrl`), notes in `#episode_body`;
// podcast pages (`/podcast/{slug}/{id}`) link each episode's page (`/{slug}/episode/{id}`).
import type { SiteProfile } from './profile';
import type { EpisodeListing } from './episode-listing';
import { directoryAdapter } from './directory';

const EPISODE_PATH = /^\/(?:([^/]+)\/)?episode\/(\d+)\/?$/;
const SHOW_PATH = /^\/podcast\/(?:([^/]+)\/)?\d+\/?$/;

export const podcastaddictProfile: SiteProfile = {
  id: 'podcastaddict',
  name: 'Podcast Addict',
  hosts: ['podcastaddict.com'],
  exampleUrls: [
    'https://podcastaddict.com/running-in-production/episode/130567741',
    'https://podcastaddict.com/podcast/running-in-production/2754470',
    'https://podcastaddict.com/podcast/2754470',
  ],
  pageKind: (url) =>
    EPISODE_PATH.test(url.pathname) ? 'episode' : SHOW_PATH.test(url.pathname) ? 'listing' : null,
  episode: {
    title: ['h1', '.episode-title'],
    podcast: ['.podcast-title', 'h2 a'],
    notes: ['#episode_body', '.episode_body'],
    media: 'audio',
  },
  seekable: true,
  timeUrl: () => null,
};

/** Podcast pages: episodes found by their links; the audio where a row carries it (a player's data or a file link). */
export const podcastaddictListing: EpisodeListing = {
  links: 'a[href*="/episode/"]',
  episodeUrl: (href, page) => {
    const episode = EPISODE_PATH.exec(href.pathname);
    if (!/(?:^|\.)podcastaddict\.com$/.test(href.hostname) || !episode) return null;
    const show = SHOW_PATH.exec(page.pathname)?.[1];
    // A link to another show's episode (recommendations) is not one of this show's episodes.
    if (show && episode[1] && show !== episode[1]) return null;
    return `https://podcastaddict.com${href.pathname.replace(/\/$/, '')}`;
  },
  date: ['time@datetime', 'time'],
  audio: [
    'audio@src',
    'audio > source@src',
    '[data-audio]@data-audio',
    '[data-url]@data-url',
    'a[href*=".mp3"]@href',
  ],
  podcast: ['h1'],
};

export const podcastaddictAdapter = directoryAdapter(podcastaddictProfile, podcastaddictListing);

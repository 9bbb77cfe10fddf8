// podcastaddict.com: episode pages carry the audio in JSON-LD (`associatedMedia.contentUrl`), notes in `#episode_body`;
// podcast pages (`/podcast/{slug}/{id}`) list episodes as `a.clickeableItem` rows whose link is
// `/episode/{the audio file's address, encoded}` (it redirects to the episode page, `/{slug}/episode/{id}`).
import type { SiteProfile } from './profile';
import type { EpisodeListing } from './episode-listing';
import { directoryAdapter } from './directory';
import { hostIn, type SiteAddress } from './address';

const EPISODE_PATH = /^\/(?:([^/]+)\/)?episode\/([^/]+)\/?$/;
const SHOW_PATH = /^\/(?:podcast\/(?:([^/]+)\/)?\d+|feed\/[^/]+)\/?$/;

export const podcastaddictAddress: SiteAddress = { hosts: ['podcastaddict.com', 'www.podcastaddict.com'] };

export const podcastaddictProfile: SiteProfile = {
  id: 'podcastaddict',
  name: 'Podcast Addict',
  address: podcastaddictAddress,
  exampleUrls: [
    'https://podcastaddict.com/running-in-production/episode/130567741',
    'https://podcastaddict.com/episode/130567741',
    'https://podcastaddict.com/podcast/running-in-production/2754470',
    'https://podcastaddict.com/podcast/2754470',
    'https://podcastaddict.com/feed/https%3A%2F%2Frunninginproduction.com%2Fpodcast%2Ffeed.xml',
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
};

/** The file an `/episode/{encoded address}` link names, or null for an episode page's own address. */
function encodedAudio(episodeUrl: string): string | null {
  const segment = EPISODE_PATH.exec(new URL(episodeUrl).pathname)?.[2] ?? '';
  try {
    const decoded = decodeURIComponent(segment);
    return /^https?:\/\//i.test(decoded) ? decoded : null;
  } catch {
    return null;
  }
}

/** Podcast pages: `a.clickeableItem` rows (title in `h5`), or any block around a link to one of the show's episodes. */
export const podcastaddictListing: EpisodeListing = {
  links: 'a[href*="/episode/"]',
  episodeUrl: (href, page) => {
    const episode = EPISODE_PATH.exec(href.pathname);
    if (!hostIn(href.hostname, podcastaddictAddress.hosts) || !episode) return null;
    const show = SHOW_PATH.exec(page.pathname)?.[1];
    // A link to another show's episode (recommendations) is not one of this show's episodes.
    if (show && episode[1] && show !== episode[1]) return null;
    return `https://podcastaddict.com${href.pathname.replace(/\/$/, '')}`;
  },
  item: ['a.clickeableItem'],
  title: ['h5'],
  date: ['time@datetime', 'time'],
  audio: [
    'audio@src',
    'audio > source@src',
    '[data-audio]@data-audio',
    '[data-url]@data-url',
    'a[href*=".mp3"]@href',
  ],
  audioOf: encodedAudio,
  podcast: ['h1'],
};

export const podcastaddictAdapter = /* @__PURE__ */ directoryAdapter(
  podcastaddictProfile,
  podcastaddictListing,
);

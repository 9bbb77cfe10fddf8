// Pocket Casts: the public site (pocketcasts.com, pca.st share links) and the web player (play.pocketcasts.com).
import type { SiteProfile } from './profile';
import type { EpisodeListing } from './episode-listing';
import { directoryAdapter } from './directory';
import { hostIn, type SiteAddress } from './address';

const UUID = '[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}';
/** `/podcast/{show}/{uuid}/{episode}/{uuid}` (the public site), `/podcasts/{uuid}/{uuid}` (the player), `/episode/{uuid}`. */
const EPISODE_PATH = new RegExp(
  `^/(?:podcast/[^/]+/(${UUID})/[^/]+/${UUID}|podcasts/(${UUID})/${UUID}|episode/${UUID})/?$`,
  'i',
);
/** `/podcast/{show}/{uuid}` (the public site), `/podcasts/{uuid}` (the player). */
const SHOW_PATH = new RegExp(`^/(?:podcast/[^/]+/(${UUID})|podcasts/(${UUID}))/?$`, 'i');

function showUuid(pattern: RegExp, path: string): string | null {
  const match = pattern.exec(path);
  return (match?.[1] ?? match?.[2] ?? null)?.toLowerCase() ?? null;
}

// play.: the web player; pca.st: Pocket Casts' share links.
export const pocketcastsAddress: SiteAddress = {
  hosts: ['pocketcasts.com', 'www.pocketcasts.com', 'play.pocketcasts.com', 'pca.st'],
};

export const pocketcastsProfile: SiteProfile = {
  id: 'pocketcasts',
  name: 'Pocket Casts',
  address: pocketcastsAddress,
  exampleUrls: [
    'https://pca.st/episode/5c9e9f4a-0e8f-4d3c-9a52-3c2bd1b1f0a1',
    'https://play.pocketcasts.com/podcasts/2f3c1e30-2c4b-0137-f266-1d245fc5f9cf/5c9e9f4a-0e8f-4d3c-9a52-3c2bd1b1f0a1',
    'https://pocketcasts.com/podcast/running-in-production/2f3c1e30-2c4b-0137-f266-1d245fc5f9cf/meteor-cloud-is-a-full-service-hosting-solution/5c9e9f4a-0e8f-4d3c-9a52-3c2bd1b1f0a1',
    'https://pocketcasts.com/podcast/running-in-production/2f3c1e30-2c4b-0137-f266-1d245fc5f9cf',
    'https://play.pocketcasts.com/podcasts/2f3c1e30-2c4b-0137-f266-1d245fc5f9cf',
  ],
  pageKind: (url) =>
    EPISODE_PATH.test(url.pathname) ? 'episode' : SHOW_PATH.test(url.pathname) ? 'listing' : null,
  episode: {
    title: ['h1', '.episode-title'],
    podcast: ['.podcast-title', 'h2'],
    date: ['#episode_date'],
    // Today's site, then the share page's `div.section.show_notes`.
    notes: [
      '.episode-description',
      '.show-notes',
      '.show_notes',
      '[class*="ShowNotes"]',
      '#episode_description',
      '.description',
    ],
    audio: ['audio@src', 'audio > source@src'],
    media: 'audio, video',
  },
  seekable: true,
};

/**
 * Show pages list the show's episodes as links to their pages (the public site) or as `.episode_row` rows (the
 * web player); a row's audio, where the page carries it, is an `<audio>` source or a link to the file.
 */
export const pocketcastsListing: EpisodeListing = {
  links: 'a[href*="/podcast/"], a[href*="/podcasts/"], a[href*="/episode/"]',
  episodeUrl: (href, page) => {
    if (!hostIn(href.hostname, pocketcastsAddress.hosts) || !EPISODE_PATH.test(href.pathname)) return null;
    const show = showUuid(SHOW_PATH, page.pathname);
    const episodeShow = showUuid(EPISODE_PATH, href.pathname);
    // A link to another show's episode (recommendations) is not one of this show's episodes.
    if (show && episodeShow && show !== episodeShow) return null;
    return `${href.origin}${href.pathname.replace(/\/$/, '')}`;
  },
  item: ['.episode_row'],
  // Titles are the links' text and blurbs the rows' paragraphs (the engine's defaults).
  date: ['time@datetime', 'time'],
  audio: ['audio@src', 'audio > source@src', 'a[href*=".mp3"]@href', 'a[href*=".m4a"]@href'],
  notes: ['.show_notes'],
  podcast: ['h1'],
};

export const pocketcastsAdapter = /* @__PURE__ */ directoryAdapter(pocketcastsProfile, pocketcastsListing);

// open.spotify.com: a DRM player Stackcast cannot drive; episode notes only in meta tags and JSON-LD, flattened;
// show pages list each episode (title, link, date, duration, a clamped blurb) in its own block.
import type { FoundEpisode } from './types';
import type { SiteProfile } from './profile';
import type { EpisodeListing } from './episode-listing';
import { directoryAdapter } from './directory';
import { metaContent } from './page-metadata';
import { cleanLabel } from './values';
import type { SiteAddress } from './address';

/** An open.spotify.com episode address (optionally under a locale such as `intl-de`); group 1 is its id. */
const SPOTIFY_EPISODE_URL = /^https:\/\/open\.spotify\.com\/(?:[\w-]+\/)?episode\/([A-Za-z0-9]{10,40})/;
const EPISODE_PATH = /^\/(?:[\w-]+\/)?episode\//;
const SHOW_PATH = /^\/(?:[\w-]+\/)?show\/[A-Za-z0-9]{10,40}\/?$/;
const FROM_SHOW = /^Listen to this episode from (.+?) on Spotify\./;

/** The show's name from Spotify's description prefix (`Listen to this episode from X on Spotify.`). */
function withShowName(doc: Document, _url: URL, found: FoundEpisode[]): FoundEpisode[] {
  const description = metaContent(doc, ['description', 'og:description']) ?? '';
  const podcast = cleanLabel(FROM_SHOW.exec(description)?.[1] ?? null);
  if (!podcast) return found;
  return found.map((episode) => ({
    ...episode,
    meta: { ...episode.meta, podcast: episode.meta.podcast ?? podcast },
  }));
}

export const spotifyAddress: SiteAddress = {
  hosts: ['open.spotify.com'],
  // Spotify's timestamped share links add `?t=<seconds>` to the episode URL.
  timeLink: (episodeUrl) => {
    const id = SPOTIFY_EPISODE_URL.exec(episodeUrl)?.[1];
    return id
      ? (seconds) => `https://open.spotify.com/episode/${id}?t=${Math.max(0, Math.floor(seconds))}`
      : null;
  },
};

export const spotifyProfile: SiteProfile = {
  id: 'spotify',
  name: 'Spotify',
  address: spotifyAddress,
  exampleUrls: [
    'https://open.spotify.com/episode/5Q5B9gC4PnWVo0DTp4gZ3G',
    'https://open.spotify.com/show/0wQvgTa4FMZEP0QvmAbL1X',
    'https://open.spotify.com/intl-de/show/0wQvgTa4FMZEP0QvmAbL1X',
  ],
  pageKind: (url) =>
    EPISODE_PATH.test(url.pathname) ? 'episode' : SHOW_PATH.test(url.pathname) ? 'listing' : null,
  episode: {
    // Notes live in metadata only; items are separated by runs of spaces where the line breaks were.
    metadataNotes: { strip: FROM_SHOW, split: /\s{2,}/ },
  },
  // og:audio is a 30-second preview clip, not the episode, and so are the `.mp3` files in the pages' data
  // (the embed's `__NEXT_DATA__` gives `audioPreview.url` = `…/clip_488000_550720.mp3`): no audio from metadata.
  metadataAudio: false,
  seekable: false,
  enrich: withShowName,
};

/**
 * The show page's "All Episodes" list. Each row is `[data-testid="episode-N"]` with a link to `/episode/{id}`
 * holding the title (`h4[data-testid="episodeTitle"]`, or the link's text in the list-row generation), the
 * blurb in `[data-encore-id="listRowDetails"]` or an unnamed `div > p`, the length in
 * `[data-testid="episode-progress-not-played"]` (`1 hr 12 min`). No audio: the player is DRM.
 */
export const spotifyListing: EpisodeListing = {
  links: 'a[href*="/episode/"]',
  episodeUrl: (href) => {
    const id = SPOTIFY_EPISODE_URL.exec(href.href)?.[1];
    return id ? `https://open.spotify.com/episode/${id}` : null;
  },
  item: ['[data-testid^="episode-"]', '[data-encore-id="listRow"]', '[role="row"]'],
  title: ['[data-testid="episodeTitle"]', '[data-encore-id="listRowTitle"]'],
  duration: ['[data-testid="episode-progress-not-played"]', '[data-testid^="episode-progress"]'],
  notes: ['[data-encore-id="listRowDetails"]', '[data-testid="episode-description"]'],
  notesIgnore: 'button',
  // The player bar links the episode playing now, which need not be one of this show's.
  exclude: '[data-testid="now-playing-widget"]',
  podcast: ['[data-testid="entityTitle"]', 'h1'],
};

export const spotifyAdapter = /* @__PURE__ */ directoryAdapter(spotifyProfile, spotifyListing);

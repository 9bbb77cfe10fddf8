// open.spotify.com: a DRM player Stackcast cannot drive; show notes only in meta tags and JSON-LD, flattened.
import type { FoundEpisode } from './types';
import { adapterFromProfile, type SiteProfile } from './profile';
import { metaContent } from './page-metadata';
import { cleanLabel } from './values';

const EPISODE_URL = /^https:\/\/open\.spotify\.com\/(?:[\w-]+\/)?episode\/([A-Za-z0-9]{10,40})/;
const FROM_SHOW = /^Listen to this episode from (.+?) on Spotify\./;

/** The show's name from Spotify's description prefix (`Listen to this episode from X on Spotify.`). */
function withShowName(doc: Document, _url: URL, found: FoundEpisode[]): FoundEpisode[] {
  const description = metaContent(doc, ['description', 'og:description']) ?? '';
  const podcast = cleanLabel(FROM_SHOW.exec(description)?.[1] ?? null);
  if (!podcast) return found;
  return found.map((episode) => ({ ...episode, meta: { ...episode.meta, podcast: episode.meta.podcast ?? podcast } }));
}

export const spotifyProfile: SiteProfile = {
  id: 'spotify',
  name: 'Spotify',
  hosts: ['open.spotify.com'],
  exampleUrls: ['https://open.spotify.com/episode/5Q5B9gC4PnWVo0DTp4gZ3G', 'https://open.spotify.com/show/0wQvgTa4FMZEP0QvmAbL1X'],
  pageKind: (url) => (/\/episode\//.test(url.pathname) ? 'episode' : /\/show\//.test(url.pathname) ? 'listing' : null),
  episode: {
    // Notes live in metadata only; items are separated by runs of spaces where the line breaks were.
    metadataNotes: { strip: FROM_SHOW, split: /\s{2,}/ },
  },
  // og:audio is a 30-second preview clip, not the episode.
  metadataAudio: false,
  seekable: false,
  // Spotify's timestamped share links add `?t=<seconds>` to the episode URL.
  timeUrl: (episodeUrl, seconds) => {
    const id = EPISODE_URL.exec(episodeUrl)?.[1];
    return id ? `https://open.spotify.com/episode/${id}?t=${Math.max(0, Math.floor(seconds))}` : null;
  },
  enrich: withShowName,
};

export const spotifyAdapter = adapterFromProfile(spotifyProfile);

// overcast.fm: episode pages (`/+ID`) with a seekable `audio#audioplayer`, and podcast pages listing episodes.
import { adapterFromProfile, type SiteProfile } from './profile';
import type { SiteAddress } from './address';
import { formatTimestamp } from '../parse/time';

const EPISODE_PATH = /^\/\+[\w-]+\/?/;
const PODCAST_PATH = /^\/(?:itunes\d+|p\d+-[\w-]+)(?:\/[\w-]*)?$/;

export const overcastAddress: SiteAddress = {
  hosts: ['overcast.fm', 'www.overcast.fm'],
  // Overcast's "share link with timestamp" appends `/m:ss` to the short link.
  timeLink: (episodeUrl) =>
    /^https:\/\/overcast\.fm\/\+[\w-]+$/.test(episodeUrl)
      ? (seconds) => `${episodeUrl}/${formatTimestamp(seconds)}`
      : null,
};

export const overcastProfile: SiteProfile = {
  id: 'overcast',
  name: 'Overcast',
  address: overcastAddress,
  exampleUrls: ['https://overcast.fm/+5K6jP2BDE', 'https://overcast.fm/itunes1602541473/whats-your-problem'],
  pageKind: (url) =>
    EPISODE_PATH.test(url.pathname) ? 'episode' : PODCAST_PATH.test(url.pathname) ? 'listing' : null,
  episode: {
    title: ['h2.title', '.centertext h2', 'h2'],
    podcast: ['.centertext h3 a', '.centertext h3'],
    date: ['.centertext .lighttext'],
    audio: ['audio#audioplayer > source@src', 'audio#audioplayer@src'],
    notes: ['#episode_body', '.episode_body'],
    media: 'audio#audioplayer',
  },
  listing: {
    item: 'a.extendedepisodecell',
    title: ['.title'],
    date: ['.caption2'],
    duration: ['.caption2'],
    url: ['@href'],
    notes: ['.lighttext', '.titlestack .caption2 + .title + div'],
    podcast: ['h2.centertext', '.title.centertext', 'h2'],
  },
  seekable: true,
};

export const overcastAdapter = /* @__PURE__ */ adapterFromProfile(overcastProfile);

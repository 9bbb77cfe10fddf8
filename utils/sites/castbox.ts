// castbox.fm: episode pages (`/episode/{title}-id{show}-id{episode}`) and channel pages (`/channel/{title}-id{show}`).
import type { SiteProfile } from './profile';
import type { EpisodeListing } from './episode-listing';
import { directoryAdapter } from './directory';
import { hostIn, type SiteAddress } from './address';

const EPISODE_PATH = /^\/(?:vb\/)?episode\/(?:[^/]*-)?id(\d+)-id(\d+)\/?$/;
const CHANNEL_PATH = /^\/(?:vb\/)?channel\/(?:[^/]*-)?id(\d+)\/?$/;

export const castboxAddress: SiteAddress = { hosts: ['castbox.fm', 'www.castbox.fm'] };

export const castboxProfile: SiteProfile = {
  id: 'castbox',
  name: 'Castbox',
  address: castboxAddress,
  exampleUrls: [
    'https://castbox.fm/episode/Meteor-Cloud-Is-a-Full-Service-Hosting-Solution-for-Meteor-Apps-id2240454-id456263014',
    'https://castbox.fm/channel/Running-in-Production-id2240454',
    'https://castbox.fm/channel/id2240454?country=us',
  ],
  pageKind: (url) =>
    /^\/(?:vb\/)?episode\//.test(url.pathname)
      ? 'episode'
      : /^\/(?:vb\/)?channel\//.test(url.pathname)
        ? 'listing'
        : null,
  episode: {
    title: ['h1', '.trackinfo-title'],
    podcast: ['.trackinfo-podcast a', '.podcast-title'],
    notes: ['.episode-des', '.des-con', '.trackinfo-des', '#episode-des'],
    audio: ['audio@src', 'audio > source@src'],
    media: 'audio',
  },
  seekable: true,
};

/** Channel pages: each episode found by its link (`…-id{show}-id{episode}`, the show's id must be the channel's). */
export const castboxListing: EpisodeListing = {
  links: 'a[href*="/episode/"]',
  episodeUrl: (href, page) => {
    const episode = EPISODE_PATH.exec(href.pathname);
    if (!hostIn(href.hostname, castboxAddress.hosts) || !episode) return null;
    const channel = CHANNEL_PATH.exec(page.pathname)?.[1];
    if (channel && channel !== episode[1]) return null;
    return `https://castbox.fm${href.pathname.replace(/\/$/, '')}`;
  },
  date: ['time@datetime', 'time'],
  audio: [
    'audio@src',
    'audio > source@src',
    '[data-audio]@data-audio',
    '[data-url]@data-url',
    'a[href*=".mp3"]@href',
  ],
  notes: ['.episode-des', '.des-con'],
  podcast: ['h1'],
};

export const castboxAdapter = /* @__PURE__ */ directoryAdapter(castboxProfile, castboxListing);

// runninginproduction.com (Jekyll + Turbolinks): episode and interview pages, the index and tag pages.
import { adapterFromProfile, type SiteProfile } from './profile';
import type { SiteAddress } from './address';
import { formatTimestamp } from '../parse/time';
import { httpUrl } from './values';

const EPISODE_PATH = /^\/(?:podcast|interviews)\/\d+-[\w-]+\/?$/;
const LISTING_PATH = /^\/(?:(?:podcast|interviews)\/?|tags\/[\w.+-]+\/?)?$/;
const TAG_LINKS = { selector: 'a.badge[href*="/tags/"]', slug: /\/tags\/([^/?#]+)/ };

export const runninginproductionAddress: SiteAddress = {
  hosts: ['runninginproduction.com', 'www.runninginproduction.com'],
  // The site's player reads `#m:ss` from the address on load.
  timeLink: (episodeUrl) => {
    const page = httpUrl(episodeUrl, undefined, false);
    return page ? (seconds) => `${page}#${formatTimestamp(seconds)}` : null;
  },
};

export const runninginproductionProfile: SiteProfile = {
  id: 'runninginproduction',
  name: 'Running in Production',
  address: runninginproductionAddress,
  podcast: 'Running in Production',
  exampleUrls: [
    'https://runninginproduction.com/podcast/3-learn-elixir-and-phoenix-by-building-things-over-at-alchemist-camp',
    'https://runninginproduction.com/interviews/4-daily-is-a-browser-extension-that-replaces-your-new-tab-with-dev-news',
    'https://runninginproduction.com/podcast/',
    'https://runninginproduction.com/tags/docker',
  ],
  pageKind: (url) =>
    EPISODE_PATH.test(url.pathname) ? 'episode' : LISTING_PATH.test(url.pathname) ? 'listing' : null,
  episode: {
    root: ['#podcast_or_interview', '.card-body.item'],
    title: ['h1'],
    date: ['time@datetime', '.text-muted.small'],
    audio: [
      '.js-audio-player audio.js-audio > source@src',
      '.js-audio-player audio.js-audio@src',
      'audio > source@src',
      'audio@src',
    ],
    notes: ['#podcast_or_interview', '.card-body.item'],
    // The player's `0:00 / 52:20` readout, badges and buttons are not show notes.
    notesIgnore: '.js-audio-player, audio, .list-inline, .avatar--item, .btn',
    media: '.js-audio-player audio.js-audio, audio.js-audio, audio',
    tags: TAG_LINKS,
    stack: { heading: 'h6', text: /tech stack/i, items: 'a' },
  },
  listing: {
    item: '#podcasts_or_interviews > li.list-group-item, #podcasts > li.list-group-item, #interviews > li.list-group-item',
    title: ['h5', 'a:not(.badge) strong'],
    url: ['a:not(.badge)[href]@href'],
    tags: TAG_LINKS,
  },
  seekable: true,
};

export const runninginproductionAdapter = /* @__PURE__ */ adapterFromProfile(runninginproductionProfile);

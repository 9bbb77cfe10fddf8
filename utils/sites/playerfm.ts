// player.fm: series pages and episode pages (`/series/{series}/{episode}`).
import { adapterFromProfile, type SiteProfile } from './profile';

export const playerfmProfile: SiteProfile = {
  id: 'playerfm',
  name: 'Player FM',
  hosts: ['player.fm'],
  exampleUrls: [
    'https://player.fm/series/running-in-production/meteor-cloud-is-a-full-service-hosting-solution-for-meteor-apps',
    'https://player.fm/series/running-in-production',
  ],
  pageKind: (url) =>
    /^\/series\/[^/]+\/[^/]+\/?$/.test(url.pathname) ? 'episode' : /^\/series\/[^/]+\/?$/.test(url.pathname) ? 'listing' : null,
  episode: {
    title: ['h1'],
    podcast: ['.series-title', '[itemprop="partOfSeries"] [itemprop="name"]'],
    notes: ['.story .description', '[itemprop="description"]', '.description'],
    audio: ['audio@src', 'audio > source@src', '[data-url]@data-url'],
    media: 'audio',
  },
  seekable: true,
  timeUrl: () => null,
};

export const playerfmAdapter = adapterFromProfile(playerfmProfile);

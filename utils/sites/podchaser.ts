// podchaser.com: podcast pages and episode pages (`/podcasts/{show}-{id}/episodes/{episode}-{id}`).
import { adapterFromProfile, type SiteProfile } from './profile';

export const podchaserProfile: SiteProfile = {
  id: 'podchaser',
  name: 'Podchaser',
  hosts: ['podchaser.com'],
  exampleUrls: [
    'https://www.podchaser.com/podcasts/running-in-production-1004735/episodes/meteor-cloud-is-a-full-service-118034853',
    'https://www.podchaser.com/podcasts/running-in-production-1004735',
  ],
  pageKind: (url) => (/\/episodes\/[^/]+/.test(url.pathname) ? 'episode' : /^\/podcasts\/[^/]+\/?$/.test(url.pathname) ? 'listing' : null),
  episode: {
    title: ['h1'],
    notes: ['[class*="description"]', '[itemprop="description"]'],
    audio: ['audio@src', 'audio > source@src'],
    media: 'audio',
  },
  seekable: true,
  timeUrl: () => null,
};

export const podchaserAdapter = adapterFromProfile(podchaserProfile);

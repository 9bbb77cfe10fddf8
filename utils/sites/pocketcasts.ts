// Pocket Casts: the public site (pocketcasts.com, pca.st share links) and the web player (play.pocketcasts.com).
import { adapterFromProfile, type SiteProfile } from './profile';

export const pocketcastsProfile: SiteProfile = {
  id: 'pocketcasts',
  name: 'Pocket Casts',
  hosts: ['pocketcasts.com', 'pca.st'],
  exampleUrls: [
    'https://pca.st/episode/5c9e9f4a-0e8f-4d3c-9a52-3c2bd1b1f0a1',
    'https://play.pocketcasts.com/podcasts/2f3c1e30-2c4b-0137-f266-1d245fc5f9cf/episode/5c9e9f4a-0e8f-4d3c-9a52-3c2bd1b1f0a1',
    'https://pocketcasts.com/podcast/running-in-production/2f3c1e30-2c4b-0137-f266-1d245fc5f9cf',
  ],
  pageKind: (url) => (/\/episode\//.test(url.pathname) ? 'episode' : /^\/(?:podcast|podcasts)\//.test(url.pathname) ? 'listing' : null),
  episode: {
    title: ['h1', '.episode-title'],
    podcast: ['.podcast-title', 'h2'],
    notes: ['.episode-description', '.show-notes', '[class*="ShowNotes"]', '#episode_description', '.description'],
    audio: ['audio@src', 'audio > source@src'],
    media: 'audio, video',
  },
  seekable: true,
  timeUrl: () => null,
};

export const pocketcastsAdapter = adapterFromProfile(pocketcastsProfile);

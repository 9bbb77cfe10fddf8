// podcastaddict.com: episode pages carry the audio in JSON-LD (`associatedMedia.contentUrl`), notes in `#episode_body`.
import { adapterFromProfile, type SiteProfile } from './profile';

export const podcastaddictProfile: SiteProfile = {
  id: 'podcastaddict',
  name: 'Podcast Addict',
  hosts: ['podcastaddict.com'],
  exampleUrls: ['https://podcastaddict.com/running-in-production/episode/130567741', 'https://podcastaddict.com/podcast/running-in-production/2754470'],
  pageKind: (url) => (/\/episode\/\d+/.test(url.pathname) ? 'episode' : /^\/podcast\//.test(url.pathname) ? 'listing' : null),
  episode: {
    title: ['h1', '.episode-title'],
    podcast: ['.podcast-title', 'h2 a'],
    notes: ['#episode_body', '.episode_body'],
    media: 'audio',
  },
  seekable: true,
  timeUrl: () => null,
};

export const podcastaddictAdapter = adapterFromProfile(podcastaddictProfile);

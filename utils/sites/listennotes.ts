// listennotes.com: audio URL in `[data-audio]`, notes in `.ln-text-p`.
import { adapterFromProfile, type SiteProfile } from './profile';

export const listennotesProfile: SiteProfile = {
  id: 'listennotes',
  name: 'Listen Notes',
  hosts: ['listennotes.com'],
  exampleUrls: [
    'https://www.listennotes.com/podcasts/running-in-production/meteor-cloud-is-a-full-6tF1ZwL0nKX/',
    'https://www.listennotes.com/podcasts/running-in-production-nick-janetakis-Ki9pX4bCzGv/',
  ],
  // Episode pages have two segments after /podcasts/ (show, episode); show pages one.
  pageKind: (url) =>
    /^\/(?:[a-z]{2}\/)?(?:podcasts|e)\/[^/]+\/[^/]+\/?$/.test(url.pathname) ? 'episode' : /^\/(?:[a-z]{2}\/)?podcasts\/[^/]+\/?$/.test(url.pathname) ? 'listing' : null,
  episode: {
    title: ['h1'],
    podcast: ['h1 + div a', '.ln-channel-title'],
    audio: ['[data-audio]@data-audio'],
    notes: ['.ln-text-p'],
    media: 'audio',
  },
  seekable: true,
  timeUrl: () => null,
};

export const listennotesAdapter = adapterFromProfile(listennotesProfile);

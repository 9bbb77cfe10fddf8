// castbox.fm: episode pages (`/episode/{title}-id{show}-id{episode}`) and channel pages.
import { adapterFromProfile, type SiteProfile } from './profile';

export const castboxProfile: SiteProfile = {
  id: 'castbox',
  name: 'Castbox',
  hosts: ['castbox.fm'],
  exampleUrls: [
    'https://castbox.fm/episode/Meteor-Cloud-Is-a-Full-Service-Hosting-Solution-for-Meteor-Apps-id2240454-id456263014',
    'https://castbox.fm/channel/Running-in-Production-id2240454',
  ],
  pageKind: (url) => (/^\/(?:vb\/)?episode\//.test(url.pathname) ? 'episode' : /^\/(?:vb\/)?channel\//.test(url.pathname) ? 'listing' : null),
  episode: {
    title: ['h1', '.trackinfo-title'],
    podcast: ['.trackinfo-podcast a', '.podcast-title'],
    notes: ['.episode-des', '.des-con', '.trackinfo-des', '#episode-des'],
    audio: ['audio@src', 'audio > source@src'],
    media: 'audio',
  },
  seekable: true,
  timeUrl: () => null,
};

export const castboxAdapter = adapterFromProfile(castboxProfile);

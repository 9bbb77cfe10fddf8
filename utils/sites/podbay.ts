// podbay.fm (Next.js): episode data in the `__NEXT_DATA__` JSON when the page has not rendered it.
import type { FoundEpisode } from './types';
import { adapterFromProfile, type SiteProfile } from './profile';
import { objectsWithKey, scriptJson, stringAt } from './page-metadata';
import { markupToText } from './notes-markup';
import { audioUrl, cleanLabel, isoDate, parseDuration } from './values';
import type { SiteAddress } from './address';

const AUDIO_KEYS = ['mediaURL', 'mediaUrl', 'audioUrl', 'enclosureUrl', 'enclosure_url', 'audio'];

/** Fills gaps from `__NEXT_DATA__`: the episode object is the one with a description and an audio URL. */
function withNextData(doc: Document, url: URL, found: FoundEpisode[]): FoundEpisode[] {
  const data = scriptJson(doc, 'script#__NEXT_DATA__');
  if (data === undefined || found.length > 1) return found;
  const episode = objectsWithKey(data, 'description', 200).find((node) =>
    AUDIO_KEYS.some((key) => typeof node[key] === 'string'),
  );
  if (!episode) return found;
  const audioKey = AUDIO_KEYS.find((key) => typeof episode[key] === 'string');
  const description = stringAt(episode, ['description']);
  const current = found[0];
  const body = doc.body ?? doc.documentElement;
  if (!body) return found;
  const meta = {
    title: current?.meta.title ?? cleanLabel(stringAt(episode, ['title'])),
    podcast:
      current?.meta.podcast ??
      cleanLabel(stringAt(episode, ['podcast', 'title']) ?? stringAt(episode, ['podcastTitle'])),
    date:
      current?.meta.date ??
      isoDate(
        stringAt(episode, ['published']) ?? stringAt(episode, ['pubDate']) ?? stringAt(episode, ['date']),
      ),
    durationSeconds: current?.meta.durationSeconds ?? parseDuration(stringAt(episode, ['duration'])),
    url: current?.meta.url ?? null,
    audioUrl: current?.meta.audioUrl ?? audioUrl(audioKey ? (episode[audioKey] as string) : null, url),
  };
  const notesText = current?.notes
    ? null
    : description
      ? markupToText(description)
      : (current?.notesText ?? null);
  return [{ ...(current ?? { root: body, notes: null }), meta, notesText }];
}

export const podbayAddress: SiteAddress = { hosts: ['podbay.fm', 'www.podbay.fm'] };

export const podbayProfile: SiteProfile = {
  id: 'podbay',
  name: 'Podbay',
  address: podbayAddress,
  exampleUrls: [
    'https://podbay.fm/p/running-in-production/e/1640000000',
    'https://podbay.fm/p/running-in-production',
  ],
  pageKind: (url) =>
    /^\/p\/[^/]+\/e\/[^/]+/.test(url.pathname)
      ? 'episode'
      : /^\/p\/[^/]+\/?$/.test(url.pathname)
        ? 'listing'
        : null,
  episode: {
    title: ['h1'],
    podcast: ['h1 + a', 'a[href^="/p/"]'],
    notes: ['.description', '[class*="Description"]', '[class*="description"]'],
    audio: ['audio@src', 'audio > source@src'],
    media: 'audio',
  },
  seekable: true,
  enrich: withNextData,
};

export const podbayAdapter = /* @__PURE__ */ adapterFromProfile(podbayProfile);

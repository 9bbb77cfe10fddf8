// Audio a show page carries only in its data (an app's JSON, JSON-LD `PodcastEpisode`s), matched to each listed
// episode by an id in its address or by its title.
import type { FoundEpisode } from './types';
import { isObject, parseJsonSafely, type JsonObject } from './page-metadata';
import { audioUrl } from './values';

const DATA_SCRIPTS =
  'script[type="application/json"], script[type="application/ld+json"], script#__NEXT_DATA__, script[id^="schema:"]';
const AUDIO_FILE = /\.(?:mp3|m4a|aac|ogg|oga|opus|wav|flac)(?:[?#]|$)/i;
const AUDIO_KEYS = [
  'audioUrl',
  'audio_url',
  'audio',
  'mediaUrl',
  'mediaURL',
  'enclosureUrl',
  'enclosure_url',
  'contentUrl',
  'streamUrl',
  'fileUrl',
  'file_url',
  'url',
  'src',
];
/** Objects an episode's data nests its file in (`associatedMedia.contentUrl`, `enclosure.url`). */
const MEDIA_KEYS = ['associatedMedia', 'enclosure', 'audio', 'media'];
const ID_KEYS = ['id', 'uuid', 'guid', 'episodeId', 'episode_id', 'episodeUuid', 'slug'];
const LINK_KEYS = ['url', 'link', 'shareUrl', 'share_url', 'permalink', '@id'];
const TITLE_KEYS = ['title', 'name'];
/** Path words that name a kind of page, not an episode. */
const GENERIC_SEGMENTS = new Set([
  'episode',
  'episodes',
  'podcast',
  'podcasts',
  'series',
  'channel',
  'show',
  'e',
  'p',
]);
const MAX_OBJECTS = 20_000;

function normalTitle(text: string): string {
  return text.toLowerCase().replace(/\s+/g, ' ').trim();
}

/**
 * The ids an address gives its episode: its last path segment and the number it ends in (`…-id456263014`,
 * `…-118034853`). The show's own segments are left out: every episode's address shares them.
 */
function addressTokens(href: string | null): string[] {
  if (!href) return [];
  let path: string;
  try {
    path = new URL(href, 'https://example.invalid/').pathname;
  } catch {
    return [];
  }
  const segment = path
    .split('/')
    .map((part) => part.toLowerCase())
    .filter((part) => part.length >= 4 && !GENERIC_SEGMENTS.has(part))
    .at(-1);
  if (!segment) return [];
  const number = /(?:^|[-_]|id)(\d{5,})$/.exec(segment)?.[1];
  return number ? [segment, number] : [segment];
}

function audioIn(node: JsonObject): string | null {
  for (const key of AUDIO_KEYS) {
    const value = node[key];
    if (typeof value === 'string' && AUDIO_FILE.test(value)) return value;
  }
  for (const key of MEDIA_KEYS) {
    const media = node[key];
    const first = Array.isArray(media) ? media[0] : media;
    if (isObject(first)) {
      for (const audioKey of AUDIO_KEYS) {
        const value = first[audioKey];
        if (typeof value === 'string' && AUDIO_FILE.test(value)) return value;
      }
    }
  }
  return null;
}

/** What a data object answers to: its ids, the ids in its links, its title. */
function identifiers(node: JsonObject): { ids: Set<string>; title: string | null } {
  const ids = new Set<string>();
  for (const key of ID_KEYS) {
    const value = node[key];
    if (typeof value === 'string' || typeof value === 'number') ids.add(String(value).toLowerCase());
  }
  for (const key of LINK_KEYS) {
    const value = node[key];
    if (typeof value === 'string' && !AUDIO_FILE.test(value))
      for (const token of addressTokens(value)) ids.add(token);
  }
  const title = TITLE_KEYS.map((key) => node[key]).find(
    (value): value is string => typeof value === 'string',
  );
  return { ids, title: title ? normalTitle(title) : null };
}

/** Every object with an audio file in the page's data scripts, with what it answers to. */
function dataEpisodes(doc: Document): Array<{ audio: string; ids: Set<string>; title: string | null }> {
  const out: Array<{ audio: string; ids: Set<string>; title: string | null }> = [];
  const stack: unknown[] = Array.from(doc.querySelectorAll(DATA_SCRIPTS), (script) =>
    parseJsonSafely(script.textContent),
  );
  let visited = 0;
  while (stack.length > 0 && visited < MAX_OBJECTS) {
    const current = stack.pop();
    visited += 1;
    if (Array.isArray(current)) stack.push(...current.slice(0, 2_000));
    else if (isObject(current)) {
      const audio = audioIn(current);
      if (audio) out.push({ audio, ...identifiers(current) });
      for (const child of Object.values(current))
        if (typeof child === 'object' && child !== null) stack.push(child);
    }
  }
  return out;
}

/**
 * Fills the audio of listed episodes that have none from the page's data, when exactly one file answers to the
 * episode (an id of its address, or its title); anything ambiguous is left alone.
 * @example found = withDataAudio(document, new URL(location.href), found);
 */
export function withDataAudio(doc: Document, page: URL, found: FoundEpisode[]): FoundEpisode[] {
  if (found.every((episode) => episode.meta.audioUrl)) return found;
  const data = dataEpisodes(doc);
  if (data.length === 0) return found;
  return found.map((episode) => {
    if (episode.meta.audioUrl) return episode;
    const tokens = new Set(addressTokens(episode.meta.url));
    const title = episode.meta.title ? normalTitle(episode.meta.title) : null;
    let files = new Set(
      data.filter((item) => [...item.ids].some((id) => tokens.has(id))).map((item) => item.audio),
    );
    if (files.size === 0 && title && title.length >= 8)
      files = new Set(data.filter((item) => item.title === title).map((item) => item.audio));
    const [only] = files;
    return files.size === 1
      ? { ...episode, meta: { ...episode.meta, audioUrl: audioUrl(only, page) } }
      : episode;
  });
}

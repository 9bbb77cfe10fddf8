// podcasts.apple.com (Svelte SPA): episode pages (`?i=`), show pages; stream URLs in serialized server data.
import type { FoundEpisode } from './types';
import type { SiteProfile } from './profile';
import type { EpisodeListing } from './episode-listing';
import { directoryAdapter } from './directory';
import { isObject, objectsWithKey, scriptJson, type JsonObject } from './page-metadata';
import { audioUrl } from './values';
import type { SiteAddress } from './address';

const SHOW_PATH = /^\/(?:[a-z]{2}\/)?podcast\/(?:[^/]+\/)?id\d+\/?$/i;
const SHOW_ID = /\/id(\d+)\/?$/;
const ID_KEYS = ['id', 'adamId', 'contentId', 'episodeId', 'trackId'];

/** The episode id an Apple URL names (`?i=1000623871376`), or null. */
export function appleEpisodeId(href: string | null | undefined): string | null {
  if (!href) return null;
  try {
    return new URL(href, 'https://podcasts.apple.com/').searchParams.get('i');
  } catch {
    return null;
  }
}

function idsOf(node: JsonObject): string[] {
  const ids: string[] = [];
  for (const key of ID_KEYS) {
    const value = node[key];
    if (typeof value === 'string' || typeof value === 'number') ids.push(String(value));
  }
  for (const key of ['url', 'shareUrl']) {
    const id = typeof node[key] === 'string' ? appleEpisodeId(node[key] as string) : null;
    if (id) ids.push(id);
  }
  return ids;
}

/**
 * Fills audio URLs (and GUIDs) from `script#serialized-server-data`, matching episodes by id. After
 * in-app navigation that script can describe the previous page: an id that matches nothing is left alone.
 */
function withStreamUrls(doc: Document, url: URL, found: FoundEpisode[]): FoundEpisode[] {
  const data = scriptJson(doc, 'script#serialized-server-data');
  if (data === undefined) return found;
  const streams = objectsWithKey(data, 'streamUrl', 2_000).filter(
    (node) => typeof node.streamUrl === 'string',
  );
  if (streams.length === 0) return found;
  const byId = new Map<string, JsonObject>();
  for (const node of streams) for (const id of idsOf(node)) if (!byId.has(id)) byId.set(id, node);
  const pageId = appleEpisodeId(url.href);
  return found.map((episode) => {
    const id = (found.length === 1 ? pageId : null) ?? appleEpisodeId(episode.meta.url);
    let stream = id ? byId.get(id) : undefined;
    if (!stream && found.length === 1 && byId.size === 0) stream = streams[0];
    if (!stream) return episode;
    const guid = isObject(stream) && typeof stream.guid === 'string' ? stream.guid : null;
    return {
      ...episode,
      meta: {
        ...episode.meta,
        audioUrl: audioUrl(stream.streamUrl as string, url) ?? episode.meta.audioUrl,
        guid: episode.meta.guid ?? guid,
      },
    };
  });
}

export const appleAddress: SiteAddress = { hosts: ['podcasts.apple.com'] };

export const appleProfile: SiteProfile = {
  id: 'apple',
  name: 'Apple Podcasts',
  address: appleAddress,
  exampleUrls: [
    'https://podcasts.apple.com/us/podcast/meteor-cloud-is-a-full-service-hosting-solution/id1484194755?i=1000546221120',
    'https://podcasts.apple.com/es/podcast/la-mol%C3%A9cula-que-falta/id1181714154?i=1000623871376',
    'https://podcasts.apple.com/us/podcast/running-in-production/id1484194755',
  ],
  pageKind: (url) =>
    url.searchParams.has('i') ? 'episode' : SHOW_PATH.test(url.pathname) ? 'listing' : null,
  episode: {
    title: ['[data-testid="episode-title"]', '.headings__title', '.product-header__title', 'h1'],
    podcast: ['.headings__subtitles a', '.product-header__identity a', '[data-testid="podcast-title"]'],
    date: ['time@datetime', '.headings__metadata-top time', '[data-testid="episode-published-date"]'],
    duration: ['[data-testid="episode-duration"]'],
    // Today's app (glued paragraphs), then the 2023 app.
    notes: [
      'div[data-testid="paragraphs"].paragraph-wrapper',
      '[data-testid="paragraphs"]',
      '.product-hero-desc__section',
      '.product-hero-desc',
    ],
  },
  // The web player is Apple's own; Stackcast plays the stream URL in its mini player instead.
  seekable: false,
  enrich: withStreamUrls,
};

/**
 * Show pages, three generations: today's app (`ol[data-testid="episodes-list"] > li`, title
 * `[data-testid="episode-lockup-title"]`, summary `[data-testid="episode-content__summary"]`, link
 * `a[data-testid="click-action"]`), the lockups of 2023–2025 (`[data-testid="episode-lockup"]`, `li.episode`),
 * and the Ember app before (`li.tracks__track--podcast`, `h2.tracks__track__headline`,
 * `.tracks__track__copy` clamped with CSS, so its whole text is in the page). Episode links carry `?i={id}`.
 */
export const appleListing: EpisodeListing = {
  links: 'a[href*="i="]',
  episodeUrl: (href, page) => {
    if (href.hostname !== 'podcasts.apple.com' || !/^\d+$/.test(href.searchParams.get('i') ?? ''))
      return null;
    // Episodes of other shows ("You Might Also Like") are not this show's.
    const show = SHOW_ID.exec(page.pathname)?.[1];
    if (show && SHOW_ID.exec(href.pathname)?.[1] !== show) return null;
    return href.href.replace(/#.*$/, '');
  },
  item: [
    'ol[data-testid="episodes-list"] > li',
    '[data-testid="episode-lockup"]',
    'li.episode, div.episode',
    'li.tracks__track--podcast',
  ],
  title: ['[data-testid="episode-lockup-title"]', '.episode-details__title', '.tracks__track__headline'],
  date: [
    'time@datetime',
    '[data-testid="episode-details__published-date"]',
    '.episode-details__published-date',
    '.tracks__track__eyebrow-item',
  ],
  duration: ['[data-testid="episode-duration"]', '.episode-details__meta'],
  notes: ['[data-testid="episode-content__summary"]', '.episode-details__summary', '.tracks__track__copy'],
  podcast: ['[data-testid="non-editable-product-title"]', '.headings__title', '.product-header__title', 'h1'],
};

export const appleAdapter = /* @__PURE__ */ directoryAdapter(appleProfile, appleListing);

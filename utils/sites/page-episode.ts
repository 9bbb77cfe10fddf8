// What the page as a whole says about its episode: JSON-LD, Open Graph, Twitter player, canonical link, <audio>.
import type { EpisodeMeta } from './types';
import { canonicalHref, jsonLdEpisode, metaContent, stringAt, type JsonObject } from './page-metadata';
import { audioUrl, cleanLabel, httpUrl, isoDate, parseDuration } from './values';

export interface PageEpisodeOptions {
  /** Read audio from og:audio / twitter:player:stream / <audio>. Off for Spotify, whose og:audio is a 30 s preview. */
  audio?: boolean;
}

/** Page-level metadata for the episode a page is about, plus the longest description it declares. */
export interface PageEpisode {
  meta: EpisodeMeta;
  description: string | null;
  jsonLd: JsonObject | null;
}

function longest(values: Array<string | null>): string | null {
  let best: string | null = null;
  for (const value of values) if (value && (!best || value.length > best.length)) best = value;
  return best;
}

/** Removes a site's title suffix such as ` | Podcast on Spotify` or ` — Overcast`. */
function titleFromDocument(doc: Document): string | null {
  const title = doc.querySelector('title')?.textContent ?? '';
  return cleanLabel(title.split(/\s+[|—–]\s+/)[0]);
}

/**
 * Reads the page's own declaration of its episode. Every field may be null.
 * @example readPageEpisode(document, new URL(location.href)).meta.audioUrl
 */
export function readPageEpisode(doc: Document, url: URL, options: PageEpisodeOptions = {}): PageEpisode {
  const readAudio = options.audio ?? true;
  const ld = jsonLdEpisode(doc);
  const series = ld ? (stringAt(ld, ['partOfSeries', 'name']) ?? stringAt(ld, ['isPartOf', 'name']) ?? stringAt(ld, ['isPartOf'])) : null;
  const ldAudio = ld
    ? (stringAt(ld, ['associatedMedia', 'contentUrl']) ?? stringAt(ld, ['audio', 'contentUrl']) ?? stringAt(ld, ['contentUrl']))
    : null;
  const element = doc.querySelector('audio[src], video[src], audio > source[src], video > source[src]');
  const audio = readAudio
    ? (audioUrl(ldAudio, url) ??
      audioUrl(metaContent(doc, ['og:audio:secure_url', 'og:audio', 'og:audio:url']), url) ??
      audioUrl(metaContent(doc, ['twitter:player:stream']), url) ??
      audioUrl(element?.getAttribute('src'), url))
    : null;
  const meta: EpisodeMeta = {
    title: cleanLabel(stringAt(ld, ['name'])) ?? cleanLabel(metaContent(doc, ['og:title', 'twitter:title'])) ?? titleFromDocument(doc),
    podcast: cleanLabel(series) ?? null,
    date: isoDate(stringAt(ld, ['datePublished']) ?? stringAt(ld, ['uploadDate'])) ?? isoDate(metaContent(doc, ['article:published_time'])),
    durationSeconds: parseDuration(stringAt(ld, ['duration']) ?? stringAt(ld, ['timeRequired'])),
    url: httpUrl(stringAt(ld, ['url']), url) ?? httpUrl(canonicalHref(doc), url) ?? httpUrl(metaContent(doc, ['og:url']), url),
    audioUrl: audio,
  };
  const description = longest([
    stringAt(ld, ['description']),
    metaContent(doc, ['og:description']),
    metaContent(doc, ['description']),
    metaContent(doc, ['twitter:description']),
  ]);
  return { meta, description: description?.trim() || null, jsonLd: ld };
}

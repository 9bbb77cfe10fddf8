// Where a page keeps its episode's audio when it has no plain <audio src>: a player's data- attributes, a
// download or enclosure link, an embed's address, or page data (JSON in a script, often with escaped slashes).
import { audioUrl, httpUrl } from './values';

/** A URL path that names an audio file (`.mp3`, `.m4a`…), also mid-path as trackers write it (`redirect.mp3/…`). */
const AUDIO_FILE = /\.(?:mp3|m4a|m4b|aac|ogg|oga|opus|wav|flac)(?:[/?#]|$)/i;
/** Audio file URLs inside any text: the last audio extension of a run of URL characters, then its query. */
const AUDIO_URL_IN_TEXT =
  /https?:\/\/[^\s"'<>\\]+\.(?:mp3|m4a|m4b|aac|ogg|oga|opus|wav|flac)(?:\?[^\s"'<>\\]*)?/gi;
/** Attributes players keep their source in (Squarespace `data-url`, Seriously Simple Podcasting `data-source-file`…). */
const PLAYER_ATTRIBUTES = [
  'data-src',
  'data-audio',
  'data-audio-src',
  'data-audio-url',
  'data-url',
  'data-mp3',
  'data-file',
  'data-source',
  'data-source-file',
  'data-media',
  'data-media-url',
  'data-stream',
  'data-episode-url',
  'data-default-episode-url',
  'data-enclosure',
  'data-episodes',
];
/** Class or id words of an element that plays audio: its `data-url` is its source even without a file extension. */
const PLAYER_LOOK =
  /(?:^|[\s_-])(?:player|audio|podcast|episode|sound|listen|media|mp3|enclosure)(?:$|[\s_-])/i;
/** Elements whose `data-src` is an image or a frame loaded late, never a player's audio. */
const NOT_PLAYERS = new Set([
  'IMG',
  'PICTURE',
  'SOURCE',
  'IFRAME',
  'SCRIPT',
  'LINK',
  'A',
  'VIDEO',
  'EMBED',
  'OBJECT',
]);
/** Paths of files that are not audio (artwork, scripts, pages). */
const OTHER_FILE =
  /\.(?:jpe?g|png|gif|webp|avif|svg|ico|js|mjs|css|html?|php|json|xml|rss|pdf|mp4|webm|mov)$/i;
/** Words of an embedded audio player's address, title or class. */
const EMBED_LOOK = /player|podcast|episode|audio|listen|embed|show/i;
/** Inline scripts read for page data, at most this many characters in all. */
const MAX_SCRIPT_TEXT = 2_000_000;

export interface FoundAudio {
  /** A URL Stackcast can play itself. */
  audioUrl: string | null;
  /** An embedded player's address (an iframe): the episode's player link, not audio Stackcast can play. */
  playerUrl: string | null;
}

function isAudioFile(url: string): boolean {
  try {
    return AUDIO_FILE.test(new URL(url).pathname);
  } catch {
    return false;
  }
}

function playerLooking(element: Element): boolean {
  return (
    PLAYER_LOOK.test(`${element.getAttribute('class') ?? ''} ${element.id}`) ||
    element === element.ownerDocument?.body
  );
}

/** Page data writes `/` as `\/` or `\u002F`, and `&` as `\u0026`. */
function unescapeData(text: string): string {
  return text
    .replace(/\\u002[fF]/g, '/')
    .replace(/\\u0026/g, '&')
    .replace(/\\\//g, '/');
}

/** The first audio file URL written inside a piece of text (an attribute holding JSON, a script). */
function audioUrlInText(text: string, base: URL): string | null {
  AUDIO_URL_IN_TEXT.lastIndex = 0;
  const match = AUDIO_URL_IN_TEXT.exec(unescapeData(text.slice(0, 200_000)));
  return match ? audioUrl(match[0].replace(/&amp;/g, '&'), base) : null;
}

/** `<audio src>`, `<audio><source src>` (a player that did not start yet keeps its source there). */
function mediaSource(scope: ParentNode, base: URL): string | null {
  for (const element of Array.from(
    scope.querySelectorAll('audio[src], video[src], audio > source[src], video > source[src]'),
  ).slice(0, 20)) {
    const url = audioUrl(element.getAttribute('src'), base);
    if (url) return url;
  }
  return null;
}

/** A player's data- attribute: an audio file anywhere, or any http URL on an element that looks like a player. */
function playerAttribute(scope: ParentNode, base: URL, skip: (element: Element) => boolean): string | null {
  const selector = PLAYER_ATTRIBUTES.map((name) => `[${name}]`).join(', ');
  const elements = Array.from(scope.querySelectorAll(selector)).slice(0, 200);
  if ((scope as Element).matches?.(selector)) elements.unshift(scope as Element);
  for (const element of elements) {
    if (skip(element)) continue;
    for (const name of PLAYER_ATTRIBUTES) {
      const value = element.getAttribute(name)?.trim();
      if (!value) continue;
      if (value.startsWith('{') || value.startsWith('[')) {
        const inside = audioUrlInText(value, base);
        if (inside) return inside;
        continue;
      }
      const url = audioUrl(value, base);
      if (!url) continue;
      if (isAudioFile(url)) return url;
      // Without an audio extension, only a whole address on an element that looks like a player (not an id).
      const whole = /^(?:https?:)?\/\//i.test(value);
      if (
        whole &&
        playerLooking(element) &&
        !NOT_PLAYERS.has(element.tagName.toUpperCase()) &&
        !OTHER_FILE.test(new URL(url).pathname)
      )
        return url;
    }
  }
  return null;
}

/** A link to the file: its address ends in an audio extension, or it is marked as a download or the enclosure. */
function fileLink(scope: ParentNode, base: URL, skip: (element: Element) => boolean): string | null {
  for (const link of Array.from(scope.querySelectorAll('a[href], link[rel~="enclosure"][href]')).slice(
    0,
    300,
  )) {
    if (skip(link)) continue;
    const url = audioUrl(link.getAttribute('href'), base);
    if (!url) continue;
    const marked =
      link.hasAttribute('download') ||
      /\benclosure\b/i.test(link.getAttribute('rel') ?? '') ||
      /^audio\//i.test(link.getAttribute('type') ?? '');
    if (isAudioFile(url) || marked) return url;
  }
  return null;
}

/** An embedded player (iframe): its address, and the audio file when the address itself carries one. */
function embed(scope: ParentNode, base: URL): FoundAudio {
  let playerUrl: string | null = null;
  for (const frame of Array.from(scope.querySelectorAll('iframe[src], iframe[data-src]')).slice(0, 20)) {
    const src = httpUrl(frame.getAttribute('src') || frame.getAttribute('data-src'), base);
    if (!src) continue;
    const url = new URL(src);
    for (const value of url.searchParams.values()) {
      const carried = audioUrl(value, base);
      if (carried && isAudioFile(carried)) return { audioUrl: carried, playerUrl: src };
    }
    // Only a frame that presents itself as a player (its address, title or class): not a map, a form or an ad.
    if (
      EMBED_LOOK.test(
        `${url.hostname}${url.pathname} ${frame.getAttribute('title') ?? ''} ${frame.getAttribute('class') ?? ''}`,
      )
    )
      playerUrl ??= src;
  }
  return { audioUrl: null, playerUrl };
}

/**
 * The one audio file a page's inline data names (scripts: Next/Nuxt state, `JSON.parse("…")` preloads). Null
 * when there is none or several: a page listing other episodes names their audio too.
 */
export function pageDataAudio(doc: Document, base: URL): string | null {
  // By file: page data may repeat an address cut short (a summary field), its query unfinished.
  const byFile = new Map<string, string>();
  let read = 0;
  for (const script of Array.from(doc.querySelectorAll('script:not([src])'))) {
    const type = (script.getAttribute('type') ?? '').toLowerCase();
    if (type && !/json|javascript|ecmascript|module/.test(type)) continue;
    const text = script.textContent ?? '';
    if (read + text.length > MAX_SCRIPT_TEXT) break;
    read += text.length;
    if (!/\.(?:mp3|m4a|m4b|aac|ogg|oga|opus|wav|flac)/i.test(text)) continue;
    AUDIO_URL_IN_TEXT.lastIndex = 0;
    for (const match of unescapeData(text).matchAll(AUDIO_URL_IN_TEXT)) {
      const url = audioUrl(match[0], base);
      if (!url) continue;
      const { origin, pathname } = new URL(url);
      const known = byFile.get(origin + pathname);
      if (!known || known.length < url.length) byFile.set(origin + pathname, url);
      if (byFile.size > 1) return null;
    }
  }
  return byFile.size === 1 ? [...byFile.values()][0]! : null;
}

/**
 * The audio of the episode occupying `scope`: its media element, a player's data- attributes, a file or
 * download link, an embed carrying the file; otherwise the embed as the player link. `skip` leaves out
 * elements that are not the episode's (comments, sidebars).
 * @example findAudio(article, new URL(location.href)).audioUrl
 */
export function findAudio(
  scope: ParentNode,
  base: URL,
  skip: (element: Element) => boolean = () => false,
): FoundAudio {
  const framed = embed(scope, base);
  const direct =
    mediaSource(scope, base) ??
    playerAttribute(scope, base, skip) ??
    fileLink(scope, base, skip) ??
    framed.audioUrl;
  return { audioUrl: direct, playerUrl: framed.playerUrl };
}

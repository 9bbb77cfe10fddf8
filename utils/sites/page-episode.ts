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
  /** Audio the page declares for its episode (JSON-LD, og:audio, twitter:player:stream), not a media element. */
  declaredAudio: string | null;
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
  const series = ld
    ? (stringAt(ld, ['partOfSeries', 'name']) ??
      stringAt(ld, ['isPartOf', 'name']) ??
      stringAt(ld, ['isPartOf']))
    : null;
  const ldAudio = ld
    ? (stringAt(ld, ['associatedMedia', 'contentUrl']) ??
      stringAt(ld, ['audio', 'contentUrl']) ??
      stringAt(ld, ['contentUrl']))
    : null;
  const element = doc.querySelector('audio[src], video[src], audio > source[src], video > source[src]');
  const declared = readAudio
    ? (audioUrl(ldAudio, url) ??
      audioUrl(metaContent(doc, ['og:audio:secure_url', 'og:audio', 'og:audio:url']), url) ??
      audioUrl(metaContent(doc, ['twitter:player:stream']), url))
    : null;
  const audio = readAudio ? (declared ?? audioUrl(element?.getAttribute('src'), url)) : null;
  const meta: EpisodeMeta = {
    title:
      cleanLabel(stringAt(ld, ['name'])) ??
      cleanLabel(metaContent(doc, ['og:title', 'twitter:title'])) ??
      titleFromDocument(doc),
    podcast: cleanLabel(series) ?? null,
    date:
      isoDate(stringAt(ld, ['datePublished']) ?? stringAt(ld, ['uploadDate'])) ??
      isoDate(metaContent(doc, ['article:published_time'])),
    durationSeconds: parseDuration(stringAt(ld, ['duration']) ?? stringAt(ld, ['timeRequired'])),
    url:
      httpUrl(stringAt(ld, ['url']), url) ??
      httpUrl(canonicalHref(doc), url) ??
      httpUrl(metaContent(doc, ['og:url']), url),
    audioUrl: audio,
  };
  const description = longest([
    stringAt(ld, ['description']),
    metaContent(doc, ['og:description']),
    metaContent(doc, ['description']),
    metaContent(doc, ['twitter:description']),
  ]);
  return { meta, description: description?.trim() || null, jsonLd: ld, declaredAudio: declared };
}

/** Separators between a page's title and its site's name: ` | `, ` – `, ` — `, ` - `, ` · `, ` • `, ` :: `. */
const TITLE_PARTS = /(\s+(?:[|–—·•»]|-|::)\s+)/;
/** Where sites print their own name: the header's home link, a site-title element, the logo's text. */
const SITE_NAME_ELEMENTS =
  'a[rel~="home"], header a[href="/"], [role="banner"] a[href="/"], h1 > a[href="/"], .site-title, .site-name, .blog-title, .logo';

function normal(text: string): string {
  return text.normalize('NFKC').replace(/\s+/g, ' ').trim().toLowerCase();
}

/**
 * The names a page gives its own site: `og:site_name`, `application-name`, the header's home link or logo text.
 * @example siteNames(document) // ['the ops podcast']
 */
export function siteNames(doc: Document): string[] {
  const names = new Set<string>();
  const add = (value: string | null | undefined) => {
    const name = value ? normal(value) : '';
    if (name.length >= 2 && name.length <= 120) names.add(name);
  };
  add(metaContent(doc, ['og:site_name']));
  add(metaContent(doc, ['application-name', 'apple-mobile-web-app-title']));
  for (const element of Array.from(doc.querySelectorAll(SITE_NAME_ELEMENTS)).slice(0, 6)) {
    add(element.textContent);
    add(element.querySelector('img[alt]')?.getAttribute('alt'));
  }
  return [...names];
}

/** Whether a piece of text is (about) the site's own name. */
export function namesSite(part: string, names: string[]): boolean {
  const text = normal(part);
  if (!text) return false;
  return names.some(
    (name) =>
      text === name ||
      (text.includes(name) && text.length <= name.length + 15) ||
      (text.length >= 4 && name.includes(text)),
  );
}

/**
 * A page title without the site's name around it (`Ep 42: Queues | The Ops Podcast` → `Ep 42: Queues`): a part
 * is dropped only when it names the site, so a title with a dash of its own keeps it.
 * @example withoutSiteName('Queues – Ops Podcast', ['ops podcast']) // 'Queues'
 */
export function withoutSiteName(title: string | null | undefined, names: string[]): string | null {
  const kept = cleanLabel(title);
  if (!kept) return null;
  // Split keeping the separators: pieces alternate part, separator, part…
  const pieces = kept.split(TITLE_PARTS);
  let start = 0;
  let end = (pieces.length + 1) / 2;
  while (end - start > 1 && namesSite(pieces[(end - 1) * 2]!, names)) end -= 1;
  while (end - start > 1 && namesSite(pieces[start * 2]!, names)) start += 1;
  return cleanLabel(pieces.slice(start * 2, end * 2 - 1).join(''));
}

/** Headings of the page's chrome (the site's name in its banner), not of the episode. */
const CHROME = 'header:not(article header), nav, footer, aside, [role="banner"], [role="navigation"]';

/**
 * The page's main heading: the first `h1` (or headline) inside `content`, else the first `h1` outside the page's
 * banner, navigation and sidebars.
 * @example mainHeading(document, document.querySelector('article'))?.textContent
 */
export function mainHeading(doc: Document, content: Element | null): Element | null {
  const selector = 'h1, [itemprop="headline"], .entry-title, .post-title, .p-name';
  const inside = content ? (content.matches('h1') ? content : content.querySelector(selector)) : null;
  if (inside) return inside;
  for (const heading of Array.from(doc.querySelectorAll('h1')).slice(0, 10)) {
    try {
      if (heading.closest(CHROME)) continue;
    } catch {
      // A selector the DOM cannot read: take the heading as it is.
    }
    return heading;
  }
  return null;
}

/**
 * The title a page links to itself with (a permalink: `.libsyn-item-title > a`, an archive-style post title).
 * @example permalinkTitle(document.body, ['https://example.com/ep-1'])
 */
export function permalinkTitle(scope: Element, addresses: string[]): string | null {
  const own = new Set(addresses.map((address) => address.replace(/[#?].*$/, '').replace(/\/$/, '')));
  for (const link of Array.from(scope.querySelectorAll('a[href]')).slice(0, 300)) {
    const href = httpUrl(link.getAttribute('href'), addresses[0]);
    if (!href || !own.has(href.replace(/[#?].*$/, '').replace(/\/$/, ''))) continue;
    const text = cleanLabel(link.textContent);
    if (text && text.length >= 4) return text;
  }
  return null;
}

// Times carried by links and seek buttons in show notes: `#t=105`, `#t=1m45s`, `?t=105`, `#1:45`, `data-audio-seek`.
import { MAX_EPISODE_SECONDS, parseTimestamp } from './time';

/** Attributes sites put the seek time in (runninginproduction.com uses `data-audio-seek`). */
const SEEK_ATTRIBUTES = [
  'data-audio-seek',
  'data-seek',
  'data-time',
  'data-start-time',
  'data-timestamp',
  'data-start',
];

/**
 * Reads a time value as links write it: plain seconds (`105`, `105.5`), `1h2m3s`/`1m45s`/`45s`, or a clock
 * timestamp (`1:45`). A media fragment's range (`105,200`) gives its start. A value beyond the longest
 * episode (`data-audio-seek="999999999999999"`) is null: it would become a start the model refuses, be
 * dropped later, and could leave a one-chapter list behind.
 *
 * @example
 * parseTimeValue('1m45s'); // 105
 * parseTimeValue('105,200'); // 105
 */
export function parseTimeValue(raw: string): number | null {
  const seconds = readTimeValue(raw);
  return seconds !== null && seconds <= MAX_EPISODE_SECONDS ? seconds : null;
}

function readTimeValue(raw: string): number | null {
  const value = raw.trim().split(',')[0]!.trim();
  if (value.length === 0 || value.length > 16) return null;
  if (/^\d+(?:\.\d+)?s?$/.test(value)) return Math.floor(Number.parseFloat(value));
  const units = /^(?:(\d{1,2})h)?(?:(\d{1,3})m)?(?:(\d{1,5})s?)?$/i.exec(value);
  if (units && (units[1] !== undefined || units[2] !== undefined)) {
    return Number(units[1] ?? 0) * 3600 + Number(units[2] ?? 0) * 60 + Number(units[3] ?? 0);
  }
  return parseTimestamp(value);
}

function decode(value: string): string {
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
}

/** The `t` (or `start`) parameter of a query string or fragment like `t=105&x=1`. */
function timeParameter(part: string): number | null {
  for (const pair of part.split('&')) {
    const eq = pair.indexOf('=');
    if (eq < 0) continue;
    const key = pair.slice(0, eq).toLowerCase();
    if (key === 't' || key === 'start' || key === 'time' || key === 'ts')
      return parseTimeValue(decode(pair.slice(eq + 1)));
  }
  return null;
}

/** The address of the document the element lives in, when the DOM implementation knows one. */
function documentAddress(element: Element): URL | null {
  const doc = element.ownerDocument as (Document & { URL?: string; documentURI?: string }) | null;
  const raw = doc?.URL ?? doc?.documentURI ?? '';
  try {
    return raw && /^https?:/i.test(raw) ? new URL(raw) : null;
  } catch {
    return null;
  }
}

/**
 * The episode time a link points to, when it points into this page's own media: a fragment (`#t=105`,
 * `#1:45`), a query on the same page (`?t=105`), or an absolute URL to this same page. Links to other
 * pages (a reference to another video at `?t=600`) carry no time for this episode.
 *
 * @example
 * hrefTime('#t=1m45s', null); // 105
 * hrefTime('https://youtu.be/other?t=600', null); // null
 */
export function hrefTime(href: string, page: URL | null): number | null {
  const value = href.trim();
  if (value.startsWith('#')) {
    const fragment = value.slice(1);
    return fragment.includes('=') ? timeParameter(fragment) : parseTimestamp(fragment);
  }
  if (value.startsWith('?')) {
    const [query, fragment] = value.slice(1).split('#');
    return timeParameter(query ?? '') ?? (fragment ? timeParameter(fragment) : null);
  }
  if (!page) return null;
  let target: URL;
  try {
    target = new URL(value, page);
  } catch {
    return null;
  }
  if (target.origin !== page.origin || target.pathname !== page.pathname) return null;
  // Same page but another item on it (YouTube's `v`, Apple's `i`): not this episode.
  for (const key of ['v', 'i', 'id', 'episode']) {
    if (target.searchParams.get(key) !== page.searchParams.get(key)) return null;
  }
  return timeParameter(target.search.slice(1)) ?? timeParameter(target.hash.slice(1));
}

/**
 * The seek time an element carries: a seek attribute, or the `href` of a link into this page's media.
 *
 * @example
 * linkSeconds(aElement); // 105 for <a href="#" data-audio-seek="105">1:45</a>
 */
export function linkSeconds(element: Element): number | null {
  if (typeof element.getAttribute !== 'function') return null;
  // Most elements carry no attributes at all: skip the lookups (this runs on every element of a page).
  if ((element.tagName ?? '').toUpperCase() !== 'A' && element.attributes && element.attributes.length === 0)
    return null;
  for (const name of SEEK_ATTRIBUTES) {
    const raw = element.getAttribute(name);
    if (raw !== null && raw.trim() !== '') {
      const seconds = parseTimeValue(raw);
      if (seconds !== null) return seconds;
    }
  }
  if ((element.tagName ?? '').toUpperCase() !== 'A') return null;
  const href = element.getAttribute('href');
  if (!href) return null;
  return hrefTime(href, documentAddress(element));
}

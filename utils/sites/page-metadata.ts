// Reading what a page declares about itself: meta tags, JSON-LD and embedded JSON, never throwing on bad data.

/** Scripts larger than this are not parsed: a page's data blob is not worth a frozen tab. */
const MAX_SCRIPT_CHARS = 3_000_000;

export type JsonObject = { [key: string]: unknown };

export function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * The content of the first non-empty `<meta>` whose `property` or `name` is one of `names`.
 * @example metaContent(document, ['og:audio', 'og:audio:secure_url'])
 */
export function metaContent(doc: Document, names: readonly string[]): string | null {
  for (const name of names) {
    for (const attribute of ['property', 'name', 'itemprop']) {
      const element = doc.querySelector(`meta[${attribute}="${name}"]`);
      const content = element?.getAttribute('content')?.trim();
      if (content) return content;
    }
  }
  return null;
}

/** The `href` of `<link rel="canonical">`, as written. */
export function canonicalHref(doc: Document): string | null {
  return doc.querySelector('link[rel="canonical"]')?.getAttribute('href')?.trim() || null;
}

/** JSON.parse that answers undefined instead of throwing, and refuses oversized input. */
export function parseJsonSafely(text: string | null | undefined): unknown {
  if (!text || text.length > MAX_SCRIPT_CHARS) return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

/** Parsed JSON of the first script matching `selector`, or undefined. */
export function scriptJson(root: ParentNode, selector: string): unknown {
  const script = root.querySelector(selector);
  return script ? parseJsonSafely(script.textContent) : undefined;
}

function flattenJsonLd(value: unknown, out: JsonObject[], depth = 0): void {
  if (depth > 4) return;
  if (Array.isArray(value)) {
    for (const item of value) flattenJsonLd(item, out, depth + 1);
  } else if (isObject(value)) {
    out.push(value);
    if ('@graph' in value) flattenJsonLd(value['@graph'], out, depth + 1);
  }
}

/**
 * Every JSON-LD object on the page (arrays and `@graph` flattened); broken scripts are skipped.
 * Apple's 2023 app names its script `schema:podcast-episode`, today's app uses `id="schema:episode"`.
 * @example jsonLdObjects(document).filter((node) => hasType(node, ['PodcastEpisode']))
 */
export function jsonLdObjects(root: ParentNode): JsonObject[] {
  const out: JsonObject[] = [];
  for (const script of Array.from(
    root.querySelectorAll(
      'script[type="application/ld+json"], script[id^="schema:"], script[name^="schema:"]',
    ),
  )) {
    flattenJsonLd(parseJsonSafely(script.textContent), out);
  }
  return out;
}

/** Whether a JSON-LD node's `@type` (string or list) names one of `types`. */
export function hasType(node: JsonObject, types: readonly string[]): boolean {
  const type = node['@type'];
  const names = Array.isArray(type) ? type : [type];
  return names.some((name) => typeof name === 'string' && types.includes(name.replace(/^.*[/#]/, '')));
}

/** Types that describe one podcast episode in JSON-LD. */
export const EPISODE_TYPES = ['PodcastEpisode', 'Episode', 'RadioEpisode', 'AudioObject'] as const;

/** The first JSON-LD node describing an episode, or null. */
export function jsonLdEpisode(root: ParentNode): JsonObject | null {
  return jsonLdObjects(root).find((node) => hasType(node, EPISODE_TYPES)) ?? null;
}

/** A string at a path of keys, e.g. `['associatedMedia', 'contentUrl']`; lists take their first item. */
export function stringAt(node: unknown, path: readonly string[]): string | null {
  let current: unknown = node;
  for (const key of path) {
    if (Array.isArray(current)) current = current[0];
    if (!isObject(current)) return null;
    current = current[key];
  }
  if (Array.isArray(current)) current = current[0];
  if (typeof current === 'string') return current;
  if (typeof current === 'number') return String(current);
  return null;
}

/**
 * Objects anywhere inside `value` that carry `key` (depth- and count-bounded), e.g. every object with a
 * `streamUrl` in Apple's serialized server data.
 */
export function objectsWithKey(value: unknown, key: string, limit = 1_000): JsonObject[] {
  const out: JsonObject[] = [];
  const stack: Array<{ value: unknown; depth: number }> = [{ value, depth: 0 }];
  let visited = 0;
  while (stack.length > 0 && out.length < limit && visited < 200_000) {
    const { value: current, depth } = stack.pop()!;
    visited += 1;
    if (depth > 40) continue;
    if (Array.isArray(current)) {
      for (let i = current.length - 1; i >= 0; i -= 1) stack.push({ value: current[i], depth: depth + 1 });
    } else if (isObject(current)) {
      if (key in current) out.push(current);
      for (const child of Object.values(current).reverse()) {
        if (typeof child === 'object' && child !== null) stack.push({ value: child, depth: depth + 1 });
      }
    }
  }
  return out;
}

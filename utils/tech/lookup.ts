// Indexes over the catalog, built once at module load: names/aliases by first token, slugs, and vendor homepages.
import { TECHNOLOGIES, techBySlug, type Technology } from './catalog';
import { nameTokens } from './tokenize';

/** One way of writing a technology's name, as normalised tokens. */
export interface AliasEntry {
  readonly tokens: readonly string[];
  readonly tech: Technology;
  /** This spelling is also an everyday word: a prose mention must pass the tech's ambiguity rule. */
  readonly ambiguous: boolean;
}

function aliasesOf(tech: Technology): string[] {
  return [tech.name, ...tech.aliases];
}

function buildAliasIndex(): Map<string, AliasEntry[]> {
  const index = new Map<string, AliasEntry[]>();
  const seen = new Set<string>();
  for (const tech of TECHNOLOGIES) {
    const ambiguousKeys = new Set((tech.ambiguousAliases ?? []).map((alias) => nameTokens(alias).join(' ')));
    for (const alias of aliasesOf(tech)) {
      const tokens = nameTokens(alias);
      const key = tokens.join(' ');
      const first = tokens[0];
      if (first === undefined || seen.has(`${tech.slug}\u0000${key}`)) continue;
      seen.add(`${tech.slug}\u0000${key}`);
      const ambiguous = tech.ambiguous !== undefined && (tech.ambiguousAliases === undefined || ambiguousKeys.has(key));
      const entries = index.get(first) ?? [];
      entries.push({ tokens, tech, ambiguous });
      index.set(first, entries);
    }
  }
  // Longest spelling first, so "Apache Kafka" wins over "Apache" and "React Native" over "React".
  for (const entries of index.values()) entries.sort((a, b) => b.tokens.length - a.tokens.length);
  return index;
}

/** Every spelling of every technology, keyed by its first normalised token. */
export const ALIAS_INDEX: ReadonlyMap<string, readonly AliasEntry[]> = buildAliasIndex();

const BY_SPELLING: ReadonlyMap<string, Technology> = (() => {
  const map = new Map<string, Technology>();
  for (const entries of ALIAS_INDEX.values()) {
    for (const entry of entries) {
      const key = entry.tokens.join(' ');
      if (!map.has(key)) map.set(key, entry.tech);
    }
  }
  return map;
})();

interface HomepageEntry {
  readonly path: string;
  readonly tech: Technology;
}

function splitHomepage(homepage: string): { host: string; path: string } {
  const slash = homepage.indexOf('/');
  const host = (slash < 0 ? homepage : homepage.slice(0, slash)).toLowerCase();
  const path = slash < 0 ? '' : homepage.slice(slash).toLowerCase().replace(/\/+$/, '');
  return { host, path };
}

const HOMEPAGES: ReadonlyMap<string, readonly HomepageEntry[]> = (() => {
  const map = new Map<string, HomepageEntry[]>();
  for (const tech of TECHNOLOGIES) {
    const { host, path } = splitHomepage(tech.homepage);
    const entries = map.get(host) ?? [];
    entries.push({ path, tech });
    map.set(host, entries);
  }
  for (const entries of map.values()) entries.sort((a, b) => b.path.length - a.path.length);
  return map;
})();

/** The host of a plain http(s) URL: ASCII letters, digits, dots and hyphens, then a path, query, fragment or the end. */
const PLAIN_URL_HOST = /^https?:\/\/([a-z0-9.-]+)(?:[/?#]|$)/i;

/**
 * The technology whose vendor homepage this URL is on (longest path prefix wins, so
 * `https://aws.amazon.com/rds/` is RDS and `https://aws.amazon.com/` is AWS).
 * Subdomains other than `www.` are different sites (`guides.rubyonrails.org` is not a homepage).
 *
 * @example techByHomepage('https://www.docker.com/')?.slug // 'docker'
 */
export function techByHomepage(url: string): Technology | undefined {
  // Most links are plain (`https://host/…`: no user, port, escapes or odd slashes), and their host reads the same
  // with or without the URL parser; one that is no vendor's host needs no parsing at all.
  const plain = PLAIN_URL_HOST.exec(url);
  if (plain !== null && !HOMEPAGES.has(plain[1]!.toLowerCase().replace(/^www\./, ''))) return undefined;
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return undefined;
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') return undefined;
  const host = parsed.hostname.toLowerCase().replace(/^www\./, '');
  const entries = HOMEPAGES.get(host);
  if (entries === undefined) return undefined;
  const path = parsed.pathname.toLowerCase().replace(/\/+$/, '');
  for (const entry of entries) {
    if (entry.path === '' || path === entry.path || path.startsWith(`${entry.path}/`)) return entry.tech;
  }
  return undefined;
}

/** The slug in a runninginproduction-style tag URL (`/tags/rails`, `https://…/tags/rails/`), if any. */
export function tagSlugFromUrl(url: string): string | undefined {
  const match = /\/tags\/([^/?#\s]+)\/?(?:[?#].*)?$/i.exec(url.trim());
  return match?.[1] === undefined ? undefined : decodeURIComponent(match[1]).toLowerCase();
}

/**
 * Resolves one item of an explicit list or tag: a slug (`dotnet-core`), a hashtag (`#rails`), a list
 * item as written (`docker →`, `Ruby on Rails`), a tag URL (`/tags/s3`) or a vendor homepage URL.
 * Ambiguity rules do not apply: an item of a stack list is a technology by construction.
 *
 * @example resolveTechReference('postgres →')?.name // 'PostgreSQL'
 */
export function resolveTechReference(reference: string): Technology | undefined {
  const item = reference
    .trim()
    .replace(/^[-*•·]\s+/, '')
    .replace(/\s*(?:→|->|»)\s*$/, '')
    .replace(/^#/, '')
    .trim();
  if (item === '') return undefined;
  const bySlug = techBySlug(item.toLowerCase());
  if (bySlug !== undefined) return bySlug;
  if (/^https?:\/\//i.test(item) || item.startsWith('/')) {
    const tagSlug = tagSlugFromUrl(item);
    if (tagSlug !== undefined) return techBySlug(tagSlug) ?? resolveTechReference(tagSlug.replace(/-/g, ' '));
    return item.startsWith('/') ? undefined : techByHomepage(item);
  }
  return BY_SPELLING.get(nameTokens(item).join(' '));
}

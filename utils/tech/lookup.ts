// Indexes over the catalog, built on first use: names/aliases by first token, spellings, and vendor homepages.
import { tagSlugFromUrl } from './tag-url';
import { catalogTechnologies, techBySlug, type Technology } from './catalog';
import { nameTokens, scanTokens } from './tokenize';

export { tagSlugFromUrl };

/** One way of writing a technology's name, as normalised tokens. */
export interface AliasEntry {
  readonly tokens: readonly string[];
  readonly tech: Technology;
  /** This spelling is also an everyday word: a prose mention must pass the tech's ambiguity rule. */
  readonly ambiguous: boolean;
}

/**
 * The normalised tokens of each spelling, as {@link nameTokens} gives them, from one scan over all of them written
 * one a line: a token never spans a line break, and a line break reads like the end of the text to every rule of
 * the scan, so each line's tokens are its spelling's. (One scan instead of a token table per spelling, which the catalog has well over a thousand of.)
 */
function spellingTokens(spellings: readonly string[]): string[][] {
  const table = scanTokens(spellings.join('\n'));
  const out: string[][] = [];
  let token = 0;
  let lineEnd = -1;
  for (const spelling of spellings) {
    lineEnd += spelling.length + 1;
    const tokens: string[] = [];
    while (token < table.length && table.starts[token]! < lineEnd) tokens.push(table.norm(token++));
    out.push(tokens);
  }
  return out;
}

function buildAliasIndex(): Map<string, AliasEntry[]> {
  const technologies = catalogTechnologies();
  // Each technology's name, aliases, then ambiguous aliases, in one list tokenised at once.
  const spellings: string[] = [];
  for (const tech of technologies)
    spellings.push(tech.name, ...tech.aliases, ...(tech.ambiguousAliases ?? []));
  const tokens = spellingTokens(spellings);
  const index = new Map<string, AliasEntry[]>();
  let next = 0;
  for (const tech of technologies) {
    const count = 1 + tech.aliases.length;
    const ambiguousCount = tech.ambiguousAliases?.length ?? 0;
    const ambiguousKeys: string[] = [];
    for (let k = 0; k < ambiguousCount; k++) ambiguousKeys.push(tokens[next + count + k]!.join(' '));
    const keys: string[] = [];
    for (let k = 0; k < count; k++) {
      const aliasTokens = tokens[next + k]!;
      const key = aliasTokens.join(' ');
      const first = aliasTokens[0];
      if (first === undefined || keys.includes(key)) continue;
      keys.push(key);
      const ambiguous =
        tech.ambiguous !== undefined && (tech.ambiguousAliases === undefined || ambiguousKeys.includes(key));
      let entries = index.get(first);
      if (entries === undefined) {
        entries = [];
        index.set(first, entries);
      }
      entries.push({ tokens: aliasTokens, tech, ambiguous });
    }
    next += count + ambiguousCount;
  }
  // Longest spelling first, so "Apache Kafka" wins over "Apache" and "React Native" over "React".
  for (const entries of index.values()) entries.sort((a, b) => b.tokens.length - a.tokens.length);
  return index;
}

let aliases: ReadonlyMap<string, readonly AliasEntry[]> | undefined;
let bySpelling: ReadonlyMap<string, Technology> | undefined;
let homepages: ReadonlyMap<string, readonly HomepageEntry[]> | undefined;

/**
 * Every spelling of every technology, keyed by its first normalised token (built on the first call).
 * @example aliasIndex().get('react')?.map((entry) => entry.tokens.join(' ')) // ['react js', 'react native', 'react']
 */
export function aliasIndex(): ReadonlyMap<string, readonly AliasEntry[]> {
  aliases ??= buildAliasIndex();
  return aliases;
}

function spellingIndex(): ReadonlyMap<string, Technology> {
  if (bySpelling !== undefined) return bySpelling;
  const map = new Map<string, Technology>();
  for (const entries of aliasIndex().values()) {
    for (const entry of entries) {
      const key = entry.tokens.join(' ');
      if (!map.has(key)) map.set(key, entry.tech);
    }
  }
  bySpelling = map;
  return map;
}

interface HomepageEntry {
  readonly path: string;
  readonly tech: Technology;
}

function homepageIndex(): ReadonlyMap<string, readonly HomepageEntry[]> {
  if (homepages !== undefined) return homepages;
  const map = new Map<string, HomepageEntry[]>();
  for (const tech of catalogTechnologies()) {
    for (const address of [tech.homepage, ...(tech.sites ?? [])]) {
      const slash = address.indexOf('/');
      const host = (slash < 0 ? address : address.slice(0, slash)).toLowerCase();
      const path = slash < 0 ? '' : address.slice(slash).toLowerCase().replace(/\/+$/, '');
      let entries = map.get(host);
      if (entries === undefined) {
        entries = [];
        map.set(host, entries);
      }
      entries.push({ path, tech });
    }
  }
  for (const entries of map.values()) entries.sort((a, b) => b.path.length - a.path.length);
  homepages = map;
  return map;
}

/** The host of a plain http(s) URL: ASCII letters, digits, dots and hyphens, then a path, query, fragment or the end. */
const PLAIN_URL_HOST = /^https?:\/\/([a-z0-9.-]+)(?:[/?#]|$)/i;

/**
 * The technology whose vendor homepage this URL is on (longest path prefix wins, so
 * `https://aws.amazon.com/rds/` is RDS and `https://aws.amazon.com/` is AWS).
 * Subdomains other than `www.` are different sites (`guides.rubyonrails.org` is not a homepage). A repository or
 * package page names its project (see {@link repositoryName}) before the code host itself counts.
 *
 * @example techByHomepage('https://www.docker.com/')?.slug // 'docker'
 */
export function techByHomepage(url: string): Technology | undefined {
  // Most links are plain (`https://host/…`: no user, port, escapes or odd slashes), and their host reads the same
  // with or without the URL parser; one that is no vendor's host needs no parsing at all.
  const plain = PLAIN_URL_HOST.exec(url);
  if (plain !== null && !homepageIndex().has(plain[1]!.toLowerCase().replace(/^www\./, ''))) return undefined;
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return undefined;
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') return undefined;
  const host = parsed.hostname.toLowerCase().replace(/^www\./, '');
  const entries = homepageIndex().get(host);
  if (entries === undefined) return undefined;
  const path = parsed.pathname.toLowerCase().replace(/\/+$/, '');
  for (const entry of entries) {
    if (entry.path === '') break; // sorted longest first: only host-wide entries are left
    if (path === entry.path || path.startsWith(`${entry.path}/`)) return entry.tech;
  }
  const repository = repositoryName(host, path);
  if (repository !== undefined) {
    const named = spellingIndex().get(nameTokens(repository).join(' '));
    if (named !== undefined) return named;
  }
  return entries.find((entry) => entry.path === '')?.tech;
}

/**
 * The project a code host or package registry page is about: `github.com/owner/name…` and `npmjs.com/package/[@scope/]name`
 * name it, so a repository or package named exactly as a technology (`github.com/vitejs/vite`,
 * `npmjs.com/package/zod`) is that technology.
 */
function repositoryName(host: string, path: string): string | undefined {
  const parts = path.split('/').filter(Boolean);
  if (host === 'github.com' && parts.length >= 2) return decodeSegment(parts[1]!);
  if (host === 'npmjs.com' && parts[0] === 'package' && parts.length >= 2) {
    return decodeSegment(parts[1]!.startsWith('@') ? (parts[2] ?? '') : parts[1]!);
  }
  return undefined;
}

function decodeSegment(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
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
  return spellingIndex().get(nameTokens(item).join(' '));
}

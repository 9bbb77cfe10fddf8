// The catalog's row format: one technology per line of ./data as a '|'-separated string, decoded once on first use.
// Rows were first written for the content script's size budget; the catalog has left the content script (the
// background scans, tests/unit/content-script-bundle.test.ts keeps it out), and rows still earn their place there:
// the background loads this module on every wake, and a row is one string to load, decoded only when a scan first
// needs the catalog, where object literals would all be built at load (BENCHMARKS.md, "Catalog load"). Each row
// also stays one readable line, grouped under its category, with no key names repeated per entry.
import type { TechCategory } from '@/utils/model';
import type { TechAmbiguity, Technology } from './types';

/**
 * One catalog entry, written as
 * `slug:name|homepage|aliases|parents|ambiguity|ambiguous aliases|not claimed before`.
 * - `slug:` is left out when the slug is the name in kebab case (`Google Cloud Run` → `google-cloud-run`).
 * - homepage may list other addresses after it, comma-separated (`react.dev,reactjs.org`): the first is the homepage,
 *   the rest are the technology's `sites`.
 * - A homepage or site that starts with a dot is a top-level domain after the slug (`.com` on `linode` → `linode.com`).
 * - Lists (aliases, parents, ambiguous aliases, not claimed before) are comma-separated.
 * - Empty trailing fields are left out; an empty field in the middle means "none".
 * - ambiguity is `case`, or `context words/related slugs/not words` (each a comma list, trailing
 *   empty parts left out), the three lists of {@link TechAmbiguity}.
 */
export type TechRow = string;

/** A run of catalog rows sharing one category (the data files keep their own order, so a category may recur). */
export type TechRows = readonly [TechCategory, readonly TechRow[]];

const list = (field: string | undefined): string[] | undefined => (field ? field.split(',') : undefined);

/**
 * The slug a name gets when its row does not spell one out.
 * @example slugOfName('Google Cloud Run') // 'google-cloud-run'
 */
export function slugOfName(name: string): string {
  return name.toLowerCase().replace(/[^a-z0-9]+/g, '-');
}

/** A technology under construction: its optional fields are set one by one, in the order the type lists them. */
type Building<T> = { -readonly [K in keyof T]: T[K] };

function ambiguityFromField(field: string | undefined): TechAmbiguity | undefined {
  if (!field) return undefined;
  if (field === 'case') return 'case';
  const [context, related, not] = field.split('/');
  const rule: Building<Exclude<TechAmbiguity, 'case'>> = {};
  if (context) rule.context = context.split(',');
  if (related) rule.related = related.split(',');
  if (not) rule.not = not.split(',');
  return rule;
}

/**
 * The technology a catalog row describes; optional fields are absent (not empty) when the row leaves them out.
 * @example technologyFromRow('hosting', 'cloud-run:Google Cloud Run|cloud.google.com/run|Cloud Run|gcp')
 * // { slug: 'cloud-run', name: 'Google Cloud Run', aliases: ['Cloud Run'], category: 'hosting',
 * //   homepage: 'cloud.google.com/run', parents: ['gcp'] }
 */
export function technologyFromRow(category: TechCategory, row: TechRow): Technology {
  // Optional fields are set only when the row has them: an absent field stays absent, never `undefined`.
  const [head = '', site = '', aliases, parents, ambiguity, ambiguousAliases, notClaimedBefore] =
    row.split('|');
  const colon = head.indexOf(':');
  const name = head.slice(colon + 1);
  const slug = colon < 0 ? slugOfName(name) : head.slice(0, colon);
  const [homepage = '', ...sites] = site
    .split(',')
    .map((address) => (address.startsWith('.') ? slug + address : address));
  const tech: Building<Technology> = {
    slug,
    name,
    aliases: list(aliases) ?? [],
    category,
    homepage,
  };
  if (sites.length > 0) tech.sites = sites;
  if (parents) tech.parents = parents.split(',');
  const ambiguous = ambiguityFromField(ambiguity);
  if (ambiguous) tech.ambiguous = ambiguous;
  if (ambiguousAliases) tech.ambiguousAliases = ambiguousAliases.split(',');
  if (notClaimedBefore) tech.notClaimedBefore = notClaimedBefore.split(',');
  return tech;
}

/**
 * Every technology of a data file, in row order.
 * @example technologiesFromRows([['language', ['Elixir|elixir-lang.org', 'Zig|ziglang.org']]]).map((t) => t.slug) // ['elixir', 'zig']
 */
export function technologiesFromRows(groups: readonly TechRows[]): Technology[] {
  return groups.flatMap(([category, rows]) => rows.map((row) => technologyFromRow(category, row)));
}

// The catalog's row format: one technology per line of ./data as a '|'-separated string, decoded once at load.
// Why rows, not object literals: the catalog ships in the content script, and repeating eight key names on
// 514 entries cost about 2.5 KB gzip of the 60 KB budget (issue 3). The rows stay one readable line each.
import type { TechCategory } from '@/utils/model';
import type { TechAmbiguity, Technology } from './types';

/**
 * One catalog entry, written as
 * `slug|name|category|homepage|aliases|parents|ambiguity|ambiguous aliases|not claimed before`.
 * - Lists (aliases, parents, ambiguous aliases, not claimed before) are comma-separated.
 * - Empty trailing fields are left out; an empty field in the middle means "none".
 * - ambiguity is `case`, or `context words/related slugs/not words` (each a comma list, trailing
 *   empty parts left out), the three lists of {@link TechAmbiguity}.
 */
export type TechRow = string;

const list = (field: string | undefined): string[] | undefined => (field ? field.split(',') : undefined);

function ambiguityFromField(field: string | undefined): TechAmbiguity | undefined {
  if (!field) return undefined;
  if (field === 'case') return 'case';
  const [context, related, not] = field.split('/').map(list);
  return { ...(context ? { context } : {}), ...(related ? { related } : {}), ...(not ? { not } : {}) };
}

/**
 * The technology a catalog row describes; optional fields are absent (not empty) when the row leaves them out.
 * @example technologyFromRow('app-engine|Google App Engine|hosting|cloud.google.com/appengine|App Engine,GAE|gcp')
 * // { slug: 'app-engine', name: 'Google App Engine', aliases: ['App Engine', 'GAE'], category: 'hosting',
 * //   homepage: 'cloud.google.com/appengine', parents: ['gcp'] }
 */
export function technologyFromRow(row: TechRow): Technology {
  const [slug = '', name = '', category = '', homepage = '', aliases, parents, ambiguity, ambiguousAliases, notClaimedBefore] =
    row.split('|');
  const ambiguous = ambiguityFromField(ambiguity);
  return {
    slug,
    name,
    aliases: list(aliases) ?? [],
    category: category as TechCategory,
    homepage,
    ...(parents ? { parents: list(parents) } : {}),
    ...(ambiguous ? { ambiguous } : {}),
    ...(ambiguousAliases ? { ambiguousAliases: list(ambiguousAliases) } : {}),
    ...(notClaimedBefore ? { notClaimedBefore: list(notClaimedBefore) } : {}),
  };
}

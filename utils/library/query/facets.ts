// Facet counts for the filter sidebar: how many episodes in the current selection carry each value.
import { TECH_CATEGORIES, type TechCategory } from '../../model';
import { LISTEN_STATUSES, type EpisodeSummary, type ListenStatus } from '../record';
import { matcher, type LibraryFilter } from './filter';

export interface TechFacet {
  slug: string;
  name: string;
  category: TechCategory;
  count: number;
}

export interface LibraryFacets {
  tech: TechFacet[];
  categories: { value: TechCategory; count: number }[];
  statuses: { value: ListenStatus; count: number }[];
  podcasts: { value: string; count: number }[];
  tags: { value: string; count: number }[];
}

function counted<T extends string>(counts: Map<T, number>): { value: T; count: number }[] {
  return [...counts]
    .map(([value, count]) => ({ value, count }))
    .sort((a, b) => b.count - a.count || (a.value < b.value ? -1 : 1));
}

const STATUS_NUMBER = { 'to-listen': 0, listening: 1, listened: 2 } as const satisfies Record<
  ListenStatus,
  number
>;
const CATEGORY_BIT = new Map(TECH_CATEGORIES.map((category, index) => [category, 1 << index]));

/**
 * Each episode's technologies as numbers and its categories as bits, computed once per loaded library:
 * counting facets is then array increments, with no string hashing per mention on each view change.
 */
export interface FacetIndex {
  tech: { slug: string; name: string; category: TechCategory }[];
  podcasts: string[];
  of: WeakMap<EpisodeSummary, { tech: number[]; categories: number; podcast: number }>;
}

/**
 * @example
 * const index = indexFacets(all); computeFacets(all, view, shown, index);
 */
export function indexFacets(episodes: readonly EpisodeSummary[]): FacetIndex {
  const numbers = new Map<string, number>();
  const tech: FacetIndex['tech'] = [];
  const podcastNumbers = new Map<string, number>();
  const podcasts: string[] = [];
  const of: FacetIndex['of'] = new WeakMap();
  for (const episode of episodes) {
    const ids: number[] = [];
    let categories = 0;
    for (const mention of episode.tech) {
      let id = numbers.get(mention.slug);
      if (id === undefined) {
        id = tech.length;
        numbers.set(mention.slug, id);
        tech.push({ slug: mention.slug, name: mention.name, category: mention.category });
      }
      ids.push(id);
      categories |= CATEGORY_BIT.get(mention.category) ?? 0;
    }
    let podcast = -1;
    if (episode.podcast) {
      podcast = podcastNumbers.get(episode.podcast) ?? -1;
      if (podcast < 0) {
        podcast = podcasts.push(episode.podcast) - 1;
        podcastNumbers.set(episode.podcast, podcast);
      }
    }
    of.set(episode, { tech: ids, categories, podcast });
  }
  return { tech, podcasts, of };
}

/**
 * Count technologies, categories, statuses, podcasts and tags. Technology counts ignore the
 * technology filter in "any of" mode (so each count says what adding it would bring) and respect it
 * in "all of" mode (so each count says how far it narrows).
 * @example
 * computeFacets(all, view).tech[0] // { slug: 'docker', name: 'Docker', category: 'container', count: 812 }
 */
export function computeFacets(
  episodes: readonly EpisodeSummary[],
  view: LibraryFilter,
  /** The episodes `view` selects, when the caller has them already (any order). */
  selected: readonly EpisodeSummary[] = episodes.filter(matcher(view)),
  /** `indexFacets(episodes)`, when the caller keeps it between views. */
  index: FacetIndex = indexFacets(episodes),
): LibraryFacets {
  const techBase =
    view.techMode === 'any' && view.tech.length
      ? episodes.filter(matcher(view, { skipTech: true }))
      : selected;
  const techCounts = new Uint32Array(index.tech.length);
  for (const episode of techBase) {
    const entry = index.of.get(episode);
    if (entry) for (const id of entry.tech) techCounts[id]!++;
  }
  const tech: TechFacet[] = [];
  techCounts.forEach((count, id) => count && tech.push({ ...index.tech[id]!, count }));
  const categoryCounts = TECH_CATEGORIES.map(() => 0);
  const statusCounts = LISTEN_STATUSES.map(() => 0);
  const podcastCounts = new Uint32Array(index.podcasts.length);
  const tags = new Map<string, number>();
  for (const episode of selected) {
    const entry = index.of.get(episode);
    if (entry) {
      // A bit per category: counts each category once per episode.
      let mask = entry.categories;
      for (let i = 0; mask !== 0; i++, mask >>>= 1) if (mask & 1) categoryCounts[i]!++;
      if (entry.podcast >= 0) podcastCounts[entry.podcast]!++;
    }
    statusCounts[STATUS_NUMBER[episode.status]]!++;
    for (const tag of episode.tags) tags.set(tag, (tags.get(tag) ?? 0) + 1);
  }
  const statuses = new Map<ListenStatus, number>();
  LISTEN_STATUSES.forEach((status, i) => statusCounts[i] && statuses.set(status, statusCounts[i]!));
  const podcasts = new Map<string, number>();
  podcastCounts.forEach((count, i) => count && podcasts.set(index.podcasts[i]!, count));
  const categories = new Map<TechCategory, number>();
  TECH_CATEGORIES.forEach((category, i) => categoryCounts[i] && categories.set(category, categoryCounts[i]!));
  return {
    tech: tech.sort((a, b) => b.count - a.count || (a.name < b.name ? -1 : 1)),
    categories: counted(categories),
    statuses: counted(statuses),
    podcasts: counted(podcasts),
    tags: counted(tags),
  };
}

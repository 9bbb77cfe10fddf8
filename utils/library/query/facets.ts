// Facet counts for the filter sidebar: how many episodes in the current selection carry each value.
import { TECH_CATEGORIES, type TechCategory } from '../../model';
import type { EpisodeSummary, ListenStatus } from '../record';
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
  return [...counts].map(([value, count]) => ({ value, count })).sort((a, b) => b.count - a.count || (a.value < b.value ? -1 : 1));
}

const CATEGORY_BIT = new Map(TECH_CATEGORIES.map((category, index) => [category, 1 << index]));

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
): LibraryFacets {
  const techBase = view.techMode === 'any' && view.tech.length ? episodes.filter(matcher(view, { skipTech: true })) : selected;
  const tech = new Map<string, TechFacet>();
  for (const episode of techBase) {
    for (const slug of episode.techSlugs) {
      const facet = tech.get(slug);
      if (facet) facet.count++;
      else {
        const mention = episode.tech.find((t) => t.slug === slug)!;
        tech.set(slug, { slug, name: mention.name, category: mention.category, count: 1 });
      }
    }
  }
  const categories = new Map<TechCategory, number>();
  const statuses = new Map<ListenStatus, number>();
  const podcasts = new Map<string, number>();
  const tags = new Map<string, number>();
  const categoryCounts = TECH_CATEGORIES.map(() => 0);
  for (const episode of selected) {
    // A bit per category: counts each category once per episode without allocating a Set.
    let mask = 0;
    for (const mention of episode.tech) mask |= CATEGORY_BIT.get(mention.category) ?? 0;
    for (let i = 0; mask !== 0; i++, mask >>>= 1) if (mask & 1) categoryCounts[i]!++;
    statuses.set(episode.status, (statuses.get(episode.status) ?? 0) + 1);
    if (episode.podcast) podcasts.set(episode.podcast, (podcasts.get(episode.podcast) ?? 0) + 1);
    for (const tag of episode.tags) tags.set(tag, (tags.get(tag) ?? 0) + 1);
  }
  TECH_CATEGORIES.forEach((category, i) => categoryCounts[i] && categories.set(category, categoryCounts[i]!));
  return {
    tech: [...tech.values()].sort((a, b) => b.count - a.count || (a.name < b.name ? -1 : 1)),
    categories: counted(categories),
    statuses: counted(statuses),
    podcasts: counted(podcasts),
    tags: counted(tags),
  };
}

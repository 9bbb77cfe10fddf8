// A show's technology map, as data: how many episodes and chapters talk about each technology, and which
// technologies appear together in an episode. Pure, for the library page and a listing page's bar alike; it
// imports no values (no catalog, no model), so the content script can hold it.
import type { Chapter, TechCategory, TechMention } from '../model';

/** One technology's bar: the episodes that name it (in their notes or a chapter) and the chapters that do. */
export interface TechCount {
  slug: string;
  name: string;
  category: TechCategory;
  episodes: number;
  chapters: number;
}

/** Two technologies named by the same episodes (`a` < `b`), and how many. */
export interface TechPair {
  a: string;
  b: string;
  episodes: number;
}

/** What the map reads of an episode. */
export interface MappedEpisode {
  tech: readonly Pick<TechMention, 'slug' | 'name' | 'category'>[];
  chapters: readonly Pick<Chapter, 'tech'>[];
}

/** A technology's name and category, for a slug only a chapter names (e.g. the catalog's techBySlug). */
export type DescribeTech = (slug: string) => { name: string; category: TechCategory } | undefined;

/**
 * Each technology's counts, most episodes first (then most chapters, then name); and the pairs that appear
 * together, most shared episodes first. Names and categories come from the episodes' mentions, else `describe`.
 * @example
 * techMapOf([{ tech: [postgres, rails], chapters: [{ tech: ['postgres'] }] }]).counts
 * // [{ slug: 'postgres', name: 'PostgreSQL', category: 'database', episodes: 1, chapters: 1 }, { slug: 'rails', … chapters: 0 }]
 */
export function techMapOf(
  episodes: readonly MappedEpisode[],
  describe: DescribeTech = () => undefined,
): { counts: TechCount[]; pairs: TechPair[] } {
  const counts = new Map<string, TechCount>();
  const pairs = new Map<string, TechPair>();
  const countOf = (slug: string, mention?: Pick<TechMention, 'name' | 'category'>) => {
    let count = counts.get(slug);
    if (!count) {
      const known = mention ?? describe(slug);
      count = {
        slug,
        name: known?.name ?? slug,
        category: known?.category ?? 'other',
        episodes: 0,
        chapters: 0,
      };
      counts.set(slug, count);
    }
    return count;
  };
  for (const episode of episodes) {
    const named = new Set<string>();
    for (const mention of episode.tech) {
      countOf(mention.slug, mention);
      named.add(mention.slug);
    }
    for (const chapter of episode.chapters) {
      for (const slug of new Set(chapter.tech ?? [])) {
        countOf(slug).chapters++;
        named.add(slug);
      }
    }
    const slugs = [...named].sort();
    for (const slug of slugs) countOf(slug).episodes++;
    for (let i = 0; i < slugs.length; i++) {
      for (let j = i + 1; j < slugs.length; j++) {
        const key = `${slugs[i]} ${slugs[j]}`;
        const pair = pairs.get(key);
        if (pair) pair.episodes++;
        else pairs.set(key, { a: slugs[i]!, b: slugs[j]!, episodes: 1 });
      }
    }
  }
  return {
    counts: [...counts.values()].sort(
      (x, y) => y.episodes - x.episodes || y.chapters - x.chapters || x.name.localeCompare(y.name) || 0,
    ),
    pairs: [...pairs.values()].sort((x, y) => y.episodes - x.episodes || x.a.localeCompare(y.a)),
  };
}

/**
 * The counts by category, in the order given (e.g. the catalog's), each group keeping the counts' order.
 * @example groupByCategory(counts, ['language', 'database'])[0] // { category: 'language', counts: [{ slug: 'ruby', … }] }
 */
export function groupByCategory(
  counts: readonly TechCount[],
  order: readonly TechCategory[],
): { category: TechCategory; counts: TechCount[] }[] {
  return order
    .map((category) => ({
      category,
      counts: counts.filter((count) => count.category === category),
    }))
    .filter((group) => group.counts.length > 0);
}

/**
 * The technologies that appear most often with `slug`, with how many episodes they share.
 * @example partnersOf(pairs, 'postgres', 3) // [{ slug: 'rails', episodes: 12 }, { slug: 'redis', episodes: 9 }, …]
 */
export function partnersOf(
  pairs: readonly TechPair[],
  slug: string,
  limit = 5,
): { slug: string; episodes: number }[] {
  const out: { slug: string; episodes: number }[] = [];
  for (const pair of pairs) {
    if (pair.a === slug) out.push({ slug: pair.b, episodes: pair.episodes });
    else if (pair.b === slug) out.push({ slug: pair.a, episodes: pair.episodes });
  }
  return out.sort((x, y) => y.episodes - x.episodes || x.slug.localeCompare(y.slug)).slice(0, limit);
}

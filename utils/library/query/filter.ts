// Apply a view to the loaded summaries: filter, search and sort in memory (fast enough for 100k episodes).
import { foldText, type EpisodeSummary } from '../record';
import type { LibraryView, SortKey } from './view';

/** The parts of a view that select episodes (everything but the sort). */
export type LibraryFilter = Omit<LibraryView, 'sort' | 'order'>;

/** Lower-case word prefixes of a free-text query. */
export function searchTokens(q: string): string[] {
  return foldText(q).split(' ').filter(Boolean);
}

/**
 * A predicate for one view; `skipTech` leaves the technology filter out (for "any of" facet counts).
 * @example
 * library.filter(matcher(view))
 */
export function matcher(
  view: LibraryFilter,
  options: { skipTech?: boolean } = {},
): (e: EpisodeSummary) => boolean {
  // Only the active filters become checks, each without allocations: the predicate runs 100,000
  // times per view change on a large library.
  const checks: ((e: EpisodeSummary) => boolean)[] = [];
  const { category, status, podcast, tag, techMode } = view;
  const tech = options.skipTech ? [] : view.tech;
  if (status) checks.push((e) => e.status === status);
  if (podcast) checks.push((e) => e.podcast === podcast);
  if (tag) checks.push((e) => e.tags.includes(tag));
  if (category) {
    checks.push((e) => {
      for (const t of e.tech) if (t.category === category) return true;
      return false;
    });
  }
  if (tech.length === 1) {
    const [slug] = tech as [string];
    checks.push((e) => e.techSlugs.includes(slug));
  } else if (tech.length > 1 && techMode === 'all') {
    checks.push((e) => {
      for (const slug of tech) if (!e.techSlugs.includes(slug)) return false;
      return true;
    });
  } else if (tech.length > 1) {
    checks.push((e) => {
      for (const slug of e.techSlugs) if (tech.includes(slug)) return true;
      return false;
    });
  }
  for (const token of searchTokens(view.q)) {
    const needle = ' ' + token;
    checks.push((e) => e.searchText.includes(needle));
  }
  if (checks.length === 0) return () => true;
  if (checks.length === 1) return checks[0]!;
  return (e) => {
    for (const check of checks) if (!check(e)) return false;
    return true;
  };
}

/**
 * Whether a view selects every episode (only its sort differs from the default), so a sorted list is
 * already its answer.
 * @example
 * selectsAll({ ...DEFAULT_VIEW, sort: 'title' }) // true
 */
export function selectsAll(view: LibraryFilter): boolean {
  return (
    view.tech.length === 0 &&
    !view.category &&
    !view.status &&
    !view.podcast &&
    !view.tag &&
    searchTokens(view.q).length === 0
  );
}

function sortKey(episode: EpisodeSummary, sort: SortKey): string | number | null {
  switch (sort) {
    case 'saved':
      return episode.savedAt;
    case 'date':
      // Lower-cased once here rather than in every comparison: plain code-unit order is stable across
      // locales and fast on 100k rows.
      return episode.date?.toLowerCase() ?? null;
    case 'duration':
      return episode.durationSeconds;
    case 'title':
      return episode.title?.toLowerCase() ?? null;
  }
}

/**
 * A sorted copy; missing values last in either direction, ties broken by id so the order is total and
 * exports are stable. Filtering a sorted list keeps its order, so the page sorts once per sort key and
 * filters that.
 * @example
 * sortEpisodes(all, 'title', 'asc')
 */
export function sortEpisodes<T extends EpisodeSummary>(
  episodes: readonly T[],
  sort: SortKey,
  order: 'asc' | 'desc',
): T[] {
  const direction = order === 'asc' ? 1 : -1;
  const keyed = episodes.map((episode) => ({ episode, key: sortKey(episode, sort) }));
  keyed.sort((a, b) => {
    if (a.key !== b.key) {
      if (a.key === null || b.key === null) return a.key === null ? 1 : -1;
      return (a.key < b.key ? -1 : 1) * direction;
    }
    return a.episode.id < b.episode.id ? -1 : a.episode.id > b.episode.id ? 1 : 0;
  });
  return keyed.map((k) => k.episode);
}

/**
 * Filter and sort.
 * @example
 * applyView(all, { ...DEFAULT_VIEW, tech: ['docker'] })
 */
export function applyView<T extends EpisodeSummary>(episodes: readonly T[], view: LibraryView): T[] {
  return sortEpisodes(episodes.filter(matcher(view)), view.sort, view.order);
}

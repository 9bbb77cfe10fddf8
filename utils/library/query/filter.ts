// Apply a view to the loaded library: filter, search and sort in memory (fast enough for 100k records).
import { foldText, type StoredEpisode } from '../record';
import type { LibraryView } from './view';

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
export function matcher(view: LibraryFilter, options: { skipTech?: boolean } = {}): (e: StoredEpisode) => boolean {
  const tokens = searchTokens(view.q).map((t) => ' ' + t);
  const tech = options.skipTech ? [] : view.tech;
  const { category, status, podcast, tag, techMode } = view;
  return (episode) => {
    if (status && episode.status !== status) return false;
    if (podcast && episode.podcast !== podcast) return false;
    if (tag && !episode.tags.includes(tag)) return false;
    if (category && !episode.tech.some((t) => t.category === category)) return false;
    if (tech.length) {
      const has = (slug: string) => episode.techSlugs.includes(slug);
      if (techMode === 'all' ? !tech.every(has) : !tech.some(has)) return false;
    }
    for (const token of tokens) if (!episode.searchText.includes(token)) return false;
    return true;
  };
}

function compareText(a: string | null, b: string | null): number {
  // Missing values sort last in either direction (handled by the caller); plain code-unit order is
  // stable across locales and fast on 100k rows.
  return (a ?? '').toLowerCase() < (b ?? '').toLowerCase() ? -1 : (a ?? '').toLowerCase() > (b ?? '').toLowerCase() ? 1 : 0;
}

/**
 * Filter and sort; ties break by id so the order is total and exports are stable.
 * @example
 * applyView(all, { ...DEFAULT_VIEW, tech: ['docker'] })
 */
export function applyView(episodes: readonly StoredEpisode[], view: LibraryView): StoredEpisode[] {
  const result = episodes.filter(matcher(view));
  const direction = view.order === 'asc' ? 1 : -1;
  const keyOf = (e: StoredEpisode): string | number | null => {
    switch (view.sort) {
      case 'saved':
        return e.savedAt;
      case 'date':
        return e.date;
      case 'duration':
        return e.durationSeconds;
      case 'title':
        return e.title?.toLowerCase() ?? null;
    }
  };
  const keyed = result.map((episode) => ({ episode, key: keyOf(episode) }));
  keyed.sort((a, b) => {
    if (a.key === null || b.key === null) {
      if (a.key !== b.key) return a.key === null ? 1 : -1;
    } else if (a.key !== b.key) {
      return (typeof a.key === 'number' && typeof b.key === 'number' ? a.key - b.key : compareText(String(a.key), String(b.key))) * direction;
    }
    return a.episode.id < b.episode.id ? -1 : a.episode.id > b.episode.id ? 1 : 0;
  });
  return keyed.map((k) => k.episode);
}

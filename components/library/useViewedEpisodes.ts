// The episodes a view shows, and its facet counts, computed from the loaded summaries.
import { useMemo } from 'preact/hooks';
import type { EpisodeSummary } from '@/utils/library/record';
import { matcher, selectsAll, sortEpisodes } from '@/utils/library/query/filter';
import { computeFacets, indexFacets, type LibraryFacets } from '@/utils/library/query/facets';
import type { LibraryView } from '@/utils/library/query/view';

export interface ViewedEpisodes {
  /** Every loaded episode in the view's sort order. */
  sorted: EpisodeSummary[];
  /** The episodes the view shows; null until they can be known (summaries still loading). */
  shown: EpisodeSummary[] | null;
  /** The filter panel's counts; null until every summary is loaded. */
  facets: LibraryFacets | null;
}

/**
 * @example
 * const { sorted, shown, facets } = useViewedEpisodes(episodes, complete, view);
 */
export function useViewedEpisodes(
  episodes: EpisodeSummary[],
  complete: boolean,
  view: LibraryView,
): ViewedEpisodes {
  // Sorted once per sort key; a filter keeps that order, so changing filters never re-sorts.
  const sorted = useMemo(
    () => sortEpisodes(episodes, view.sort, view.order),
    [episodes, view.sort, view.order],
  );
  const everything = selectsAll(view);
  // Until every summary is loaded, only the default view (newest saved first) can be shown: its first screen.
  const shown = useMemo(
    () =>
      everything
        ? complete || (view.sort === 'saved' && view.order === 'desc')
          ? sorted
          : null
        : complete
          ? sorted.filter(matcher(view))
          : null,
    [sorted, view, everything, complete],
  );
  // Technologies and podcasts numbered once per loaded library, so each view's counts are array increments.
  const facetIndex = useMemo(() => (complete ? indexFacets(episodes) : null), [episodes, complete]);
  const facets = useMemo(
    () => (facetIndex && shown ? computeFacets(episodes, view, shown, facetIndex) : null),
    [episodes, view, shown, facetIndex],
  );
  return { sorted, shown, facets };
}

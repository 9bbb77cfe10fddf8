// The Chapters view's data: the full records (summaries carry no chapters) and the saved chapters, read only
// while the view is open and re-read when any context writes; the matches follow the view's filter and sort.
import { useEffect, useMemo, useState } from 'preact/hooks';
import { liveQuery } from 'dexie';
import type { LibraryService } from '@/utils/library/service';
import type { EpisodeSummary, SavedEpisode } from '@/utils/library/record';
import type { SavedChapters } from '@/utils/library/saved-chapters';
import type { SavedChapter } from '@/utils/library/saved-chapter-record';
import { describeStorageError } from '@/utils/library/errors';
import { queryChapters, type ChapterFilter, type ChapterMatch } from '@/utils/library/query/chapters';
import type { LibraryView } from '@/utils/library/query/view';

export interface ChapterData {
  /** The saved episodes in the view's sort order; null while loading. */
  records: SavedEpisode[] | null;
  savedChapters: SavedChapter[];
  /** The chapters the view selects; null while loading. */
  matches: ChapterMatch[] | null;
}

/**
 * The filter of the Chapters view: the episode view's facets and search, plus "Saved chapters".
 * @example chapterFilterOf({ ...DEFAULT_VIEW, tech: ['postgres'], saved: true }) // { tech: ['postgres'], …, savedOnly: true }
 */
export function chapterFilterOf(view: LibraryView): ChapterFilter {
  const { tech, techMode, category, status, podcast, tag, q } = view;
  return { tech, techMode, category, status, podcast, tag, q, savedOnly: view.saved === true };
}

/**
 * @example
 * const { matches } = useChapterMatches(service, savedChapters, sorted, view, view.show === 'chapters', warn);
 */
export function useChapterMatches(
  service: LibraryService,
  store: SavedChapters,
  sorted: readonly EpisodeSummary[],
  view: LibraryView,
  active: boolean,
  onError: (message: string) => void,
): ChapterData {
  const [records, setRecords] = useState<SavedEpisode[] | null>(null);
  const [savedChapters, setSavedChapters] = useState<SavedChapter[]>([]);
  useEffect(() => {
    if (!active) return;
    const fail = (error: unknown) => onError(describeStorageError(error, 'read the chapters').message);
    const episodes = liveQuery(() => service.all()).subscribe({ next: setRecords, error: fail });
    const saved = liveQuery(() => store.listSavedChapters()).subscribe({
      next: setSavedChapters,
      error: fail,
    });
    return () => {
      episodes.unsubscribe();
      saved.unsubscribe();
    };
    // onError is a fresh closure each render; the reads depend on the library and whether the view is open.
  }, [service, store, active]);
  // The records in the episode view's order, so chapters list episode by episode as the episodes would.
  const ordered = useMemo(() => {
    if (!records) return null;
    const byId = new Map(records.map((record) => [record.id, record]));
    return sorted.map((summary) => byId.get(summary.id)).filter((r): r is SavedEpisode => r !== undefined);
  }, [records, sorted]);
  const filter = useMemo(() => chapterFilterOf(view), [view]);
  const matches = useMemo(
    () => (ordered ? queryChapters(ordered, savedChapters, filter) : null),
    [ordered, savedChapters, filter],
  );
  return { records: ordered, savedChapters, matches };
}

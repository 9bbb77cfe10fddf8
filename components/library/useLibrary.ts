// Live library state for the page: the first screenful at once (the newest row), then every summary; re-read when any
// context writes (Dexie liveQuery). Full records are read only for the details panel and exports.
import { useEffect, useState } from 'preact/hooks';
import { liveQuery } from 'dexie';
import type { LibraryService } from '@/utils/library/service';
import type { EpisodeSummary, SavedEpisode } from '@/utils/library/record';
import { describeStorageError } from '@/utils/library/errors';
import { readAllSummaries, readNewest } from '@/utils/library/summary-shelves';

/** Enough rows for a tall window plus the list's overscan. */
export const FIRST_SCREEN = 40;

export type LibraryState =
  | { state: 'loading' }
  /**
   * `complete: false`: only the newest-saved `episodes` (the default view's first screen) are loaded;
   * `total` is the library's size (kept on the same row as the newest summaries), null when not known.
   */
  | { state: 'ready'; episodes: EpisodeSummary[]; complete: boolean; total: number | null }
  | { state: 'error'; message: string };

/**
 * @example
 * const library = useLiveLibrary(contextLibrary());
 * if (library.state === 'ready' && library.complete) filter(library.episodes);
 */
export function useLiveLibrary(service: LibraryService): LibraryState {
  const [state, setState] = useState<LibraryState>({ state: 'loading' });
  useEffect(() => {
    const { db } = service;
    const fail = (error: unknown) =>
      setState({ state: 'error', message: describeStorageError(error, 'open the library').message });
    let complete = false;
    let closed = false;
    let all: { unsubscribe(): void } | undefined;
    // Everything (every summary shelf), once the first screen has painted (its read would otherwise delay that paint).
    const loadAll = () => {
      if (closed || all) return;
      all = liveQuery(() => readAllSummaries(db)).subscribe({
        next: (episodes) => {
          complete = true;
          first.unsubscribe();
          setState({ state: 'ready', episodes, complete: true, total: episodes.length });
        },
        error: fail,
      });
    };
    // First screen: the one row of newest summaries and the library's size, a few milliseconds at any size.
    const first = liveQuery(() => readNewest(db)).subscribe({
      next: ({ total, summaries }) => {
        if (complete) return;
        const episodes = summaries.slice(0, FIRST_SCREEN);
        // The row holds the whole library when it is that small.
        setState({ state: 'ready', episodes, complete: episodes.length === total, total });
        requestAnimationFrame(() => setTimeout(loadAll, 0));
      },
      error: fail,
    });
    return () => {
      closed = true;
      first.unsubscribe();
      all?.unsubscribe();
    };
  }, [service]);
  return state;
}

/**
 * The full record of one episode (for the details panel), following edits from any context.
 * @example
 * const episode = useLiveEpisode(service, openId, (message) => setNotice({ kind: 'error', text: message }));
 */
export function useLiveEpisode(
  service: LibraryService,
  id: string | null,
  onError: (message: string) => void,
): SavedEpisode | undefined {
  const [episode, setEpisode] = useState<SavedEpisode | undefined>(undefined);
  useEffect(() => {
    setEpisode(undefined);
    if (!id) return;
    const subscription = liveQuery(() => service.get(id)).subscribe({
      next: setEpisode,
      error: (error: unknown) => onError(describeStorageError(error, 'open the episode').message),
    });
    return () => subscription.unsubscribe();
    // onError is a fresh closure each render; the subscription depends on the episode only.
  }, [service, id]);
  return episode;
}

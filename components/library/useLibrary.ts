// Live library state for the page: the first screenful at once, then every summary; re-read when any
// context writes (Dexie liveQuery). Full records are read only for the details panel and exports.
import { useEffect, useState } from 'preact/hooks';
import { liveQuery } from 'dexie';
import type { LibraryService } from '@/utils/library/service';
import type { EpisodeSummary, SavedEpisode } from '@/utils/library/record';
import { describeStorageError } from '@/utils/library/errors';

/** Enough rows for a tall window plus the list's overscan. */
export const FIRST_SCREEN = 40;

export type LibraryState =
  | { state: 'loading' }
  /**
   * `complete: false`: only the newest-saved `episodes` (the default view's first screen) are loaded;
   * `total` is the library's size, null until counted (IndexedDB counts by walking every key: 30-90 ms
   * at 10,000 episodes, so the first screen does not wait for it).
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
    const { summaries } = service.db;
    const fail = (error: unknown) => setState({ state: 'error', message: describeStorageError(error, 'open the library').message });
    let complete = false;
    let closed = false;
    let all: { unsubscribe(): void } | undefined;
    // Everything, once the first screen has painted (its read would otherwise delay that paint).
    const loadAll = () => {
      if (closed || all) return;
      all = liveQuery(() => summaries.toArray()).subscribe({
        next: (episodes) => {
          complete = true;
          first.unsubscribe();
          count.unsubscribe();
          setState({ state: 'ready', episodes, complete: true, total: episodes.length });
        },
        error: fail,
      });
    };
    let firstScreen: EpisodeSummary[] | null = null;
    let counted: number | null = null;
    const showFirstScreen = () => {
      if (complete || !firstScreen) return;
      // Fewer than a screenful: that is the whole library.
      const whole = firstScreen.length < FIRST_SCREEN;
      setState({ state: 'ready', episodes: firstScreen, complete: whole, total: whole ? firstScreen.length : counted });
    };
    // First screen: an index read of FIRST_SCREEN summaries, a few milliseconds at any size.
    const first = liveQuery(() => summaries.orderBy('savedAt').reverse().limit(FIRST_SCREEN).toArray()).subscribe({
      next: (episodes) => {
        firstScreen = episodes;
        showFirstScreen();
        requestAnimationFrame(() => setTimeout(loadAll, 0));
      },
      error: fail,
    });
    const count = liveQuery(() => summaries.count()).subscribe({
      next: (total) => {
        counted = total;
        showFirstScreen();
      },
      error: fail,
    });
    return () => {
      closed = true;
      first.unsubscribe();
      count.unsubscribe();
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
export function useLiveEpisode(service: LibraryService, id: string | null, onError: (message: string) => void): SavedEpisode | undefined {
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

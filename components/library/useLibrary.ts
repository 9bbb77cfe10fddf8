// Live library state for the page: every saved episode, re-read when any context writes (Dexie liveQuery).
import { useEffect, useState } from 'preact/hooks';
import { liveQuery } from 'dexie';
import type { LibraryService } from '@/utils/library/service';
import type { StoredEpisode } from '@/utils/library/record';
import { describeStorageError } from '@/utils/library/errors';

export type LibraryState =
  | { state: 'loading' }
  | { state: 'ready'; episodes: StoredEpisode[] }
  | { state: 'error'; message: string };

/**
 * @example
 * const library = useLiveLibrary(contextLibrary());
 */
export function useLiveLibrary(service: LibraryService): LibraryState {
  const [state, setState] = useState<LibraryState>({ state: 'loading' });
  useEffect(() => {
    const subscription = liveQuery(() => service.db.episodes.toArray()).subscribe({
      next: (episodes) => setState({ state: 'ready', episodes }),
      error: (error: unknown) => setState({ state: 'error', message: describeStorageError(error, 'open the library').message }),
    });
    return () => subscription.unsubscribe();
  }, [service]);
  return state;
}

// "Save all N" on a listing's topic bar: one message saves the episodes, and Undo removes exactly those it
// added (one already saved before stays, with the listener's status, notes and tags).
import { useState } from 'preact/hooks';
import type { Episode } from '@/utils/model';
import { askBackground } from '@/utils/ask-background';

const UNANSWERED = 'Stackcast did not answer: reload the page and try again';

export interface SaveAll {
  busy: boolean;
  /** What happened, for the bar's live region; '' before anything did. */
  status: string;
  /** The ids the last Save all added, which Undo removes; empty when there is nothing to undo. */
  added: readonly string[];
  save(episodes: readonly Episode[]): void;
  undo(): void;
  reset(): void;
}

/**
 * @example
 * const all = useSaveAll(); all.save(episodes); // later: all.undo()
 */
export function useSaveAll(): SaveAll {
  const [busy, setBusy] = useState(false);
  const [status, setStatus] = useState('');
  const [added, setAdded] = useState<readonly string[]>([]);
  const run = async (work: () => Promise<void>) => {
    if (busy) return; // a double click acts once
    setBusy(true);
    try {
      await work();
    } catch (error) {
      setStatus(error instanceof Error ? error.message : String(error));
    } finally {
      setBusy(false);
    }
  };
  return {
    busy,
    status,
    added,
    save: (episodes) =>
      void run(async () => {
        const ids = await askBackground({ type: 'library:save-many', episodes: [...episodes] }, UNANSWERED);
        setAdded(ids);
        const before = episodes.length - ids.length;
        setStatus(
          `Saved ${ids.length} ${ids.length === 1 ? 'episode' : 'episodes'}` +
            (before > 0 ? ` (${before} already in your library).` : '.'),
        );
      }),
    undo: () =>
      void run(async () => {
        const removed = await askBackground({ type: 'library:remove-many', ids: [...added] }, UNANSWERED);
        setAdded([]);
        setStatus(`Undone: removed the ${removed} ${removed === 1 ? 'episode' : 'episodes'} Save all added.`);
      }),
    reset: () => {
      setAdded([]);
      setStatus('');
    },
  };
}

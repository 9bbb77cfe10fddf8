// The stars on a panel's chapters: which chapters are saved on their own, and saving or removing one. Only
// messages the background (in a content script, IndexedDB belongs to the website), like the Save button.
import { useEffect, useState } from 'preact/hooks';
import type { Episode } from '@/utils/model';
import { askBackground } from '@/utils/ask-background';
import { batchedLookup } from '@/utils/batched-lookup';
import { onLibraryChange } from '@/utils/library/revision';

/** In a page, a background that does not answer means the extension was reloaded under it. */
const UNANSWERED = 'Stackcast did not answer: reload the page and try again';
/** Lookups made within 100 ms share one message (utils/batched-lookup.ts says why). */
const startsLookup = batchedLookup((episodeIds) =>
  askBackground({ type: 'library:saved-chapter-starts', episodeIds }, UNANSWERED),
);

/**
 * The starts of an episode's saved chapters; lookups made together share one message.
 * @example
 * await savedChapterStarts('https://show.example/ep/1') // [300, 1200]
 */
export async function savedChapterStarts(id: string): Promise<number[]> {
  return (await startsLookup(id)) ?? [];
}

export interface ChapterStars {
  /** Starts of the saved chapters; undefined while unknown or when the chapters cannot be saved here. */
  starred: ReadonlySet<number> | undefined;
  toggle(start: number): void;
}

/**
 * Stars for `episode`'s chapters when `enabled` (the page may save this episode), kept in step with the
 * library (another tab, the library page) through its revision key.
 * @example
 * const stars = useChapterStars(episode, true, (text) => setNotice(text)); stars.toggle(300);
 */
export function useChapterStars(
  episode: Episode,
  enabled: boolean,
  onError: (message: string) => void,
): ChapterStars {
  const [starred, setStarred] = useState<ReadonlySet<number> | undefined>(undefined);
  useEffect(() => {
    if (!enabled) return;
    let alive = true;
    const refresh = () =>
      savedChapterStarts(episode.id).then(
        (starts) => alive && setStarred(new Set(starts)),
        (error: unknown) => alive && onError(messageOf(error)),
      );
    void refresh();
    const stop = onLibraryChange((ids) => {
      if (!ids || ids.includes(episode.id)) void refresh();
    });
    return () => {
      alive = false;
      stop();
    };
  }, [episode.id, enabled]);

  const toggle = (start: number) => {
    if (!starred) return;
    const on = !starred.has(start);
    const flip = (value: boolean) =>
      setStarred((current) => {
        const next = new Set(current);
        if (value) next.add(start);
        else next.delete(start);
        return next;
      });
    // Lit at once; put back if the background refuses.
    flip(on);
    const request = on
      ? askBackground({ type: 'library:save-chapter', episode, start }, UNANSWERED)
      : askBackground({ type: 'library:unsave-chapter', episodeId: episode.id, start }, UNANSWERED);
    request.catch((error: unknown) => {
      flip(!on);
      onError(messageOf(error));
    });
  };
  return { starred: enabled ? starred : undefined, toggle };
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

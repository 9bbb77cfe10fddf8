// The chapter list: one button per chapter (time + title), the playing one marked, long lists paged.
import { useState } from 'preact/hooks';
import type { Chapter } from '@/utils/model';
import { formatTimestamp } from '@/utils/parse/time';
import { CHAPTERS_PER_PAGE, clip } from './panel-limits';
import { isPersonEvent, trusted } from './trusted';

export interface ChapterListProps {
  chapters: readonly Chapter[];
  /** Index of the chapter playing now, or -1. */
  current: number;
  onPlay(start: number): void;
  /** For aria-controls from the panel header. */
  id?: string;
  /** Chapters shown before the first "Show more" (a listing page shows a short preview per episode). */
  initial?: number;
}

/**
 * Chapters as buttons carrying `data-stackcast-chapter` and `data-start` (the automated-test contract).
 * One click listener on the list serves every row: a listing page draws about a thousand chapter buttons.
 * @example
 * <ChapterList chapters={episode.chapters} current={2} onPlay={(s) => play(s)} />
 */
export function ChapterList({
  chapters,
  current,
  onPlay,
  id,
  initial = CHAPTERS_PER_PAGE,
}: ChapterListProps) {
  const [shown, setShown] = useState(initial);
  const visible = chapters.slice(0, Math.max(shown, current + 1));
  const hidden = chapters.length - visible.length;
  const play = (event: MouseEvent) => {
    if (!isPersonEvent(event)) return;
    const button = (event.target as Element | null)?.closest?.('[data-stackcast-chapter]');
    const start = Number(button?.getAttribute('data-start'));
    if (button && Number.isFinite(start)) onPlay(start);
  };
  // A fragment, not a wrapper element: one node less per panel, fifty on a listing.
  return (
    <>
      <ol class="chapters" id={id} aria-label="Chapters" onClick={play}>
        {visible.map((chapter, index) => {
          const title = clip(chapter.title.trim()) || `Chapter ${index + 1}`;
          return (
            <li key={`${index}:${chapter.start}`}>
              <button
                type="button"
                class="chapter"
                data-stackcast-chapter=""
                data-start={String(chapter.start)}
                aria-current={index === current ? 'true' : undefined}
                title={title}
              >
                <span class="time">{formatTimestamp(chapter.start)}</span>
                <span class="text" dir="auto">
                  {title}
                </span>
              </button>
            </li>
          );
        })}
      </ol>
      {hidden > 0 && (
        <button
          type="button"
          class="more"
          onClick={trusted(() => setShown(visible.length + CHAPTERS_PER_PAGE))}
        >
          {hidden <= CHAPTERS_PER_PAGE && visible.length < CHAPTERS_PER_PAGE
            ? `All ${chapters.length} chapters`
            : `Show ${Math.min(hidden, CHAPTERS_PER_PAGE)} more (${hidden} hidden)`}
        </button>
      )}
    </>
  );
}

// The chapter list: one button per chapter (time + title), the playing one marked, those about the chosen
// technology marked, each with a star that saves it on its own; long lists paged.
import { useState } from 'preact/hooks';
import type { Chapter } from '@/utils/model';
// Not model.ts's chapterTechOf: a value import of model.ts would bring zod into the content script.
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
  /** Indexes of the chapters about the chosen technology (ascending), and its name; none when no chip is chosen. */
  matches?: readonly number[];
  topic?: string;
  /** Starts of the chapters saved on their own; stars are drawn only when the chapters can be saved. */
  starred?: ReadonlySet<number>;
  onStar?(start: number): void;
}

/**
 * Chapters as buttons carrying `data-stackcast-chapter`, `data-start` and `data-tech` (the automated-test
 * contract); a chapter about the chosen chip carries `data-stackcast-match`. One click listener on the list
 * serves every row: a listing page draws about a thousand chapter buttons.
 * @example
 * <ChapterList chapters={episode.chapters} current={2} onPlay={(s) => play(s)} />
 */
export function ChapterList({
  chapters,
  current,
  onPlay,
  id,
  initial = CHAPTERS_PER_PAGE,
  matches = [],
  topic,
  starred,
  onStar,
}: ChapterListProps) {
  const [shown, setShown] = useState(initial);
  // The chapters a filter marks are shown even past the preview: a marked chapter out of sight helps no one.
  const through = Math.max(shown, current + 1, (matches[matches.length - 1] ?? -1) + 1);
  const visible = chapters.slice(0, through);
  const hidden = chapters.length - visible.length;
  const marked = new Set(matches);
  const play = (event: MouseEvent) => {
    if (!isPersonEvent(event)) return;
    const target = event.target as Element | null;
    const star = target?.closest?.('[data-stackcast-star]');
    const button = star ?? target?.closest?.('[data-stackcast-chapter]');
    const start = Number(button?.getAttribute('data-start'));
    if (!button || !Number.isFinite(start)) return;
    if (star) onStar?.(start);
    else onPlay(start);
  };
  // A fragment, not a wrapper element: one node less per panel, fifty on a listing.
  return (
    <>
      <ol class="chapters" id={id} aria-label="Chapters" onClick={play}>
        {visible.map((chapter, index) => {
          const title = clip(chapter.title.trim()) || `Chapter ${index + 1}`;
          const match = marked.has(index);
          const saved = starred?.has(chapter.start) ?? false;
          return (
            <li key={`${index}:${chapter.start}`} class={match ? 'match' : undefined}>
              <button
                type="button"
                class="chapter"
                data-stackcast-chapter=""
                data-start={String(chapter.start)}
                data-tech={(chapter.tech ?? []).join(' ')}
                data-stackcast-match={match ? '' : undefined}
                aria-current={index === current ? 'true' : undefined}
                title={title}
              >
                <span class="time">{formatTimestamp(chapter.start)}</span>
                <span class="text" dir="auto">
                  {title}
                </span>
                {match && <span class="visually-hidden">, about {topic}</span>}
              </button>
              {onStar && starred && (
                <button
                  type="button"
                  class="star"
                  data-stackcast-star=""
                  data-start={String(chapter.start)}
                  aria-pressed={saved ? 'true' : 'false'}
                  aria-label={`Save chapter: ${title}`}
                  title={saved ? 'Saved on its own: click to remove' : 'Save this chapter on its own'}
                >
                  {saved ? '★' : '☆'}
                </button>
              )}
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

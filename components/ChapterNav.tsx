// Previous/next chapter buttons, and the chip filter's status line: with a chip chosen they walk the chapters
// about it, and the status (a live region, so screen readers hear it) says how many there are.
import { trusted } from './trusted';

export interface ChapterNavProps {
  /** Index the buttons go to, or -1 when there is none that way. */
  previous: number;
  next: number;
  onGo(index: number): void;
  /** The chosen technology's name, or null with no filter. */
  topic: string | null;
  /** What the filter found ("3 chapters about PostgreSQL"), '' with no filter. */
  status: string;
  onClear(): void;
}

/**
 * @example
 * <ChapterNav previous={-1} next={1} onGo={go} topic={null} status="" onClear={clear} />
 */
export function ChapterNav({ previous, next, onGo, topic, status, onClear }: ChapterNavProps) {
  const which = topic === null ? 'chapter' : `${topic} chapter`;
  return (
    <>
      <div class="nav" role="group" aria-label="Chapter navigation">
        <button
          type="button"
          disabled={previous < 0}
          onClick={trusted(() => onGo(previous))}
          aria-label={`Previous ${which}`}
        >
          ◀ Previous
        </button>
        <button
          type="button"
          disabled={next < 0}
          onClick={trusted(() => onGo(next))}
          aria-label={`Next ${which}`}
        >
          Next ▶
        </button>
        {topic !== null && (
          <button type="button" class="clear" onClick={trusted(onClear)} aria-label={`Stop marking ${topic}`}>
            ✕ {topic}
          </button>
        )}
      </div>
      {/* Always in the tree: a live region that appears with its text is not reliably read out. */}
      <p class="filter-status" role="status">
        {status}
      </p>
    </>
  );
}

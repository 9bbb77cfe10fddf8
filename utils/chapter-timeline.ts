// What makes a chapter list and a date make sense, whoever wrote them (the parser, an imported file, an old
// library): one rule, applied by the import, by every library write and by every chapter export.
import type { Chapter } from './model';

/**
 * Whether the chapters already are a timeline: starts strictly ascending, every end after its start and
 * no later than the next start and the duration.
 */
function isTimeline(chapters: readonly Chapter[], durationSeconds: number | null): boolean {
  const duration = durationSeconds !== null && durationSeconds > 0 ? durationSeconds : null;
  for (let i = 0; i < chapters.length; i++) {
    const { start, end } = chapters[i]!;
    const next = chapters[i + 1];
    if (next && next.start <= start) return false;
    if (end !== undefined && end !== null) {
      if (end <= start || (next && end > next.start) || (duration !== null && end > duration)) return false;
    }
  }
  return true;
}

/**
 * The chapters as a timeline: sorted by start (ties in their order), one chapter per start (the first;
 * a later one's title fills an empty one), and ends that cannot be (not after the start, past the next
 * start or the duration) dropped, so they are derived again. Chapters starting past the duration are
 * kept: a page's duration can be wrong, and the chapters are the richer data (exports end them at the
 * next start). Chapters that already are a timeline are returned as they are (the same array).
 * @example
 * normaliseChapters([{ start: 60, title: 'B' }, { start: 0, title: 'A', end: 0 }], null)
 * // [{ start: 0, title: 'A' }, { start: 60, title: 'B' }]
 */
export function normaliseChapters<T extends Chapter>(
  chapters: readonly T[],
  durationSeconds: number | null,
): T[] {
  if (isTimeline(chapters, durationSeconds)) return chapters as T[];
  const duration = durationSeconds !== null && durationSeconds > 0 ? durationSeconds : null;
  const sorted = chapters
    .map((chapter, order) => ({ chapter, order }))
    .sort((a, b) => a.chapter.start - b.chapter.start || a.order - b.order);
  const unique: T[] = [];
  for (const { chapter } of sorted) {
    const last = unique[unique.length - 1];
    if (last && last.start === chapter.start) {
      if (last.title === '' && chapter.title !== '')
        unique[unique.length - 1] = { ...last, title: chapter.title };
      continue;
    }
    unique.push(chapter);
  }
  return unique.map((chapter, i) => {
    const { end } = chapter;
    if (end === undefined || end === null) return chapter;
    const next = unique[i + 1];
    if (end > chapter.start && (!next || end <= next.start) && (duration === null || end <= duration))
      return chapter;
    const { end: _dropped, ...rest } = chapter;
    return rest as T;
  });
}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
/** A full ISO 8601 timestamp: date, `T`, time with optional fraction, and `Z` or an offset. */
const ISO_TIMESTAMP = /^(\d{4}-\d{2}-\d{2})T\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?(?:Z|[+-]\d{2}:?\d{2})$/i;

/**
 * An episode's date as the library keeps it: an ISO 8601 calendar date `YYYY-MM-DD` that exists (no
 * 2021-02-30). A full ISO 8601 timestamp gives the date it is written with; anything else is null.
 * @example
 * isoCalendarDate('2024-05-01T23:30:00-07:00') // '2024-05-01'
 * isoCalendarDate('May 1, 2024') // null
 */
export function isoCalendarDate(value: string): string | null {
  const date = ISO_TIMESTAMP.exec(value)?.[1] ?? value;
  const parts = ISO_DATE.exec(date);
  if (!parts) return null;
  const [year, month, day] = [Number(parts[1]), Number(parts[2]), Number(parts[3])];
  const leap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
  const days = month === 2 && leap ? 29 : (DAYS_IN_MONTH[month - 1] ?? 0);
  return day >= 1 && day <= days ? date : null;
}

// The chapter timeline every export writes: sorted, with each chapter's end derived where it can be known.
import { normaliseChapters } from '../chapter-timeline';
import type { Episode } from '../model';

export interface TimedChapter {
  start: number;
  /** The chapter's own end, else the next chapter's start, else the episode's duration; null when unknown. */
  end: number | null;
  title: string;
}

/**
 * The episode's chapters in time order with their ends, one chapter per start (normaliseChapters: a record
 * from an old library or a hand-edited file may hold duplicates, and two cues at one time overlap). Ends
 * past the next start or the duration (or not after their own start) are derived again, so exported
 * chapters never overlap.
 * @example exportChapters({ ...episode, durationSeconds: 300, chapters: [{ start: 0, title: 'A' }] })
 * // [{ start: 0, end: 300, title: 'A' }]
 */
export function exportChapters(episode: Pick<Episode, 'chapters' | 'durationSeconds'>): TimedChapter[] {
  const sorted = normaliseChapters(episode.chapters, episode.durationSeconds);
  return sorted.map((chapter, index) => {
    const next = sorted[index + 1];
    const limit = next ? next.start : (episode.durationSeconds ?? null);
    let end = chapter.end ?? limit;
    if (end !== null && limit !== null && end > limit) end = limit;
    if (end !== null && end < chapter.start) end = limit !== null && limit >= chapter.start ? limit : null;
    return { start: chapter.start, end, title: chapter.title };
  });
}

// The page's own timestamps, made clickable after the panels are drawn, in idle time (features/idle-links.ts).
import type { DetectedEpisode } from '../sites/types';
import type { OverlayOptions } from './options';
import { linkTimestamps, unlinkTimestamps } from './page-timestamps';

/**
 * Show notes whose timestamps still need linking, each linked once.
 * @example
 * links.queue(item, options); links.link(() => deadline.timeRemaining() > 2) // true while work remains
 */
export class PageLinks {
  private pending: { notes: Element; durationSeconds: number | null; chapterStarts: number[] }[] = [];
  private readonly linked = new WeakSet<Element>();

  /** Queue an episode's show notes, when the listener wants page links and the episode has a chapter list. */
  queue(item: DetectedEpisode, options: OverlayOptions): void {
    if (
      options.linkPageTimestamps &&
      item.notes &&
      item.episode.chapters.length >= 2 &&
      !this.linked.has(item.notes)
    ) {
      this.pending.push({
        notes: item.notes,
        durationSeconds: item.episode.durationSeconds,
        chapterStarts: item.episode.chapters.map((chapter) => chapter.start),
      });
    }
  }

  /** Link queued notes until `hasTime()` says stop. Returns whether work remains. */
  link(hasTime: () => boolean): boolean {
    while (this.pending.length > 0 && hasTime()) {
      const { notes, durationSeconds, chapterStarts } = this.pending.shift()!;
      if (!notes.isConnected || this.linked.has(notes)) continue;
      linkTimestamps(notes, { durationSeconds, chapterStarts });
      this.linked.add(notes);
    }
    return this.pending.length > 0;
  }

  /** Forget the queue and undo every link made in `root`. */
  clear(root: Element | null): void {
    this.pending = [];
    if (root) unlinkTimestamps(root);
  }
}

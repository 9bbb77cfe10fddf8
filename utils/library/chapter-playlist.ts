// The library's topic playlist is the panel's chapter queue (utils/topics/chapter-queue.ts: skip rules, the
// clock that ends a chapter, the label), fed from the Chapters view's matches instead of a page's episodes.
import { safeHttpUrl } from '../export/escape';
import type { QueueItem } from '../topics/chapter-queue';
import type { ChapterMatch } from './query/chapters';

/**
 * The matches as queue items, in the order given; an audio address that is not http(s) becomes null, so the
 * queue skips that chapter with a notice.
 * @example
 * queueOf(matches).map((item) => item.chapterTitle) // ['Kubernetes upgrades', 'Postgres on Kubernetes']
 */
export function queueOf(matches: readonly ChapterMatch[]): QueueItem[] {
  return matches.map((match) => ({
    episodeId: match.episodeId,
    episodeTitle: match.episodeTitle?.trim() || 'Untitled episode',
    chapterTitle: match.title.trim() || 'Untitled chapter',
    start: match.start,
    end: match.end,
    audioUrl: safeHttpUrl(match.audioUrl),
  }));
}

/**
 * The key of a chapter in the Chapters view's rows and in the player (a timeline has one chapter per start).
 * @example chapterKeyOf({ episodeId: 'https://x.test/e/1', start: 754 }) // '754@https://x.test/e/1'
 */
export function chapterKeyOf(chapter: { episodeId: string; start: number }): string {
  return `${chapter.start}@${chapter.episodeId}`;
}

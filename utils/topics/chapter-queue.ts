// "Play these chapters": a queue of the chapters about one technology, episode after episode, each from its
// start to the next chapter's start. Pure: the player component holds the state and follows these rules.
import type { Episode } from '../model';
// Not model.ts's chapterTechOf: a value import of model.ts would bring zod into the content script.

export interface QueueItem {
  episodeId: string;
  episodeTitle: string;
  chapterTitle: string;
  start: number;
  /** Where the chapter ends: the next chapter's start, else the episode's end; null when unknown (plays to the end). */
  end: number | null;
  /** The audio to play it from, or null: the item is skipped with a message. */
  audioUrl: string | null;
}

/** One episode of the page as the queue reads it: the episode, and the audio Stackcast can play for it. */
export interface QueueEpisode {
  episode: Pick<Episode, 'id' | 'title' | 'chapters' | 'durationSeconds'>;
  audioUrl: string | null;
}

export interface QueueState {
  /** The item playing, or -1 when the queue is over. */
  index: number;
  /** What the listener should know (an item skipped, the end), or null. */
  notice: string | null;
}

/**
 * The chapters about `slug`, in page order and, within an episode, by start.
 * @example
 * buildQueue([{ episode, audioUrl: 'https://x/1.mp3' }], 'postgres').map((item) => item.start) // [300, 1200]
 */
export function buildQueue(episodes: readonly QueueEpisode[], slug: string): QueueItem[] {
  const items: QueueItem[] = [];
  for (const { episode, audioUrl } of episodes) {
    const chapters = [...episode.chapters].sort((a, b) => a.start - b.start);
    chapters.forEach((chapter, index) => {
      if (!(chapter.tech ?? []).includes(slug)) return;
      const next = chapters[index + 1]?.start;
      items.push({
        episodeId: episode.id,
        episodeTitle: episode.title?.trim() || 'Untitled episode',
        chapterTitle: chapter.title.trim() || `Chapter ${index + 1}`,
        start: chapter.start,
        end: next ?? chapter.end ?? episode.durationSeconds ?? null,
        audioUrl,
      });
    });
  }
  return items;
}

function skippedNotice(items: readonly QueueItem[], from: number, to: number): string | null {
  const skipped = items.slice(from, to);
  if (skipped.length === 0) return null;
  const first = skipped[0]!;
  const what =
    skipped.length === 1 ? `“${first.chapterTitle}” — ${first.episodeTitle}` : `${skipped.length} chapters`;
  return `Skipped ${what}: no audio Stackcast can play.`;
}

/** The first playable item at or after `from`, with a notice for those passed over; -1 past the end. */
function playableFrom(items: readonly QueueItem[], from: number): QueueState {
  let index = from;
  while (index < items.length && items[index]!.audioUrl === null) index += 1;
  const notice = skippedNotice(items, from, index);
  if (index >= items.length)
    return {
      index: -1,
      notice: notice ? `${notice} That was the last chapter.` : 'That was the last chapter.',
    };
  return { index, notice };
}

/**
 * Where a queue starts: its first item with audio.
 * @example
 * startQueue(items) // { index: 0, notice: null }
 */
export function startQueue(items: readonly QueueItem[]): QueueState {
  if (items.length === 0) return { index: -1, notice: 'No chapter to play.' };
  return playableFrom(items, 0);
}

/**
 * Skip to the next item with audio (also what happens at the end of a chapter); past the last, the queue is over.
 * @example
 * skipForward(items, { index: 6, notice: null }) // { index: -1, notice: 'That was the last chapter.' }
 */
export function skipForward(items: readonly QueueItem[], state: QueueState): QueueState {
  if (state.index < 0) return state;
  return playableFrom(items, state.index + 1);
}

/**
 * Back to the previous item with audio; on the first one, it starts again from its start.
 * @example
 * skipBack(items, { index: 0, notice: null }) // { index: 0, notice: null }
 */
export function skipBack(items: readonly QueueItem[], state: QueueState): QueueState {
  let index = (state.index < 0 ? items.length : state.index) - 1;
  while (index >= 0 && items[index]!.audioUrl === null) index -= 1;
  if (index < 0) return state.index < 0 ? startQueue(items) : { index: state.index, notice: null };
  return { index, notice: null };
}

/**
 * Follow the player's clock through one item: `armed` once the playhead is inside the chapter (a clock still
 * reading the previous position, just after a seek, must not end it); `over` once it reaches the chapter's end.
 * @example
 * clockStep({ start: 60, end: 120 } as QueueItem, true, 120.2) // { armed: true, over: true }
 */
export function clockStep(
  item: QueueItem,
  armed: boolean,
  seconds: number,
): { armed: boolean; over: boolean } {
  const inside = seconds >= item.start - 1 && (item.end === null || seconds < item.end);
  const nowArmed = armed || inside;
  return { armed: nowArmed, over: nowArmed && item.end !== null && seconds >= item.end };
}

/**
 * What the player shows for the current item.
 * @example
 * queueLabel(items, { index: 1, notice: null }) // '2 of 7: Postgres upgrades — Episode 12'
 */
export function queueLabel(items: readonly QueueItem[], state: QueueState): string {
  const item = items[state.index];
  if (!item) return `${items.length} ${items.length === 1 ? 'chapter' : 'chapters'}: done`;
  return `${state.index + 1} of ${items.length}: ${item.chapterTitle} — ${item.episodeTitle}`;
}

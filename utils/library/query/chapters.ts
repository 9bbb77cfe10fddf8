// The Chapters view's query: the chapters of the library's episodes (and the chapters saved on their own) that
// a filter selects, each with what a row, the mini player and an export need. In memory, like the episode view.
import { chapterTechOf, type Episode, type TechCategory } from '../../model';
import { techBySlug } from '@/utils/tech/catalog';
import { foldText, type ListenStatus } from '../record';
import type { SavedChapter } from '../saved-chapter-record';
import { searchTokens, type LibraryFilter } from './filter';

/** An episode whose chapters are searched: a saved record, or any parsed Episode (a listing page's). */
export type ChapterSourceEpisode = Pick<
  Episode,
  'id' | 'title' | 'podcast' | 'date' | 'durationSeconds' | 'url' | 'audioUrl' | 'chapters' | 'tech'
> & { status?: ListenStatus; tags?: readonly string[] };

/** Which chapters: the episode view's filter, every field optional, plus `savedOnly`. */
export type ChapterFilter = Partial<LibraryFilter> & {
  /** Only chapters saved on their own (starred). */
  savedOnly?: boolean;
};

/** One chapter found, with its episode's details. */
export interface ChapterMatch {
  episodeId: string;
  podcast: string | null;
  episodeTitle: string | null;
  /** The episode's date (YYYY-MM-DD) when known. */
  date: string | null;
  title: string;
  /** Seconds from the episode's start. */
  start: number;
  /** Where it stops: its own end, the next chapter's start or the episode's duration; null when unknown. */
  end: number | null;
  /** `end - start` in seconds, null when the end is unknown. */
  length: number | null;
  /** The chapter's technology slugs. */
  tech: string[];
  audioUrl: string | null;
  /** The episode's page. */
  pageUrl: string | null;
  /** Starred: saved on its own. */
  saved: boolean;
  /** Its episode is in the episodes given (false: known only from a saved chapter's copy). */
  episodeSaved: boolean;
}

const keyOf = (episodeId: string, start: number) => `${start}\u0000${episodeId}`;

function endOf(episode: ChapterSourceEpisode, index: number): number | null {
  const chapter = episode.chapters[index]!;
  const candidates = [chapter.end, episode.chapters[index + 1]?.start, episode.durationSeconds];
  return (
    candidates.find((value): value is number => typeof value === 'number' && value > chapter.start) ?? null
  );
}

function categoryOf(slug: string, episode: ChapterSourceEpisode | undefined): TechCategory | undefined {
  return episode?.tech.find((mention) => mention.slug === slug)?.category ?? techBySlug(slug)?.category;
}

/** A predicate over one found chapter (and its episode, when saved), from the filter's active parts. */
function chapterMatcher(
  filter: ChapterFilter,
): (match: ChapterMatch, episode: ChapterSourceEpisode | undefined) => boolean {
  const tech = filter.tech ?? [];
  const all = (filter.techMode ?? 'all') === 'all';
  const needles = searchTokens(filter.q ?? '').map((token) => ' ' + token);
  return (match, episode) => {
    if (filter.savedOnly === true && !match.saved) return false;
    if (filter.status && episode?.status !== filter.status) return false;
    if (filter.tag && !(episode?.tags ?? []).includes(filter.tag)) return false;
    if (filter.podcast && match.podcast !== filter.podcast) return false;
    if (tech.length > 0) {
      const found = all
        ? tech.every((slug) => match.tech.includes(slug))
        : tech.some((slug) => match.tech.includes(slug));
      if (!found) return false;
    }
    if (filter.category && !match.tech.some((slug) => categoryOf(slug, episode) === filter.category))
      return false;
    if (needles.length > 0) {
      const text =
        ' ' + foldText([match.title, match.episodeTitle, match.podcast].filter(Boolean).join(' \n '));
      if (!needles.every((needle) => text.includes(needle))) return false;
    }
    return true;
  };
}

/**
 * The chapters a filter selects: the episodes' chapters in the episodes' order (sort them first, e.g. with
 * sortEpisodes), each episode's by start, then the saved chapters whose episode is not among them, the most
 * recently saved first. A saved chapter of a listed episode marks that chapter `saved` (the episode's current
 * chapter wins over the copy); one its episode no longer has is listed from its copy. Technology filters act
 * per chapter (`techMode` 'all': the chapter names every slug); status and personal tag need a saved episode.
 *
 * @example
 * queryChapters(records, savedChapters, { tech: ['postgres'] })
 * // [{ episodeId, podcast, episodeTitle, title: 'Postgres upgrades', start: 754, length: 726, tech: ['postgres'], … }]
 */
export function queryChapters(
  episodes: readonly ChapterSourceEpisode[],
  savedChapters: readonly SavedChapter[],
  filter: ChapterFilter = {},
): ChapterMatch[] {
  const matches = chapterMatcher(filter);
  const starred = new Map(savedChapters.map((chapter) => [keyOf(chapter.episodeId, chapter.start), chapter]));
  const shown = new Set<string>();
  const out: ChapterMatch[] = [];
  const listed = new Map<string, ChapterSourceEpisode>();
  for (const episode of episodes) {
    listed.set(episode.id, episode);
    episode.chapters.forEach((chapter, index) => {
      const key = keyOf(episode.id, chapter.start);
      const end = endOf(episode, index);
      const match: ChapterMatch = {
        episodeId: episode.id,
        podcast: episode.podcast,
        episodeTitle: episode.title,
        date: episode.date,
        title: chapter.title,
        start: chapter.start,
        end,
        length: end === null ? null : end - chapter.start,
        tech: [...chapterTechOf(chapter)],
        audioUrl: episode.audioUrl,
        pageUrl: episode.url,
        saved: starred.has(key),
        episodeSaved: true,
      };
      shown.add(key);
      if (matches(match, episode)) out.push(match);
    });
  }
  const rest = savedChapters
    .filter((chapter) => !shown.has(keyOf(chapter.episodeId, chapter.start)))
    .sort((a, b) => b.savedAt.localeCompare(a.savedAt) || a.start - b.start);
  for (const chapter of rest) {
    const episode = listed.get(chapter.episodeId);
    const match: ChapterMatch = {
      episodeId: chapter.episodeId,
      podcast: chapter.episode.podcast,
      episodeTitle: chapter.episode.title,
      date: chapter.episode.date,
      title: chapter.title,
      start: chapter.start,
      end: chapter.end,
      length: chapter.end === null ? null : chapter.end - chapter.start,
      tech: [...chapter.tech],
      audioUrl: chapter.episode.audioUrl,
      pageUrl: chapter.episode.url,
      saved: true,
      episodeSaved: episode !== undefined,
    };
    if (matches(match, episode)) out.push(match);
  }
  return out;
}

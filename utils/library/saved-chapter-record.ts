// A chapter saved on its own (the star on a chapter): enough of its episode to show, play and export it even
// when the episode itself is not saved. zod only, so messages and imports can check it without the database.
import { z } from 'zod';
import {
  EPISODE_LIMITS,
  EpisodeSchema,
  SecondsSchema,
  TechSlugSchema,
  chapterTechOf,
  type Episode,
} from '../model';
import { InstantSchema } from './record';

/** What a saved chapter keeps of its episode: a copy taken when it was starred, not kept in step with it. */
export const ChapterEpisodeSchema = EpisodeSchema.pick({
  title: true,
  podcast: true,
  date: true,
  durationSeconds: true,
  url: true,
  audioUrl: true,
});
export type ChapterEpisode = z.infer<typeof ChapterEpisodeSchema>;

/**
 * One saved chapter, keyed by its episode's id and its start (a timeline has one chapter per start).
 * Stored in the `savedChapters` table (library schema 7) and in the JSON backup's `savedChapters`.
 */
export const SavedChapterSchema = z
  .object({
    /** The episode's id (as Episode.id): it may or may not be a saved episode. */
    episodeId: EpisodeSchema.shape.id,
    start: SecondsSchema,
    /** Where the chapter stops: the next chapter's start, else the episode's end; null when unknown. */
    end: SecondsSchema.nullable(),
    title: z.string().max(EPISODE_LIMITS.title),
    /** The chapter's technology slugs (Chapter.tech). */
    tech: z
      .array(TechSlugSchema)
      .max(EPISODE_LIMITS.chapterTech)
      .transform((slugs) => [...new Set(slugs)]),
    episode: ChapterEpisodeSchema,
    savedAt: InstantSchema,
  })
  .refine((chapter) => chapter.end === null || chapter.end > chapter.start, {
    message: 'a chapter must end after it starts',
    path: ['end'],
  });
export type SavedChapter = z.infer<typeof SavedChapterSchema>;

/** Which chapter: its episode and start. */
export const ChapterRefSchema = z.object({ episodeId: EpisodeSchema.shape.id, start: SecondsSchema });
export type ChapterRef = z.infer<typeof ChapterRefSchema>;

/** Saved chapters a backup or a library may hold. */
export const MAX_SAVED_CHAPTERS = 100_000;

/**
 * The saved chapter for the chapter of `episode` starting at `start`, or null when the episode has no
 * chapter there. Its end is the chapter's own, else the next chapter's start, else the episode's duration.
 * @example
 * savedChapterOf(episode, 754, new Date())?.end // 1480, the next chapter's start
 */
export function savedChapterOf(episode: Episode, start: number, savedAt: Date): SavedChapter | null {
  const index = episode.chapters.findIndex((chapter) => chapter.start === start);
  if (index < 0) return null;
  const chapter = episode.chapters[index]!;
  const next = episode.chapters[index + 1];
  const candidates = [chapter.end, next?.start, episode.durationSeconds];
  const end = candidates.find((value): value is number => typeof value === 'number' && value > start) ?? null;
  return {
    episodeId: episode.id,
    start,
    end,
    title: chapter.title,
    tech: [...chapterTechOf(chapter)],
    episode: {
      title: episode.title,
      podcast: episode.podcast,
      date: episode.date,
      durationSeconds: episode.durationSeconds,
      url: episode.url,
      audioUrl: episode.audioUrl,
    },
    savedAt: savedAt.toISOString(),
  };
}

/**
 * A saved chapter with its fields in the schema's order, for stable backups.
 * @example JSON.stringify(savedChapterForBackup(chapter))
 */
export function savedChapterForBackup(chapter: SavedChapter): SavedChapter {
  const { episode } = chapter;
  return {
    episodeId: chapter.episodeId,
    start: chapter.start,
    end: chapter.end,
    title: chapter.title,
    tech: [...chapter.tech],
    episode: {
      title: episode.title,
      podcast: episode.podcast,
      date: episode.date,
      durationSeconds: episode.durationSeconds,
      url: episode.url,
      audioUrl: episode.audioUrl,
    },
    savedAt: chapter.savedAt,
  };
}

// Chapters stored before schema 7 (and chapters from older backups) get their technologies from their titles.
import { chapterTech } from '@/utils/tech/chapter-tech';
import type { SavedEpisode } from './record';

/**
 * The record with a `tech` list on every chapter, computed from the chapter's title with the episode's
 * technologies vouching for ambiguous names; the same record when every chapter already has one. Only
 * titles: the record does not keep the show notes, so what the notes nested under a chapter is unknown.
 * @example
 * withChapterTech(oldRecord).chapters[0].tech // ['nginx']
 */
export function withChapterTech<T extends Pick<SavedEpisode, 'chapters' | 'tech'>>(record: T): T {
  if (record.chapters.every((chapter) => chapter.tech !== undefined)) return record;
  return {
    ...record,
    chapters: record.chapters.map((chapter) =>
      chapter.tech !== undefined
        ? chapter
        : { ...chapter, tech: chapterTech({ title: chapter.title, episodeTech: record.tech }) },
    ),
  };
}

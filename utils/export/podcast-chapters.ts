// Podcasting 2.0 JSON chapters (podcastindex-org/podcast-namespace, chapters/jsonChapters.md, version 1.2.0).
import type { Episode } from '../model';
import type { ChapterFormat } from './chapter-format';
import { exportChapters } from './chapters';
import { exportTitle, oneLine } from './escape';

/** One chapter object of the Podcasting 2.0 chapters file. */
export interface PodcastChapter {
  startTime: number;
  endTime?: number;
  title: string;
}

/** The Podcasting 2.0 chapters document (only the fields we can fill honestly). */
export interface PodcastChaptersDocument {
  version: '1.2.0';
  title?: string;
  podcastName?: string;
  chapters: PodcastChapter[];
}

/**
 * The episode's chapters as a Podcasting 2.0 chapters object; `endTime` is written only when it is known.
 * @example toPodcastChaptersDocument(episode) // { version: '1.2.0', chapters: [{ startTime: 0, endTime: 105, title: 'Intro' }] }
 */
export function toPodcastChaptersDocument(episode: Episode): PodcastChaptersDocument {
  const document: PodcastChaptersDocument = { version: '1.2.0', chapters: [] };
  const title = episode.title === null ? '' : oneLine(episode.title);
  const podcastName = episode.podcast === null ? '' : oneLine(episode.podcast);
  if (title) document.title = title;
  if (podcastName) document.podcastName = podcastName;
  document.chapters = exportChapters(episode).map((chapter, index) => {
    const title = exportTitle(chapter.title, index);
    // Key order as the spec's examples write it: startTime, endTime, title.
    return chapter.end !== null && chapter.end > chapter.start
      ? { startTime: chapter.start, endTime: chapter.end, title }
      : { startTime: chapter.start, title };
  });
  return document;
}

/**
 * The episode's chapters as a Podcasting 2.0 `chapters.json` text (JSON.stringify does all the escaping).
 * @example toPodcastChapters(episode) // '{\n  "version": "1.2.0",\n  "chapters": [ … ]\n}\n'
 */
export function toPodcastChapters(episode: Episode): string {
  return `${JSON.stringify(toPodcastChaptersDocument(episode), null, 2)}\n`;
}

export const PODCAST_CHAPTERS_FORMAT: ChapterFormat = {
  label: 'Podcasting 2.0 chapters (JSON)',
  name: 'JSON',
  help: 'Podcasting 2.0 JSON chapters (version 1.2.0); several episodes: a JSON array of them',
  extension: 'json',
  mime: 'application/json+chapters',
  write: toPodcastChapters,
  writeSeveral(episodes) {
    if (episodes.length === 1) return toPodcastChapters(episodes[0]!);
    if (episodes.length === 0) return `${JSON.stringify({ version: '1.2.0', chapters: [] }, null, 2)}\n`;
    return `${JSON.stringify(episodes.map(toPodcastChaptersDocument), null, 2)}\n`;
  },
};

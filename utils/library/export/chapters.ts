// One episode's chapters as a downloadable file, in the formats the shared chapter exporters write.
import { toPodcastChapters, toPsc, toWebVtt } from '../../export';
import { episodeOf, type SavedEpisode } from '../record';
import { exportFileName } from './filename';
import type { ExportFile } from './file';

export const CHAPTER_FORMATS = {
  json: {
    label: 'Podcasting 2.0 chapters (JSON)',
    extension: 'json',
    mime: 'application/json+chapters',
    render: toPodcastChapters,
  },
  vtt: { label: 'WebVTT chapters', extension: 'vtt', mime: 'text/vtt', render: toWebVtt },
  psc: { label: 'Podlove Simple Chapters', extension: 'psc.xml', mime: 'application/xml', render: toPsc },
} as const;
export type ChapterFormat = keyof typeof CHAPTER_FORMATS;

/**
 * @example
 * chapterFile(saved, 'vtt', new Date()) // { name: 'stackcast-…-chapters-2026-11-22.vtt', type: 'text/vtt', text: 'WEBVTT…' }
 */
export function chapterFile(episode: SavedEpisode, format: ChapterFormat, date: Date): ExportFile {
  const spec = CHAPTER_FORMATS[format];
  return {
    name: exportFileName(spec.extension, date, episode.title),
    type: spec.mime,
    text: spec.render(episodeOf(episode)),
  };
}

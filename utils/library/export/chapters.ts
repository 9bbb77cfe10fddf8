// One episode's chapters as a downloadable file, in any format of the chapter registry.
import { CHAPTER_FORMATS, type ChapterFormatId } from '../../export/formats';
import { episodeOf, type SavedEpisode } from '../record';
import { exportFileName } from '../../export/filename';
import type { ExportFile } from '../../export/file';

/**
 * @example
 * chapterFile(saved, 'webvtt', new Date()) // { name: 'stackcast-…-chapters-2026-11-22.vtt', type: 'text/vtt', text: 'WEBVTT…' }
 */
export function chapterFile(episode: SavedEpisode, format: ChapterFormatId, date: Date): ExportFile {
  const spec = CHAPTER_FORMATS[format];
  return {
    name: exportFileName(spec.extension, date, episode.title),
    type: spec.mime,
    text: spec.write(episodeOf(episode)),
  };
}

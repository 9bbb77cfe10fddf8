// Library exports by kind: the one place the page asks for a file of the current view or selection.
import type { SavedEpisode } from '../record';
import { toBackupJson } from '../backup';
import { toBookmarksHtml } from '../../export/bookmarks';
import { toCsv } from '../../export/csv';
import type { ExportFile } from '../../export/file';
import { exportFileName } from '../../export/filename';
import { toOpml } from '../../export/opml';
import { toReadingList } from '../../export/reading-list';
import { toTopicList } from '../../export/topic-list';
import { toM3u } from '../../export/m3u';
import type { SavedChapter } from '../saved-chapter-record';
import { queryChapters, type ChapterFilter } from '../query/chapters';

/** What a list format is given besides the episodes. */
export interface LibraryExportOptions {
  exportedAt: Date;
  /** With a technology filter in the view, a reading list by technology groups only under those. */
  technologies?: string[];
  /** The library's saved chapters: the JSON backup carries them; the chapter formats list them too. */
  savedChapters?: readonly SavedChapter[];
  /** Which chapters the chapter formats write (the Chapters view's filter); absent: the view's technologies. */
  chapterFilter?: ChapterFilter;
}

/** The chapters a chapter format writes: the episodes' (and saved ones') that the filter selects. */
function chaptersOf(episodes: readonly SavedEpisode[], options: LibraryExportOptions) {
  const filter = options.chapterFilter ?? { tech: options.technologies ?? [], techMode: 'any' as const };
  return queryChapters(episodes, options.savedChapters ?? [], filter);
}

/** A format of the library's export menu: a new one is a file in utils/export/ and an entry here. */
export interface LibraryExportFormat {
  label: string;
  extension: string;
  /** The file's MIME type. */
  type: string;
  write(episodes: readonly SavedEpisode[], options: LibraryExportOptions): string;
  /** False when the format never writes chapters: a streamed export then drops them as it reads. */
  readsChapters?: false;
  /** A list of chapters rather than episodes: offered in the Chapters view. */
  listsChapters?: true;
}

export const LIBRARY_EXPORTS = {
  'markdown-technology': {
    label: 'Markdown reading list, by technology',
    extension: 'md',
    type: 'text/markdown',
    write: (episodes, { exportedAt, technologies }) =>
      toReadingList(episodes, { groupBy: 'technology', technologies, exportedAt }),
  },
  'markdown-podcast': {
    label: 'Markdown reading list, by podcast',
    extension: 'md',
    type: 'text/markdown',
    write: (episodes, { exportedAt }) => toReadingList(episodes, { groupBy: 'podcast', exportedAt }),
  },
  json: {
    label: 'JSON backup',
    extension: 'json',
    type: 'application/json',
    write: (episodes, { exportedAt, savedChapters }) => toBackupJson(episodes, exportedAt, savedChapters),
  },
  csv: {
    label: 'CSV (spreadsheet)',
    extension: 'csv',
    type: 'text/csv',
    write: (episodes) => toCsv(episodes),
  },
  bookmarks: {
    label: 'Browser bookmarks (HTML)',
    extension: 'html',
    type: 'text/html',
    write: (episodes, { exportedAt }) => toBookmarksHtml(episodes, exportedAt),
    readsChapters: false,
  },
  opml: {
    label: 'OPML outline',
    extension: 'opml',
    type: 'text/x-opml',
    write: (episodes, { exportedAt }) => toOpml(episodes, exportedAt),
    readsChapters: false,
  },
  'topic-markdown': {
    label: 'Topic reading list: chapters by technology (Markdown)',
    extension: 'md',
    type: 'text/markdown',
    write: (episodes, options) =>
      toTopicList(chaptersOf(episodes, options), {
        exportedAt: options.exportedAt,
        technologies: options.chapterFilter?.tech ?? options.technologies,
      }),
    listsChapters: true,
  },
  m3u: {
    label: 'M3U playlist of the chapters',
    extension: 'm3u',
    type: 'audio/x-mpegurl',
    write: (episodes, options) => toM3u(chaptersOf(episodes, options)),
    listsChapters: true,
  },
} as const satisfies Record<string, LibraryExportFormat>;
export type LibraryExportKind = keyof typeof LIBRARY_EXPORTS;

/**
 * Write the episodes (in the order given) in one of the library formats.
 * @example
 * exportLibrary('json', episodes, { exportedAt: new Date() }).name // 'stackcast-library-2026-11-22.json'
 */
export function exportLibrary(
  kind: LibraryExportKind,
  episodes: readonly SavedEpisode[],
  options: LibraryExportOptions,
): ExportFile {
  const spec: LibraryExportFormat = LIBRARY_EXPORTS[kind];
  return {
    name: exportFileName(spec.extension, options.exportedAt),
    type: spec.type,
    text: spec.write(episodes, options),
  };
}

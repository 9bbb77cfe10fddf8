// Library exports by kind: the one place the page asks for a file of the current view or selection.
import type { SavedEpisode } from '../record';
import { toBackupJson } from '../backup';
import { toBookmarksHtml } from '../../export/bookmarks';
import { toCsv } from '../../export/csv';
import type { ExportFile } from '../../export/file';
import { exportFileName } from '../../export/filename';
import { toOpml } from '../../export/opml';
import { toReadingList } from '../../export/reading-list';

/** What a list format is given besides the episodes. */
export interface LibraryExportOptions {
  exportedAt: Date;
  /** With a technology filter in the view, a reading list by technology groups only under those. */
  technologies?: string[];
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
    write: (episodes, { exportedAt }) => toBackupJson(episodes, exportedAt),
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

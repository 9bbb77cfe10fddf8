// Library exports by kind: the one place the page asks for a file of the current view or selection.
import type { SavedEpisode } from '../record';
import { toBackupJson } from '../backup';
import { toBookmarksHtml } from '../../export/bookmarks';
import { toCsv } from '../../export/csv';
import type { ExportFile } from '../../export/file';
import { exportFileName } from '../../export/filename';
import { toOpml } from '../../export/opml';
import { toReadingList } from '../../export/reading-list';

export const LIBRARY_EXPORTS = {
  'markdown-technology': {
    label: 'Markdown reading list, by technology',
    extension: 'md',
    type: 'text/markdown',
  },
  'markdown-podcast': { label: 'Markdown reading list, by podcast', extension: 'md', type: 'text/markdown' },
  json: { label: 'JSON backup', extension: 'json', type: 'application/json' },
  csv: { label: 'CSV (spreadsheet)', extension: 'csv', type: 'text/csv' },
  bookmarks: { label: 'Browser bookmarks (HTML)', extension: 'html', type: 'text/html' },
  opml: { label: 'OPML outline', extension: 'opml', type: 'text/x-opml' },
} as const;
export type LibraryExportKind = keyof typeof LIBRARY_EXPORTS;

/**
 * Write the episodes (in the order given) in one of the library formats.
 * @example
 * exportLibrary('json', episodes, { exportedAt: new Date() }).name // 'stackcast-library-2026-11-22.json'
 */
export function exportLibrary(
  kind: LibraryExportKind,
  episodes: readonly SavedEpisode[],
  options: { exportedAt: Date; technologies?: string[] },
): ExportFile {
  const spec = LIBRARY_EXPORTS[kind];
  const name = exportFileName(spec.extension, options.exportedAt);
  const text = (() => {
    switch (kind) {
      case 'markdown-technology':
        return toReadingList(episodes, {
          groupBy: 'technology',
          technologies: options.technologies,
          exportedAt: options.exportedAt,
        });
      case 'markdown-podcast':
        return toReadingList(episodes, { groupBy: 'podcast', exportedAt: options.exportedAt });
      case 'json':
        return toBackupJson(episodes, options.exportedAt);
      case 'csv':
        return toCsv(episodes);
      case 'bookmarks':
        return toBookmarksHtml(episodes, options.exportedAt);
      case 'opml':
        return toOpml(episodes, options.exportedAt);
    }
  })();
  return { name, type: spec.type, text };
}

// The library page's export job: the episodes asked for, written to one file by workers or by the page.
import type { LibraryService } from '@/utils/library/service';
import type { LibraryExportKind } from '@/utils/library/export';
import { streamLibraryExport } from '@/utils/library/export/stream';
import { exportReadingListInWorkers, type MarkdownWorker } from '@/utils/library/export/markdown-workers';
import type { SavedChapter } from '@/utils/library/saved-chapter-record';
import { measured } from './download';

export interface ExportJob {
  service: LibraryService;
  kind: LibraryExportKind;
  /** The episodes, in the order the file lists them. */
  ids: string[];
  exportedAt: Date;
  /** The view's technologies (a reading list by technology lists these first). */
  technologies: string[];
  /** The library's saved chapters, for the formats that carry them (the JSON backup). */
  savedChapters?: readonly SavedChapter[];
  /** Starts a Markdown export worker. */
  spawnWorker: () => MarkdownWorker;
  /** Starts workers ahead of the next export. */
  warmWorkers: () => void;
}

/**
 * The file of an export, measured from the call to the finished file (reading the full records is part of the
 * cost). Reading lists are written by workers (their own heaps: the page's made garbage collection most of a
 * 10,000-episode export); where no worker can start, by the page as every other format is.
 * @example
 * const file = await exportEpisodes({ service, kind: 'json', ids, exportedAt: new Date(), technologies: [], ... });
 * downloadBlob(file.name, file.blob);
 */
export function exportEpisodes(job: ExportJob): Promise<{ name: string; blob: Blob; count: number }> {
  const { service, kind, ids, exportedAt, technologies, savedChapters } = job;
  return measured(`export-${kind}`, async () => {
    if (kind === 'markdown-technology' || kind === 'markdown-podcast') {
      const options = { exportedAt, technologies, dbName: service.db.name, spawn: job.spawnWorker };
      const inWorkers = await exportReadingListInWorkers(kind, ids, options);
      if (inWorkers) {
        // Lets the end-to-end test tell the workers' file from the page's (their bytes are the same).
        performance.mark('stackcast:export-by-workers');
        job.warmWorkers();
        return inWorkers;
      }
    }
    return streamLibraryExport(kind, ids, (slice) => service.recordTexts(slice), {
      exportedAt,
      technologies,
      savedChapters,
      readAnyOrder: (slice) => service.recordTextsByShelf(slice),
    });
  });
}

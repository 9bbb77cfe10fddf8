// Library exports written a slice of full records at a time into a Blob, so a 100,000-episode export
// neither holds every record nor one giant string, and the page stays responsive while it is built.
import type { SavedEpisode } from '../record';
import { parseStored } from '../shelves';
import { backupShell, toBackupJson } from '../backup';
import { toCsv } from '../../export/csv';
import { exportFileName } from '../../export/filename';
import {
  exportLibrary,
  LIBRARY_EXPORTS,
  type LibraryExportFormat,
  type LibraryExportKind,
  type LibraryExportOptions,
} from './index';
import { ReadingListBytes } from './reading-list-bytes';

/** A finished export, ready to download. */
export interface ExportBlob {
  name: string;
  type: string;
  blob: Blob;
  /** Episodes written. */
  count: number;
}

/**
 * Full records for these ids in this order, a slice at a time, as their backup text (`episodeBackupText`,
 * see LibraryService.recordTexts): a JSON export writes them as they are, the other formats parse them.
 */
export type RecordReader = (ids: readonly string[]) => AsyncIterable<string[]>;

/**
 * The same texts with their positions in `ids`, in any order (see LibraryService.recordTextsByShelf):
 * formats that group records (the reading lists) read this way, never holding every text at once.
 */
export type UnorderedRecordReader = (
  ids: readonly string[],
) => AsyncIterable<{ positions: number[]; texts: string[] }>;

/** An ordered reader's texts, positioned by how many came before (its missing ids are skipped alike). */
async function* positioned(
  texts: AsyncIterable<string[]>,
): AsyncGenerator<{ positions: number[]; texts: string[] }> {
  let position = 0;
  for await (const slice of texts) yield { positions: slice.map(() => position++), texts: slice };
}

/** Text pieces become a Blob part every few megabytes: the strings can then be collected. */
const PART_BYTES = 4 * 1024 * 1024;

class BlobWriter {
  private readonly blobs: Blob[] = [];
  private pending: string[] = [];
  private pendingLength = 0;

  write(text: string): void {
    this.pending.push(text);
    this.pendingLength += text.length;
    if (this.pendingLength >= PART_BYTES) this.flush();
  }

  /** A finished part (after any text written before it). */
  writeBlob(blob: Blob): void {
    this.flush();
    this.blobs.push(blob);
  }

  private flush(): void {
    if (this.pending.length === 0) return;
    this.blobs.push(new Blob(this.pending));
    this.pending = [];
    this.pendingLength = 0;
  }

  finish(type: string): Blob {
    this.flush();
    return new Blob(this.blobs, { type: `${type};charset=utf-8` });
  }
}

/** Let the page handle input and paint between slices. */
const breathe = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

/** Formats that never list chapters (bookmarks, OPML) drop them: 100,000 records stay small in memory. */
function withoutChapters(episode: SavedEpisode): SavedEpisode {
  return { ...episode, chapters: [] };
}

/**
 * Export these episodes (ids in the order to write) as one of the library formats, byte for byte the
 * same as `exportLibrary`, reading full records a slice at a time.
 * @example
 * const file = await streamLibraryExport('json', ids, (ids) => library.recordTexts(ids), { exportedAt: new Date() });
 */
export async function streamLibraryExport(
  kind: LibraryExportKind,
  ids: readonly string[],
  read: RecordReader,
  options: LibraryExportOptions & { readAnyOrder?: UnorderedRecordReader },
): Promise<ExportBlob> {
  const spec: LibraryExportFormat = LIBRARY_EXPORTS[kind];
  const name = exportFileName(spec.extension, options.exportedAt);
  const writer = new BlobWriter();
  let count = 0;
  switch (kind) {
    case 'json': {
      const [head, tail] = backupShell(options.exportedAt, options.savedChapters);
      let first = true;
      for await (const slice of read(ids)) {
        if (slice.length === 0) continue;
        if (first) writer.write(head);
        else writer.write(',\n');
        writer.write(slice.join(',\n'));
        first = false;
        count += slice.length;
        await breathe();
      }
      if (first) writer.write(toBackupJson([], options.exportedAt, options.savedChapters));
      else writer.write(tail);
      break;
    }
    case 'csv': {
      for await (const slice of read(ids)) {
        if (slice.length === 0) continue;
        const text = toCsv(slice.map(parseStored));
        // Every slice but the first loses its header line.
        writer.write(count === 0 ? text : text.slice(text.indexOf('\r\n') + 2));
        count += slice.length;
        await breathe();
      }
      if (count === 0) writer.write(toCsv([]));
      break;
    }
    case 'markdown-technology':
    case 'markdown-podcast': {
      const groupBy = kind === 'markdown-technology' ? 'technology' : 'podcast';
      const list = new ReadingListBytes({
        groupBy,
        technologies: groupBy === 'technology' ? options.technologies : undefined,
        exportedAt: options.exportedAt,
      });
      for await (const { positions, texts } of options.readAnyOrder
        ? options.readAnyOrder(ids)
        : positioned(read(ids))) {
        // Each record is parsed only to be written, and let go at once.
        for (let i = 0; i < texts.length; i++) list.add(parseStored(texts[i]!), positions[i]);
        count += texts.length;
        await breathe();
      }
      for (const part of list.parts()) {
        writer.writeBlob(part);
        await breathe();
      }
      break;
    }
    default: {
      // Formats that need the whole list at once (they group it): records read a slice at a time, kept
      // without their chapters when the format never writes them.
      const readsChapters = spec.readsChapters !== false;
      const episodes: SavedEpisode[] = [];
      for await (const slice of read(ids)) {
        for (const text of slice) {
          const episode = parseStored(text);
          episodes.push(readsChapters ? episode : withoutChapters(episode));
        }
        await breathe();
      }
      count = episodes.length;
      writer.write(exportLibrary(kind, episodes, options).text);
      break;
    }
  }
  return { name, type: spec.type, blob: writer.finish(spec.type), count };
}

// Importing a JSON backup: everything is checked before anything is written, then merged in one transaction.
import { z } from 'zod';
import { BACKUP_FORMAT, BACKUP_VERSION, BackupSchema, type Backup } from './backup';
import { SavedEpisodeSchema, tagsLeftOut, type SavedEpisode } from './record';
import { prepareRecord, type PreparedRecord } from './prepared';
import { truncateText } from '../text-limits';
import type { LibraryService } from './service';
import type { MergeReport } from './import-merge';
import { MAX_SAVED_CHAPTERS, SavedChapterSchema, type SavedChapter } from './saved-chapter-record';
import { SavedChapters, type SavedChaptersMergeReport } from './saved-chapters';

/** Episodes validated between two chances for the page to paint (an import never freezes it for long). */
const VALIDATION_SLICE = 500;

/** The envelope alone: episodes are checked one at a time below, with the same rules and paths. */
const EnvelopeSchema = BackupSchema.extend({
  episodes: z.array(z.unknown()).max(1_000_000),
  savedChapters: z.array(z.unknown()).max(MAX_SAVED_CHAPTERS).optional(),
});

/** Files larger than this are refused before they are read. */
export const MAX_BACKUP_BYTES = 100 * 1024 * 1024;

/** Why a backup cannot be imported; the message names the file's problem and where it is. */
export class BackupImportError extends Error {
  override readonly name = 'BackupImportError';
}

function pathOf(path: readonly PropertyKey[]): string {
  return path.reduce<string>(
    (out, key) => (typeof key === 'number' ? `${out}[${key}]` : out ? `${out}.${String(key)}` : String(key)),
    '',
  );
}

function describeIssues(found: readonly z.core.$ZodIssue[]): string {
  const issues = found.slice(0, 3).map((issue) => `${pathOf(issue.path) || '(file)'}: ${issue.message}`);
  const more = found.length > 3 ? ` (and ${found.length - 3} more problems)` : '';
  return issues.join('; ') + more;
}

/** ` (episode "…")`: the title (or id) of a refused episode, so the listener can find it; '' when it has neither. */
function episodeName(item: unknown): string {
  if (typeof item !== 'object' || item === null) return '';
  const { title, id } = item as { title?: unknown; id?: unknown };
  const name = typeof title === 'string' && title.trim() ? title : typeof id === 'string' ? id : '';
  const line = name.replace(/\s+/g, ' ').trim();
  return line ? ` (episode ${JSON.stringify(truncateText(line, 80, '…'))})` : '';
}

/**
 * The whole check of a backup's text, pausing (`yield`) after each slice of episodes so an async caller
 * can let the page paint; every episode is checked before the result is returned.
 */
function* checkBackup<T>(
  text: string,
  keep: (episode: SavedEpisode, leftOut: number) => T,
): Generator<
  void,
  Omit<Backup, 'episodes' | 'savedChapters'> & { episodes: T[]; savedChapters: SavedChapter[] }
> {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (error) {
    throw new BackupImportError(
      `This file is not valid JSON (${(error as Error).message}). Choose a Stackcast library backup (.json).`,
    );
  }
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    throw new BackupImportError(
      'This file is not a Stackcast library backup: expected a JSON object with "format": "stackcast-library".',
    );
  }
  const { format, version } = raw as { format?: unknown; version?: unknown };
  if (format !== BACKUP_FORMAT) {
    throw new BackupImportError(
      `This file is not a Stackcast library backup: format is ${JSON.stringify(format) ?? 'missing'}, expected "${BACKUP_FORMAT}".`,
    );
  }
  if (typeof version === 'number' && version > BACKUP_VERSION) {
    throw new BackupImportError(
      `This backup is version ${version}, written by a newer Stackcast; this one reads version ${BACKUP_VERSION}. Update the extension, then import again.`,
    );
  }
  if (version !== BACKUP_VERSION) {
    throw new BackupImportError(
      `Unsupported backup version ${JSON.stringify(version) ?? '(missing)'}: expected ${BACKUP_VERSION}.`,
    );
  }
  // Keep the checked envelope fields only: its episodes array (zod's copy of the file's) would keep every
  // parsed episode alive after its checked copy is made.
  const { head, issues } = ((): {
    head: Omit<Backup, 'episodes' | 'savedChapters'> | null;
    issues: z.core.$ZodIssue[];
  } => {
    const envelope = EnvelopeSchema.safeParse(raw);
    if (!envelope.success) return { head: null, issues: [...envelope.error.issues] };
    return {
      head: {
        format: envelope.data.format,
        version: envelope.data.version,
        exportedAt: envelope.data.exportedAt,
      },
      issues: [],
    };
  })();
  const items = (raw as { episodes?: unknown }).episodes;
  const episodes: T[] = [];
  if (Array.isArray(items) && items.length <= 1_000_000) {
    for (let index = 0; index < items.length; index++) {
      const parsed = SavedEpisodeSchema.safeParse(items[index]);
      const named = parsed.success ? '' : episodeName(items[index]);
      const leftOut = parsed.success
        ? tagsLeftOut((items[index] as { tags?: unknown }).tags, parsed.data.tags)
        : 0;
      // The checked copy replaces the parsed one: letting the parsed one go now lowers the heap an import
      // peaks at (each copy is dozens of objects per episode), and with it the garbage collector's work.
      items[index] = null;
      // Once an episode failed nothing is imported: the rest are only checked, for the message.
      if (parsed.success) {
        if (issues.length === 0) episodes.push(keep(parsed.data, leftOut));
      } else
        for (const issue of parsed.error.issues)
          issues.push({ ...issue, message: issue.message + named, path: ['episodes', index, ...issue.path] });
      if ((index + 1) % VALIDATION_SLICE === 0) yield;
    }
  }
  // Chapters saved on their own (schema 7 backups; older ones have none), checked like the episodes.
  const savedChapters: SavedChapter[] = [];
  const chapterItems = (raw as { savedChapters?: unknown }).savedChapters;
  if (Array.isArray(chapterItems) && chapterItems.length <= MAX_SAVED_CHAPTERS) {
    for (let index = 0; index < chapterItems.length; index++) {
      const parsed = SavedChapterSchema.safeParse(chapterItems[index]);
      if (parsed.success) savedChapters.push(parsed.data);
      else
        for (const issue of parsed.error.issues)
          issues.push({ ...issue, path: ['savedChapters', index, ...issue.path] });
      if ((index + 1) % VALIDATION_SLICE === 0) yield;
    }
  }
  if (issues.length > 0 || !head)
    throw new BackupImportError(`Nothing was imported: ${describeIssues(issues)}.`);
  return { ...head, episodes, savedChapters };
}

/**
 * Parse and fully validate a backup's text. Throws BackupImportError naming what is wrong.
 * @example
 * parseBackup('{"format":"stackcast-library","version":1,"exportedAt":"…","episodes":[]}').episodes // []
 */
export function parseBackup(text: string): Backup {
  const check = checkBackup(text, (episode) => episode);
  for (let step = check.next(); ; step = check.next()) if (step.done) return withoutEmptyChapters(step.value);
}

/** A backup without saved chapters reads as one written before they existed (no `savedChapters` key). */
function withoutEmptyChapters(backup: Backup & { savedChapters: SavedChapter[] }): Backup {
  if (backup.savedChapters.length > 0) return backup;
  const { savedChapters: _none, ...rest } = backup;
  return rest;
}

/**
 * `parseBackup`, letting the page paint between slices of episodes (same checks, same messages).
 * @example
 * const backup = await parseBackupInSlices(await file.text());
 */
export async function parseBackupInSlices(text: string): Promise<Backup> {
  return withoutEmptyChapters(await finishInSlices(checkBackup(text, (episode) => episode)));
}

/** A backup checked and ready to store: its episodes as prepared records, and its saved chapters. */
export interface PreparedBackup {
  records: PreparedRecord[];
  savedChapters: SavedChapter[];
}

/** What an import did: the episodes' merge, and the saved chapters' when the file had any. */
export type ImportReport = MergeReport & { savedChapters?: SavedChaptersMergeReport };

/** An imported episode prepared for storage, noting the tags its import left out. */
function preparedImport(episode: SavedEpisode, leftOut: number): PreparedRecord {
  const prepared = prepareRecord(episode);
  if (leftOut > 0) prepared.tagsLeftOut = leftOut;
  return prepared;
}

async function finishInSlices<T>(check: Generator<void, T>): Promise<T> {
  for (let step = check.next(); ; step = check.next()) {
    if (step.done) return step.value;
    await new Promise<void>((resolve) => setTimeout(resolve, 0));
  }
}

/**
 * Import a backup file into the library: size check, read, validate, merge (the episodes in one transaction,
 * then the saved chapters in another). Nothing is written unless the whole file checks out.
 * @example
 * const report = await importBackup(file, library); // { added: 3, updated: 1, unchanged: 0 }
 */
export async function importBackup(
  file: Pick<Blob, 'size' | 'text'>,
  library: LibraryService,
  options: {
    /**
     * Check and prepare the file elsewhere (a worker, see prepareInWorker); null: it could not, check here.
     * A bare list of records is a file checked without its saved chapters.
     */
    prepareOffPage?: () => Promise<PreparedBackup | PreparedRecord[] | null>;
    /** Where saved chapters merge (default: the library's database). */
    savedChapters?: Pick<SavedChapters, 'mergeSavedChapters'>;
  } = {},
): Promise<ImportReport> {
  if (file.size > MAX_BACKUP_BYTES) {
    const mb = (file.size / 1024 / 1024).toFixed(1);
    throw new BackupImportError(
      `This file is ${mb} MB; backups over ${MAX_BACKUP_BYTES / 1024 / 1024} MB are refused. Choose a Stackcast library backup.`,
    );
  }
  // Checked and prepared by a worker where one can start (its own heap: the checked objects would be
  // garbage on the page's), else here, a slice at a time.
  const offPage = await options.prepareOffPage?.();
  const prepared: PreparedBackup = Array.isArray(offPage)
    ? { records: offPage, savedChapters: [] }
    : (offPage ?? preparedBackupOf(await finishInSlices(checkBackup(await file.text(), preparedImport))));
  const report: ImportReport = await library.mergePrepared(prepared.records);
  if (prepared.savedChapters.length > 0) {
    const chapters = options.savedChapters ?? new SavedChapters(library.db);
    report.savedChapters = await chapters.mergeSavedChapters(prepared.savedChapters);
  }
  return report;
}

function preparedBackupOf(checked: {
  episodes: PreparedRecord[];
  savedChapters: SavedChapter[];
}): PreparedBackup {
  return { records: checked.episodes, savedChapters: checked.savedChapters };
}

/** A worker's answer to a backup file: its prepared records, or why it cannot be imported. */
export type ImportCheckResult =
  | { ok: true; records: PreparedRecord[]; savedChapters?: SavedChapter[] }
  | { ok: false; message: string; backupError: boolean };

/**
 * The import's check and preparation by a worker: the prepared records, `null` when the worker cannot
 * run (the page then checks the file itself), or the BackupImportError (or other error) it reported.
 * @example
 * await importBackup(file, library, { prepareOffPage: () => prepareInWorker(file, () => new ImportWorker()) });
 */
export function prepareInWorker(file: Blob, spawn: () => Worker): Promise<PreparedBackup | null> {
  return new Promise((resolve, reject) => {
    let worker: Worker;
    try {
      worker = spawn();
    } catch {
      resolve(null);
      return;
    }
    const unavailable = () => {
      worker.terminate();
      resolve(null);
    };
    worker.addEventListener('error', unavailable);
    worker.addEventListener('messageerror', unavailable);
    worker.addEventListener('message', (event: MessageEvent<ImportCheckResult>) => {
      worker.terminate();
      const result = event.data;
      if (result.ok) resolve({ records: result.records, savedChapters: result.savedChapters ?? [] });
      else reject(result.backupError ? new BackupImportError(result.message) : new Error(result.message));
    });
    worker.postMessage(file);
  });
}

/**
 * A backup's episodes checked and prepared for storage, all at once (a worker's share of an import:
 * nothing to paint there). Throws BackupImportError as `importBackup` would.
 * @example
 * const records = prepareBackup(await file.text()); await library.mergePrepared(records);
 */
export function prepareBackup(text: string): PreparedRecord[] {
  const check = checkBackup(text, preparedImport);
  for (let step = check.next(); ; step = check.next()) if (step.done) return step.value.episodes;
}

/**
 * A backup checked and prepared for storage, all at once, with its saved chapters (what the import worker
 * posts back). Throws BackupImportError as `importBackup` would.
 * @example
 * const { records, savedChapters } = prepareBackupFile(await file.text());
 */
export function prepareBackupFile(text: string): PreparedBackup {
  const check = checkBackup(text, preparedImport);
  for (let step = check.next(); ; step = check.next()) if (step.done) return preparedBackupOf(step.value);
}

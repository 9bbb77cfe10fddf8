// JSON backup: a versioned envelope around the saved episodes, with the zod schema imports are checked against.
// It lives with the storage, not the export formats: each stored record is its episode's backup text.
import { z } from 'zod';
import { InstantSchema, SavedEpisodeSchema, toSaved, type SavedEpisode } from './record';
import {
  MAX_SAVED_CHAPTERS,
  SavedChapterSchema,
  savedChapterForBackup,
  type SavedChapter,
} from './saved-chapter-record';

export const BACKUP_FORMAT = 'stackcast-library';
export const BACKUP_VERSION = 1;

export const BackupSchema = z.object({
  format: z.literal(BACKUP_FORMAT),
  version: z.literal(BACKUP_VERSION),
  exportedAt: InstantSchema,
  episodes: z.array(SavedEpisodeSchema).max(1_000_000),
  /**
   * Chapters saved on their own (library schema 7), after the episodes; absent when there are none, so a
   * library without saved chapters writes the same bytes as before and older backups still read.
   */
  savedChapters: z.array(SavedChapterSchema).max(MAX_SAVED_CHAPTERS).optional(),
});
export type Backup = z.infer<typeof BackupSchema>;

/** `[[episode]]` indented by 2 puts the episode at the depth the envelope's episodes array gives it. */
const NESTING_HEAD = '[\n  [\n'.length;
const NESTING_TAIL = '\n  ]\n]'.length;

/**
 * One episode exactly as it stands in a backup file: its JSON at the depth of the envelope's episodes
 * array (4 spaces before its braces), in the field order of `toSaved`. The library stores each full
 * record as this text, so a JSON export only joins stored strings; this is the one encoder of it.
 * @example
 * episodeBackupText(saved) // '    {\n      "id": "https://…",\n      "title": …\n    }'
 */
export function episodeBackupText(episode: SavedEpisode): string {
  const text = JSON.stringify([[toSaved(episode)]], null, 2);
  return text.slice(NESTING_HEAD, text.length - NESTING_TAIL);
}

/**
 * The backup file around its episodes: the text before the first episode and after the last (with the saved
 * chapters, if any), each episode's text (`episodeBackupText`) joined by `,\n` in between. With no episodes,
 * use `toBackupJson`.
 * @example
 * const [head, tail] = backupShell(new Date(), savedChapters); head + texts.join(',\n') + tail
 */
export function backupShell(
  exportedAt: Date,
  savedChapters: readonly SavedChapter[] = [],
): [head: string, tail: string] {
  const shell = JSON.stringify(
    {
      format: BACKUP_FORMAT,
      version: BACKUP_VERSION,
      exportedAt: exportedAt.toISOString(),
      episodes: [0],
      ...(savedChapters.length > 0 ? { savedChapters: savedChapters.map(savedChapterForBackup) } : {}),
    },
    null,
    2,
  );
  // A JSON string holds no raw line break: the placeholder is the one line that is just "    0".
  const at = shell.indexOf('\n    0\n') + 1;
  return [shell.slice(0, at), shell.slice(at + '    0'.length) + '\n'];
}

/**
 * The backup file's text: stable key order and 2-space indentation, so the same library always
 * exports to the same bytes (apart from `exportedAt`).
 * @example
 * toBackupJson(episodes, new Date()) // '{\n  "format": "stackcast-library",\n  "version": 1, ...'
 */
export function toBackupJson(
  episodes: readonly SavedEpisode[],
  exportedAt: Date,
  savedChapters: readonly SavedChapter[] = [],
): string {
  if (episodes.length === 0) {
    const empty: Backup = {
      format: BACKUP_FORMAT,
      version: BACKUP_VERSION,
      exportedAt: exportedAt.toISOString(),
      episodes: [],
      ...(savedChapters.length > 0 ? { savedChapters: savedChapters.map(savedChapterForBackup) } : {}),
    };
    return JSON.stringify(empty, null, 2) + '\n';
  }
  const [head, tail] = backupShell(exportedAt, savedChapters);
  return head + episodes.map(episodeBackupText).join(',\n') + tail;
}

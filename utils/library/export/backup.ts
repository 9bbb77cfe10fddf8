// JSON backup: a versioned envelope around the saved episodes, with the zod schema imports are checked against.
import { z } from 'zod';
import { InstantSchema, SavedEpisodeSchema, toSaved, type SavedEpisode } from '../record';

export const BACKUP_FORMAT = 'stackcast-library';
export const BACKUP_VERSION = 1;

export const BackupSchema = z.object({
  format: z.literal(BACKUP_FORMAT),
  version: z.literal(BACKUP_VERSION),
  exportedAt: InstantSchema,
  episodes: z.array(SavedEpisodeSchema).max(1_000_000),
});
export type Backup = z.infer<typeof BackupSchema>;

/**
 * The backup file's text: stable key order and 2-space indentation, so the same library always
 * exports to the same bytes (apart from `exportedAt`).
 * @example
 * toBackupJson(episodes, new Date()) // '{\n  "format": "stackcast-library",\n  "version": 1, ...'
 */
export function toBackupJson(episodes: readonly SavedEpisode[], exportedAt: Date): string {
  const backup: Backup = {
    format: BACKUP_FORMAT,
    version: BACKUP_VERSION,
    exportedAt: exportedAt.toISOString(),
    episodes: episodes.map(toSaved),
  };
  return JSON.stringify(backup, null, 2) + '\n';
}

// CSV for spreadsheets (papaparse), one row per episode, guarded against formula injection.
import Papa from 'papaparse';
import { safeHttpUrl } from '../../export/escape';
import type { SavedEpisode } from '../record';

export const CSV_COLUMNS = [
  'title', 'podcast', 'date', 'duration_seconds', 'status', 'rating', 'tags', 'technologies', 'chapters', 'notes',
  'url', 'audio_url', 'id', 'saved_at', 'updated_at',
] as const;

/**
 * Spreadsheets run cells starting with `=`, `+`, `-`, `@` (and tab / carriage return) as formulas, so
 * such cells get a leading `'`, which spreadsheets show as text. Done here rather than with papaparse's
 * `escapeFormulae`, whose check misses cells that contain a line break (multi-line notes).
 */
export function defuseFormula(cell: string | number): string | number {
  return typeof cell === 'string' && /^[=+\-@\t\r]/.test(cell) ? `'${cell}` : cell;
}

/**
 * @example
 * toCsv([episode]) // 'title,podcast,...\r\nDeploys,Running in Production,...'
 */
export function toCsv(episodes: readonly SavedEpisode[]): string {
  const rows = episodes.map((e) => [
    e.title ?? '',
    e.podcast ?? '',
    e.date ?? '',
    e.durationSeconds ?? '',
    e.status,
    e.rating ?? '',
    e.tags.join('; '),
    e.tech.map((t) => t.name).join('; '),
    e.chapters.length,
    e.notes,
    safeHttpUrl(e.url) ?? '',
    safeHttpUrl(e.audioUrl) ?? '',
    e.id,
    e.savedAt,
    e.updatedAt,
  ].map(defuseFormula));
  return Papa.unparse({ fields: [...CSV_COLUMNS], data: rows }, { newline: '\r\n' }) + '\r\n';
}

// CSV for spreadsheets (papaparse), one row per episode, guarded against formula injection.
import Papa from 'papaparse';
import { safeHttpUrl } from './escape';
import type { ListedEpisode } from './listed-episode';

export const CSV_COLUMNS = [
  'title',
  'podcast',
  'date',
  'duration_seconds',
  'status',
  'rating',
  'tags',
  'technologies',
  'chapters',
  'notes',
  'url',
  'audio_url',
  'id',
  'saved_at',
  'updated_at',
] as const;

/**
 * A formula trigger (`=`, `+`, `-`, `@`, or their full-width and small forms, which spreadsheets fold to
 * ASCII) as the first character after any leading whitespace (spaces, line breaks, tabs, no-break and
 * ideographic spaces, a byte order mark), which spreadsheets skip before deciding a cell is a formula;
 * or a tab or carriage return first.
 */
const FORMULA_START = /^(?:[\s\ufeff]*[=+\-@\uff1d\uff0b\uff0d\uff20\ufe66\ufe62\ufe63\ufe6b]|[\t\r])/;

/**
 * Spreadsheets run cells that start as a formula (see FORMULA_START), so such cells get a leading `'`,
 * which spreadsheets show as text. Done here rather than with papaparse's `escapeFormulae`, whose check
 * misses cells that contain a line break (multi-line notes) and triggers behind whitespace or in full width.
 * @example defuseFormula(' =1+1') // "' =1+1"
 */
export function defuseFormula(cell: string | number): string | number {
  return typeof cell === 'string' && FORMULA_START.test(cell) ? `'${cell}` : cell;
}

/**
 * @example
 * toCsv([episode]) // 'title,podcast,...\r\nDeploys,Running in Production,...'
 */
export function toCsv(episodes: readonly ListedEpisode[]): string {
  const rows = episodes.map((e) =>
    [
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
    ].map(defuseFormula),
  );
  return Papa.unparse({ fields: [...CSV_COLUMNS], data: rows }, { newline: '\r\n' }) + '\r\n';
}

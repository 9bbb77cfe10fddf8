// What the library page says after an import: the counts, and what the import had to leave out.
import type { MergeReport } from './import-merge';
import { LISTENER_LIMITS } from './record';

const plural = (count: number, one: string, many = `${one}s`) => `${count} ${count === 1 ? one : many}`;

/**
 * @example
 * importReportText('backup.json', { added: 3, updated: 1, unchanged: 0 })
 * // 'Imported backup.json: 3 added, 1 updated, 0 unchanged.'
 */
export function importReportText(fileName: string, report: MergeReport): string {
  const counts = `Imported ${fileName}: ${report.added} added, ${report.updated} updated, ${report.unchanged} unchanged.`;
  const left = report.tagsLeftOut;
  if (!left) return counts;
  return `${counts} An episode keeps at most ${LISTENER_LIMITS.tags} tags: ${plural(left.tags, 'tag')} on ${plural(left.episodes, 'episode')} were left out (the newer version's tags are kept, then the others in order).`;
}

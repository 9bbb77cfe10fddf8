// An import merged into the library by id: which episodes are added, updated or unchanged, and what to write.
import type { LibraryDatabase } from './db';
import { mergeImported } from './merge';
import { parseStored, readRecordTexts } from './shelves';
import { storedIds } from './summary-shelves';
import { prepareRecord, type PreparedRecord } from './prepared';
import { fitRecord } from './limits';

export interface MergeReport {
  added: number;
  updated: number;
  unchanged: number;
  /**
   * Present when uniting an episode's personal tags with the backup's went past the limit: on how many
   * episodes, and how many tags were left out (the newer version's tags are all kept, see unitedTags).
   */
  tagsLeftOut?: { episodes: number; tags: number };
}

/**
 * What merging these prepared episodes into the library comes to: the report, and the records to write
 * (added or changed; unchanged records are not rewritten, so re-importing a backup costs reads only).
 * Reads only; call inside the read-write transaction that writes `changed`.
 * @example
 * const { report, changed } = await planMerge(db, checked.map(prepareRecord));
 */
export async function planMerge(
  db: LibraryDatabase,
  incoming: readonly PreparedRecord[],
): Promise<{ report: MergeReport; changed: PreparedRecord[] }> {
  const report: MergeReport = { added: 0, updated: 0, unchanged: 0 };
  // Ids only (from the summary shelves), then full records only for the ids already saved: importing
  // into an empty or small library reads nothing else.
  const knownIds = new Set(
    await storedIds(
      db,
      incoming.map((e) => e.id),
    ),
  );
  const existing = await readRecordTexts(db.shelves, knownIds);
  // Each id's latest text (stored, or as merged so far) and, when it is to be written, its prepared form.
  const latest = new Map<string, string>();
  const changed = new Map<string, PreparedRecord>();
  const leftOut = (tags: number) => {
    if (tags <= 0) return;
    report.tagsLeftOut ??= { episodes: 0, tags: 0 };
    report.tagsLeftOut.episodes++;
    report.tagsLeftOut.tags += tags;
  };
  for (const record of incoming) {
    const localText = latest.get(record.id) ?? existing.get(record.id);
    if (localText === undefined) {
      report.added++;
      leftOut(record.tagsLeftOut ?? 0);
      // No parse: stored as prepared.
      latest.set(record.id, record.text);
      changed.set(record.id, record);
      continue;
    }
    const local = parseStored(localText);
    const incomingRecord = parseStored(record.text);
    const merged = fitRecord(mergeImported(local, incomingRecord));
    leftOut(
      new Set([...local.tags, ...incomingRecord.tags]).size - merged.tags.length + (record.tagsLeftOut ?? 0),
    );
    if (JSON.stringify(merged) === JSON.stringify(local)) report.unchanged++;
    else {
      report.updated++;
      const prepared = prepareRecord(merged);
      latest.set(record.id, prepared.text);
      changed.set(record.id, prepared);
    }
  }
  return { report, changed: [...changed.values()] };
}

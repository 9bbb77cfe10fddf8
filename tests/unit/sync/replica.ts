// A device in tests: an in-memory LocalStore (what the Dexie one must do) plus the listener's edits on it.
import { HybridClock } from '@/utils/sync/clock';
import { EPISODE_KIND, editRecord, removeRecord, renderRecord, type PlainRecord } from '@/utils/sync/kinds';
import { NEVER_SYNCED, type LocalStore, type SyncMemo } from '@/utils/sync/ports';
import { isRemoved, mergeRecords, recordKey, type SyncRecord } from '@/utils/sync/record';
import { syncOnce, type SyncResult } from '@/utils/sync/engine';
import type { RemoteFolder } from '@/utils/sync/ports';

/** A saved episode as the library stores it, with only its id and title set. */
export function plainEpisode(id: string, title = `Episode ${id}`): PlainRecord {
  const url = `https://podcast.example/${id}`;
  return {
    id: url,
    title,
    podcast: 'Example Show',
    date: null,
    durationSeconds: null,
    url,
    audioUrl: null,
    chapters: [],
    chapterConfidence: 0,
    tech: [],
    status: 'to-listen',
    notes: '',
    tags: [],
    rating: null,
    position: null,
    savedAt: '2026-01-01T00:00:00.000Z',
    updatedAt: '2026-01-01T00:00:00.000Z',
  };
}

export class Replica implements LocalStore {
  readonly records = new Map<string, SyncRecord>();
  readonly clock: HybridClock;
  /** Every state this device's listener committed, for tests to join into the library all should reach. */
  readonly history: SyncRecord[] = [];
  private readonly log: string[] = [];
  private memo: SyncMemo = NEVER_SYNCED;

  constructor(device: string, now: () => number = () => 1_750_000_000_000) {
    this.clock = new HybridClock(device, now);
  }

  // --- the listener's side: each change stamps the synced record and enters the change log ---

  /** Save (or save again) episode `name`, or change it: `change` gets the plain record as the library shows it. */
  edit(name: string, change: (plain: PlainRecord) => PlainRecord = (plain) => plain): void {
    const base = plainEpisode(name);
    const previous = this.records.get(`episode:${base.id}`);
    const shown = previous ? renderRecord(EPISODE_KIND, { ...previous, removed: null }) : null;
    const next = change(shown ?? base);
    this.commit(editRecord(EPISODE_KIND, previous, next, this.clock.tick()));
  }

  remove(name: string): void {
    const previous = this.records.get(`episode:${plainEpisode(name).id}`);
    if (previous && !isRemoved(previous)) this.commit(removeRecord(previous, this.clock.tick()));
  }

  private commit(record: SyncRecord): void {
    this.records.set(recordKey(record), record);
    this.log.push(recordKey(record));
    this.history.push(record);
  }

  /** The library as the listener sees it: the episodes present, by id. */
  library(): Map<string, PlainRecord> {
    const shown = new Map<string, PlainRecord>();
    for (const [key, record] of [...this.records].sort(([a], [b]) => (a < b ? -1 : 1))) {
      const plain = renderRecord(EPISODE_KIND, record);
      if (plain) shown.set(key, plain);
    }
    return shown;
  }

  sync(remote: RemoteFolder, passphrase?: string): Promise<SyncResult> {
    return syncOnce({ local: this, remote, clock: this.clock, passphrase });
  }

  // --- LocalStore ---

  async changesSince(cursor: string | null): Promise<{ keys: string[]; cursor: string }> {
    const keys = cursor === null ? [...this.records.keys()] : [...new Set(this.log.slice(Number(cursor)))];
    return { keys, cursor: String(this.log.length) };
  }

  async readRecords(keys: readonly string[]): Promise<Map<string, SyncRecord>> {
    const found = new Map<string, SyncRecord>();
    for (const key of keys) {
      const record = this.records.get(key);
      if (record) found.set(key, structuredClone(record));
    }
    return found;
  }

  async applyRecords(records: readonly SyncRecord[]): Promise<void> {
    for (const record of records) {
      const key = recordKey(record);
      this.records.set(key, mergeRecords(this.records.get(key), structuredClone(record))!);
    }
  }

  async forgetRecords(keys: readonly string[]): Promise<void> {
    for (const key of keys) {
      const record = this.records.get(key);
      if (record && isRemoved(record)) this.records.delete(key);
    }
  }

  async readMemo(): Promise<SyncMemo> {
    return this.memo;
  }

  async writeMemo(memo: SyncMemo): Promise<void> {
    this.memo = memo;
  }
}

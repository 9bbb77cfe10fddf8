// The synced record: any kind of library record as mergeable state (a CRDT), so replicas converge.
import '@/utils/zod-setup';
import { z } from 'zod';
import { StampSchema, laterStamp, stampDevice, type Stamp } from './clock';

/**
 * One field, last writer wins by clock stamp. Its value is whatever JSON the kind stores: it was read with
 * JSON.parse, so it is JSON already, and the kind's own schema (SavedEpisodeSchema…) judges it when shown.
 */
export const RegisterSchema = z.object({ v: z.unknown(), at: StampSchema });
export type Register = z.infer<typeof RegisterSchema>;

/** One element of a set (a tag): present or removed, last writer wins per element, so no add is lost to a
 * concurrent edit of another tag. */
export const MarkSchema = z.object({ on: z.boolean(), at: StampSchema });
export type Mark = z.infer<typeof MarkSchema>;

/**
 * A text where a concurrent edit must not be lost (the notes): the versions no device has yet edited over,
 * and, per device, the latest edit of it this state has seen. A version is dropped only by a merge with a
 * state that has seen it (an edit made on top of it), so two edits neither device saw both stay.
 */
export const TextSchema = z.object({
  versions: z.array(z.object({ v: z.string().max(1_000_000), at: StampSchema })).max(1_000),
  seen: z.record(z.string(), StampSchema),
});
export type TextState = z.infer<typeof TextSchema>;

/**
 * A record of one kind (`episode`, later `chapters`), keyed by its stable id (an episode's canonical URL).
 * `live` is the stamp of the last save or edit, `removed` of the last deletion: the record is deleted while
 * `removed` is later, so a deletion wins over older edits and loses to a newer one (saving it again).
 * `removedIn` is the manifest revision that first carried the deletion, for compaction.
 * The field kinds are in the record itself, so a build merges kinds it does not know without losing them.
 */
export const SyncRecordSchema = z.object({
  kind: z.string().regex(/^[a-z][a-z0-9-]{0,31}$/),
  id: z.string().min(1).max(8_192),
  live: StampSchema,
  removed: StampSchema.nullable(),
  removedIn: z.number().int().nonnegative().nullable(),
  fields: z.record(z.string(), RegisterSchema),
  sets: z.record(z.string(), z.record(z.string(), MarkSchema)),
  texts: z.record(z.string(), TextSchema),
});
export type SyncRecord = z.infer<typeof SyncRecordSchema>;

/** The key a record is stored, sharded and merged under. */
export function recordKey(record: Pick<SyncRecord, 'kind' | 'id'>): string {
  return `${record.kind}:${record.id}`;
}

export function isRemoved(record: SyncRecord): boolean {
  return record.removed !== null && record.removed > record.live;
}

/** Fields where the earliest value wins instead of the latest write: the first time an episode was saved. */
const EARLIEST_FIELDS = new Set(['savedAt']);

function mergeRegister(name: string, a: Register | undefined, b: Register | undefined): Register | undefined {
  if (!a || !b) return a ?? b;
  if (EARLIEST_FIELDS.has(name) && typeof a.v === 'string' && typeof b.v === 'string' && a.v !== b.v)
    return a.v < b.v ? a : b;
  if (a.at !== b.at) return a.at > b.at ? a : b;
  // One stamp is one write, so equal stamps hold equal values; the text order only keeps merge symmetric.
  return JSON.stringify(a.v) >= JSON.stringify(b.v) ? a : b;
}

function mergeMark(a: Mark | undefined, b: Mark | undefined): Mark | undefined {
  if (!a || !b) return a ?? b;
  if (a.at !== b.at) return a.at > b.at ? a : b;
  return a.on ? a : b;
}

function coveredBy(at: Stamp, seen: TextState['seen']): boolean {
  const latest = seen[stampDevice(at)];
  return latest !== undefined && latest >= at;
}

/** Multi-value register merge: keep each version the other side has too or has not seen yet. */
export function mergeText(a: TextState | undefined, b: TextState | undefined): TextState | undefined {
  if (!a || !b) return a ?? b;
  const inB = new Set(b.versions.map((version) => version.at));
  const inA = new Set(a.versions.map((version) => version.at));
  const kept = new Map<Stamp, TextState['versions'][number]>();
  for (const version of a.versions)
    if (inB.has(version.at) || !coveredBy(version.at, b.seen)) kept.set(version.at, version);
  for (const version of b.versions)
    if (inA.has(version.at) || !coveredBy(version.at, a.seen)) kept.set(version.at, version);
  const seen: TextState['seen'] = { ...a.seen };
  for (const [device, stamp] of Object.entries(b.seen))
    seen[device] = laterStamp(seen[device], stamp) ?? stamp;
  const versions = [...kept.values()].sort((x, y) => (x.at < y.at ? 1 : x.at > y.at ? -1 : 0));
  return { versions, seen: sortedObject(seen) };
}

function mergeEach<T>(
  a: Record<string, T>,
  b: Record<string, T>,
  merge: (name: string, x: T | undefined, y: T | undefined) => T | undefined,
): Record<string, T> {
  const merged: Record<string, T> = {};
  for (const name of [...new Set([...Object.keys(a), ...Object.keys(b)])].sort()) {
    const value = merge(name, a[name], b[name]);
    if (value !== undefined) merged[name] = value;
  }
  return merged;
}

function sortedObject<T>(object: Record<string, T>): Record<string, T> {
  return Object.fromEntries(Object.entries(object).sort(([x], [y]) => (x < y ? -1 : x > y ? 1 : 0)));
}

/** The revision that first carried the later deletion (the earliest one known for that same deletion). */
function mergeRemovedIn(a: SyncRecord, b: SyncRecord, removed: Stamp | null): number | null {
  const candidates = [a, b]
    .filter((record) => record.removed === removed && record.removedIn !== null)
    .map((record) => record.removedIn as number);
  return candidates.length > 0 ? Math.min(...candidates) : null;
}

/**
 * Merge two states of one record. Commutative, associative and idempotent, so replicas that have merged the
 * same states hold the same record whatever the order they met in.
 * @example
 * mergeRecords(local, remote) // every field at its latest write, tags per tag, both concurrent notes
 */
export function mergeRecords(a: SyncRecord | undefined, b: SyncRecord | undefined): SyncRecord | undefined {
  if (!a || !b) return a ?? b;
  const removed = laterStamp(a.removed, b.removed);
  return {
    kind: a.kind,
    id: a.id,
    live: laterStamp(a.live, b.live) ?? a.live,
    removed,
    removedIn: mergeRemovedIn(a, b, removed),
    fields: mergeEach(a.fields, b.fields, mergeRegister),
    sets: mergeEach(a.sets, b.sets, (_, x, y) =>
      x && y ? mergeEach(x, y, (_e, p, q) => mergeMark(p, q)) : (x ?? y),
    ),
    texts: mergeEach(a.texts, b.texts, (_, x, y) => mergeText(x, y)),
  };
}

/** Text with object keys in order: the one form records are compared, hashed and written in. */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value) ?? 'null';
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  const object = value as Record<string, unknown>;
  const parts: string[] = [];
  for (const key of Object.keys(object).sort())
    if (object[key] !== undefined) parts.push(`${JSON.stringify(key)}:${canonicalJson(object[key])}`);
  return `{${parts.join(',')}}`;
}

/** Whether two states of a record are the same state. */
export function sameRecord(a: SyncRecord | undefined, b: SyncRecord | undefined): boolean {
  if (a === b) return true;
  if (!a || !b) return false;
  return canonicalJson(a) === canonicalJson(b);
}

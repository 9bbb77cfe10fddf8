// The Markdown reading list written as UTF-8 while full records stream in: each episode's heading and details
// (markdown.ts's episode section, as the reading list lays it out) are encoded once into off-heap byte stores, and the file is copied together
// from them into a few Blob parts, so a worker can hand its share over without copying strings.
import { episodeSection } from '../../export/markdown';
import type { SavedEpisode } from '../record';
import {
  groupHeadingOf,
  readingListHeader,
  ReadingListGroups,
  seeLineOf,
  type ReadingListGroupsState,
  type ReadingListOptions,
} from '../../export/reading-list';

/** Bytes per store chunk the episodes' lines are encoded into (one more when full). */
const STORE_BYTES = 1 << 20;
/**
 * Bytes per Blob part of the finished file. The buffer is reused (a Blob copies what it is given), and
 * every Blob made costs a registration with the browser's blob store beyond the copy, so parts are large.
 */
const PART_BYTES = 16 << 20;

const encoder = new TextEncoder();

/**
 * Byte-for-byte `toReadingList` (the same episode section writes both), for libraries of tens
 * of thousands of episodes: a large list is hundreds of thousands of lines, headings repeated under each
 * technology. Kept as JavaScript strings until the end, those lines were most of the garbage collector's
 * work and the Blob's UTF-8 conversion; as bytes, each is encoded once and copied with `set`.
 * @example
 * const writer = new ReadingListBytes(options); for (const e of episodes) writer.add(e);
 * const blob = new Blob([...writer.parts()]);
 */
export class ReadingListBytes {
  private readonly grouping: ReadingListGroups;
  private readonly stores: Uint8Array<ArrayBuffer>[] = [];
  private store: Uint8Array<ArrayBuffer> = new Uint8Array(0);
  private used = 0;
  /** Where the span being written began in the store. */
  private start = 0;
  /** Per position, [store, start, end] of its heading then of its details. */
  private spans = new Int32Array(6 * 1024);
  private count = 0;
  /** The positions added, in the order they came (a shard names the spans it holds). */
  private added = new Int32Array(1024);

  constructor(private readonly options: ReadingListOptions) {
    this.grouping = new ReadingListGroups(options);
  }

  /**
   * Add the episode at this position of the list (each position once, in any order: groups list their
   * episodes by position); without one, after the last added.
   */
  add(episode: SavedEpisode, position = this.count): void {
    this.grouping.add(episode, position);
    if (this.count === this.added.length) {
      const grown = new Int32Array(2 * this.added.length);
      grown.set(this.added);
      this.added = grown;
    }
    this.added[this.count] = position;
    this.count++;
    const { heading, details } = episodeSection(episode, 'reading-list-item');
    this.start = this.used;
    this.encode(heading);
    this.span(position * 6);
    this.encode(details);
    this.span(position * 6 + 3);
  }

  /** Room for this many more bytes; an entry begun in a full store moves, whole, into the next. */
  private reserve(bytes: number): void {
    if (this.used + bytes <= this.store.length) return;
    const begun = this.used - this.start;
    const next = new Uint8Array(Math.max(STORE_BYTES, 2 * (begun + bytes)));
    next.set(this.store.subarray(this.start, this.used));
    this.stores.push(next);
    this.store = next;
    this.start = 0;
    this.used = begun;
  }

  /** Text as UTF-8, after what is written. */
  private encode(text: string): void {
    // UTF-8 takes at most 3 bytes per UTF-16 unit.
    this.reserve(text.length * 3);
    this.used += encoder.encodeInto(text, this.store.subarray(this.used)).written;
  }

  /** Record the bytes written since `start` as this span, and begin the next there. */
  private span(at: number): void {
    if (at + 3 > this.spans.length) {
      // Positions may come in any order: grow to hold this one (at least doubling).
      const grown = new Int32Array(Math.max(2 * this.spans.length, at + 3));
      grown.set(this.spans);
      this.spans = grown;
    }
    this.spans[at] = this.stores.length - 1;
    this.spans[at + 1] = this.start;
    this.spans[at + 2] = this.used;
    this.start = this.used;
  }

  /**
   * What this writer holds, as plain data that can be posted (its buffers transferred) from a worker and
   * assembled with other writers' shards of the same list (see `assembleReadingList`).
   * @example
   * const shard = writer.shard(); postMessage(shard, readingListShardBuffers(shard));
   */
  shard(): ReadingListShard {
    // A store is written up to `used` only when it is the last one.
    const stores = this.stores.map((store) => store.buffer);
    return {
      stores,
      spans: this.spans,
      added: this.added.subarray(0, this.count),
      grouping: this.grouping.state(),
    };
  }

  /**
   * The file, as Blob parts of up to 16 MB (a caller may pause between them).
   * @example
   * for (const part of writer.parts()) blobs.push(part);
   */
  parts(): Generator<Blob> {
    return assembleReadingList([this.shard()], this.options);
  }
}

/**
 * One writer's part of a reading list: its byte stores, the spans of the positions it added (store,
 * start, end of the heading, then of the details, 6 numbers per position) and its groups. Plain data and
 * typed arrays only, so a worker can post it and transfer the buffers.
 */
export interface ReadingListShard {
  stores: ArrayBuffer[];
  spans: Int32Array<ArrayBuffer>;
  added: Int32Array<ArrayBuffer>;
  grouping: ReadingListGroupsState;
}

/**
 * The buffers of a shard, for `postMessage`'s transfer list (the shard's arrays are unusable after).
 * @example
 * postMessage({ shard }, readingListShardBuffers(shard));
 */
export function readingListShardBuffers(shard: ReadingListShard): ArrayBuffer[] {
  return [...shard.stores, shard.spans.buffer, shard.added.buffer];
}

/**
 * The reading list's file from the shards of writers that each added some of its positions (every
 * position in exactly one shard), as Blob parts of up to `partBytes` (16 MB): byte for byte what one
 * writer given every episode writes, whichever shard held which episode.
 * @example
 * const blob = new Blob([...assembleReadingList([shardA, shardB], options)]);
 */
export function* assembleReadingList(
  shards: readonly ReadingListShard[],
  options: ReadingListOptions,
  partBytes = PART_BYTES,
): Generator<Blob> {
  const stores: Uint8Array<ArrayBuffer>[] = [];
  let count = 0;
  let positions = 0;
  for (const shard of shards) {
    count += shard.added.length;
    for (const at of shard.added) positions = Math.max(positions, at + 1);
  }
  // Every shard's spans in one table, their store numbers shifted past the shards before.
  const spans = shards.length === 1 ? shards[0]!.spans : new Int32Array(6 * positions);
  const grouping = new ReadingListGroups(options);
  for (const shard of shards) {
    const offset = stores.length;
    for (const store of shard.stores) stores.push(new Uint8Array(store));
    grouping.merge(shard.grouping);
    if (shards.length === 1) break;
    const from = shard.spans;
    for (const position of shard.added) {
      const at = position * 6;
      spans[at] = from[at]! + offset;
      spans[at + 1] = from[at + 1]!;
      spans[at + 2] = from[at + 2]!;
      spans[at + 3] = from[at + 3]! + offset;
      spans[at + 4] = from[at + 4]!;
      spans[at + 5] = from[at + 5]!;
    }
  }
  const out = new Uint8Array(partBytes);
  let length = 0;
  const copy = (bytes: Uint8Array<ArrayBuffer>): Blob | null => {
    let part: Blob | null = null;
    if (length + bytes.length > out.length) {
      part = new Blob([out.subarray(0, length)]);
      length = 0;
    }
    if (bytes.length > out.length) return part ? new Blob([part, bytes]) : new Blob([bytes]);
    out.set(bytes, length);
    length += bytes.length;
    return part;
  };
  const span = (at: number) => stores[spans[at]!]!.subarray(spans[at + 1]!, spans[at + 2]!);
  let part = copy(encoder.encode(readingListHeader(count, options)));
  if (part) yield part;
  // Per episode, the group whose see-line later groups write (-1: its details are not written yet).
  const firstGroup = new Int32Array(positions).fill(-1);
  const seeLines: Uint8Array<ArrayBuffer>[] = [];
  for (const group of grouping.ordered()) {
    const ordinal = seeLines.length;
    seeLines.push(encoder.encode(seeLineOf(group)));
    part = copy(encoder.encode(groupHeadingOf(group)));
    if (part) yield part;
    for (const index of group.entries) {
      part = copy(span(index * 6));
      if (part) yield part;
      const first = firstGroup[index]!;
      if (first >= 0) part = copy(seeLines[first]!);
      else {
        part = copy(span(index * 6 + 3));
        firstGroup[index] = ordinal;
      }
      if (part) yield part;
    }
  }
  if (length > 0) yield new Blob([out.subarray(0, length)]);
}

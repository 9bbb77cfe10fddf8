// The Markdown reading list written as UTF-8 while full records stream in: each episode's lines are encoded
// once into off-heap byte stores, and the file is copied together from them into a few Blob parts.
import type { SavedEpisode } from '../record';
import { groupHeadingOf, readingListEntry, readingListHeader, ReadingListGroups, seeLineOf, type ReadingListOptions } from './reading-list';

/** Bytes per store chunk the episodes' lines are encoded into (one more when full). */
const STORE_BYTES = 1 << 20;
/** Bytes per Blob part of the finished file (the buffer is reused: a Blob copies what it is given). */
const PART_BYTES = 4 << 20;

const encoder = new TextEncoder();

/**
 * Byte-for-byte `toReadingList` (export tests hold them equal), for 10,000 or 100,000 episodes: a
 * 10,000-episode list is ~37 MB written as ~350,000 lines, headings repeated under each technology.
 * Kept as JavaScript strings until the end, those lines were most of the garbage collector's work and
 * the Blob's UTF-8 conversion; as bytes, they are encoded once and copied with `set`.
 * @example
 * const writer = new ReadingListBytes(options); for (const e of episodes) writer.add(e);
 * const blob = new Blob([...writer.parts()]);
 */
export class ReadingListBytes {
  private readonly grouping: ReadingListGroups;
  private readonly stores: Uint8Array<ArrayBuffer>[] = [];
  private store: Uint8Array<ArrayBuffer> = new Uint8Array(0);
  private used = 0;
  /** Per position, [store, start, end] of its heading then of its details. */
  private spans = new Int32Array(6 * 1024);
  private count = 0;
  private positions = 0;

  constructor(private readonly options: ReadingListOptions) {
    this.grouping = new ReadingListGroups(options);
  }

  /**
   * Add the episode at this position of the list (each position once, in any order: groups list their
   * episodes by position); without one, after the last added.
   */
  add(episode: SavedEpisode, position = this.count): void {
    const entry = readingListEntry(episode);
    this.grouping.add(entry, position);
    this.count++;
    this.positions = Math.max(this.positions, position + 1);
    this.encode(entry.heading, position * 6);
    this.encode(entry.details, position * 6 + 3);
  }

  private encode(text: string, at: number): void {
    // UTF-8 takes at most 3 bytes per UTF-16 unit.
    if (this.store.length - this.used < text.length * 3) {
      this.store = new Uint8Array(Math.max(STORE_BYTES, text.length * 3));
      this.stores.push(this.store);
      this.used = 0;
    }
    const { written } = encoder.encodeInto(text, this.used === 0 ? this.store : this.store.subarray(this.used));
    if (at + 3 > this.spans.length) {
      // Positions may come in any order: grow to hold this one (at least doubling).
      const grown = new Int32Array(Math.max(2 * this.spans.length, at + 3));
      grown.set(this.spans);
      this.spans = grown;
    }
    this.spans[at] = this.stores.length - 1;
    this.spans[at + 1] = this.used;
    this.spans[at + 2] = this.used + written;
    this.used += written;
  }

  /**
   * The file, as Blob parts of a few megabytes (a caller may pause between them).
   * @example
   * for (const part of writer.parts()) blobs.push(part);
   */
  *parts(): Generator<Blob> {
    const out = new Uint8Array(PART_BYTES);
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
    const stores = this.stores;
    const spans = this.spans;
    const span = (at: number) => stores[spans[at]!]!.subarray(spans[at + 1]!, spans[at + 2]!);
    let part = copy(encoder.encode(readingListHeader(this.count, this.options)));
    if (part) yield part;
    // Per episode, the group whose see-line later groups write (-1: its details are not written yet).
    const firstGroup = new Int32Array(this.positions).fill(-1);
    const seeLines: Uint8Array<ArrayBuffer>[] = [];
    for (const group of this.grouping.ordered()) {
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
}

// The Markdown reading list written as UTF-8 while full records stream in: each episode's lines are written
// once into off-heap byte stores (escaped as they are copied), and the file is copied together from them
// into a few Blob parts.
import { formatTimestamp } from '../../parse/time';
import { AUTOLINK_TRIGGER, safeHttpUrl } from '../../export/escape';
import { timeLinker } from '../../export/time-link';
import type { SavedEpisode } from '../record';
import { isCleanLine, MARKDOWN_SPECIAL, markdownText } from './markdown-text';
import {
  groupHeadingOf,
  heading,
  nameText,
  readingListHeader,
  ReadingListGroups,
  seeLineOf,
  type ReadingListGroupsState,
  type ReadingListOptions,
} from './reading-list';

/** Bytes per store chunk the episodes' lines are encoded into (one more when full). */
const STORE_BYTES = 1 << 20;
/** Bytes per Blob part of the finished file (the buffer is reused: a Blob copies what it is given). */
const PART_BYTES = 4 << 20;

const encoder = new TextEncoder();

/** ASCII codes markdownEscape puts a backslash before (MARKDOWN_SPECIAL). */
const SPECIAL = new Uint8Array(128);
for (const char of '\\`*_{}[]()<>#+!|~&') SPECIAL[char.charCodeAt(0)] = 1;

const BACKSLASH = 92;

/**
 * Byte-for-byte `toReadingList` (export tests hold them equal), for libraries of tens of thousands
 * of episodes: a large list is hundreds of thousands of lines, headings repeated under each technology.
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
    // Vetted once: the episode's link and its chapters' links both start from it.
    const page = safeHttpUrl(episode.url);
    this.start = this.used;
    this.joined(heading(episode, page));
    this.span(position * 6);
    this.details(episode, page);
    this.span(position * 6 + 3);
  }

  /**
   * `details` of reading-list.ts written straight into the store: chapter lines (~15 an episode) are most
   * of the file's bytes; their titles escaped while copied, not by a regex replace into new strings
   * that would only be copied again.
   */
  private details(episode: SavedEpisode, page: string | null): void {
    const tech = episode.tech;
    if (tech.length) {
      this.text('  - Tech: ');
      for (let i = 0; i < tech.length; i++) {
        if (i > 0) this.text(', ');
        this.text(nameText(tech[i]!.name));
      }
      this.text('\n');
    }
    const tags = episode.tags;
    if (tags.length) {
      this.text('  - Tags: ');
      for (let i = 0; i < tags.length; i++) {
        if (i > 0) this.text(', ');
        this.text(nameText(tags[i]!));
      }
      this.text('\n');
    }
    if (episode.notes.trim()) {
      this.text('  - Notes: ');
      this.text(markdownText(episode.notes));
      this.text('\n');
    }
    const linkAt = timeLinker(page, episode.audioUrl);
    const chapters = episode.chapters;
    for (let index = 0; index < chapters.length; index++) {
      const chapter = chapters[index]!;
      const link = linkAt(chapter.start);
      const label = formatTimestamp(chapter.start);
      this.text('  - ');
      if (link) {
        this.text('[');
        this.text(label);
        this.text('](');
        this.joined(link);
        this.text(')');
      } else this.text(label);
      this.text(' ');
      // A title a renderer would autolink takes markdownText's way (rare: its escapes are not copied here).
      if (isCleanLine(chapter.title) && !AUTOLINK_TRIGGER.test(chapter.title)) this.markdown(chapter.title);
      else this.text(markdownText(chapter.title) || `Chapter ${index + 1}`);
      this.text('\n');
    }
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

  /** Text as UTF-8: ASCII byte by byte (no string or view made), the rest by the encoder. */
  private text(text: string): void {
    const length = text.length;
    // UTF-8 takes at most 3 bytes per UTF-16 unit.
    this.reserve(length * 3);
    const store = this.store;
    let at = this.used;
    for (let i = 0; i < length; i++) {
      const code = text.charCodeAt(i);
      if (code < 0x80) store[at++] = code;
      else {
        // Cut before a non-ASCII unit, so never inside a surrogate pair.
        at += encoder.encodeInto(i === 0 ? text : text.slice(i), store.subarray(at)).written;
        break;
      }
    }
    this.used = at;
  }

  /**
   * `text` for strings built by concatenation (the heading, chapter links): the same loop, kept apart so
   * each loop's `charCodeAt` sees one kind of string (one loop for both was slower in Chromium: it sees both kinds).
   */
  private joined(text: string): void {
    const length = text.length;
    // UTF-8 takes at most 3 bytes per UTF-16 unit.
    this.reserve(length * 3);
    const store = this.store;
    let at = this.used;
    for (let i = 0; i < length; i++) {
      const code = text.charCodeAt(i);
      if (code < 0x80) store[at++] = code;
      else {
        // Cut before a non-ASCII unit, so never inside a surrogate pair.
        at += encoder.encodeInto(i === 0 ? text : text.slice(i), store.subarray(at)).written;
        break;
      }
    }
    this.used = at;
  }

  /** `markdownText(text)` as UTF-8, for text `isCleanLine` accepts: the backslashes added as it is copied. */
  private markdown(text: string): void {
    const length = text.length;
    // At most 2 bytes per ASCII unit (escaped), 3 per other.
    this.reserve(length * 3);
    const store = this.store;
    let at = this.used;
    let i = 0;
    const first = text.charCodeAt(0);
    if (first === 45 || first === 61) {
      // A leading '-' or '=' (list item, setext underline).
      store[at++] = BACKSLASH;
      store[at++] = first;
      i = 1;
    } else if (first >= 48 && first <= 57) {
      // Leading digits then '.' (an ordered list item; a ')' is escaped anyway).
      let end = 1;
      while (end < length && text.charCodeAt(end) >= 48 && text.charCodeAt(end) <= 57) end++;
      if (end < length && text.charCodeAt(end) === 46) {
        for (; i < end; i++) store[at++] = text.charCodeAt(i);
        store[at++] = BACKSLASH;
        store[at++] = 46;
        i = end + 1;
      }
    }
    for (; i < length; i++) {
      const code = text.charCodeAt(i);
      if (code < 0x80) {
        if (SPECIAL[code] === 1) store[at++] = BACKSLASH;
        store[at++] = code;
      } else {
        at += encoder.encodeInto(text.slice(i).replace(MARKDOWN_SPECIAL, '\\$&'), store.subarray(at)).written;
        break;
      }
    }
    this.used = at;
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
   * The file, as Blob parts of a few megabytes (a caller may pause between them).
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
 * position in exactly one shard), as Blob parts of a few megabytes: byte for byte what one writer
 * given every episode writes, whichever shard held which episode.
 * @example
 * const blob = new Blob([...assembleReadingList([shardA, shardB], options)]);
 */
export function* assembleReadingList(
  shards: readonly ReadingListShard[],
  options: ReadingListOptions,
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

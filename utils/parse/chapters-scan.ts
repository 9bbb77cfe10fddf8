// One linear pass over text finding timestamp-shaped clusters, each with its possible readings, minus the traps
// (times of day, verses, ratios, URLs, metadata, versions, player readouts). Choosing among readings is chapters.ts's job.

import {
  followsDate,
  isLetter,
  RATIO_WORDS_AFTER,
  RATIO_WORDS_BEFORE,
  SCRIPTURE_BOOKS,
  TIME_OF_DAY_WORDS,
  TIME_ZONES,
  wordAfter,
  wordBefore,
} from './time-words';

/** How a reading of a cluster came about; anything but `plain` costs a little in sequence selection. */
export type ReadingKind = 'plain' | 'glued' | 'typo' | 'frames';

/** One way to read a cluster as a time. */
export interface TimeReading {
  seconds: number;
  /** Offset of the reading's first character (after digits that belong to a glued-on title). */
  start: number;
  /** Offset just past the reading. */
  end: number;
  /** 0 for a clean reading; more for glued digits, typos, implausible hours. */
  penalty: number;
  kind: ReadingKind;
}

/** A place in the text that holds a timestamp, with every plausible reading of it. */
export interface TimestampOccurrence {
  /** Offset of the first digit of the cluster's first digit run. */
  runStart: number;
  /** Offset past the plain reading (or past the cluster when there is none). */
  end: number;
  readings: TimeReading[];
  /** Looks like part of a list: at a line start/end, beside a separator, bracketed, glued, or a seek link. */
  structured: boolean;
  /** Begins its line (after bullets, brackets, emphasis, a heading's `#`s or a row number): a list item's head. */
  lineHead: boolean;
  /**
   * Opens a list item: begins its line, is followed by a separator and a title (`3:10 – Question…`), or is glued
   * to the text before it and followed by a title (`…else?38:00 I was wondering`). Items this clearly marked stay
   * one list across long titles.
   */
  itemHead?: boolean;
  /**
   * A capitalised word follows (`0:00 Intro 3:15 Tooling`): what is left of a list whose separators and line breaks
   * a directory collapsed to spaces. Weaker than `structured`: it counts only in a run of three or more.
   */
  titled?: boolean;
  /** Where this item's title stops short of the line's end (before a table's duration column). */
  titleEnd?: number;
  /** Came from (or sits inside) a link that seeks the episode. */
  linked: boolean;
  /** The end of a range like `0:00-5:30`, when this occurrence starts one. */
  rangeEnd: { seconds: number; end: number } | null;
  /** The second half of a range or of a player readout: never a chapter start. */
  notStart: boolean;
  /**
   * Set when a trap word is glued on before the time (`developed by Mark4:12`, `posted15:09`): kept only where
   * it continues an ascending run of list times around it (see {@link ListOnly}), dropped anywhere else.
   */
  listOnly?: ListOnly;
}

/**
 * Where a time carrying a trap word may still be a list item: `between` two list times that bracket it, or
 * also at the `edge` of a list (first or last, continuing two ascending list times). Metadata labels such as
 * `Duration` get only `between`: a list's header and footer are where metadata sits.
 */
export type ListOnly = 'between' | 'edge';

/** `:` as a char code. */
const COLON = 58;
/** An ASCII digit. */
const isDigit = (c: number): boolean => c >= 48 && c <= 57;
/** Space, tab, line break, form feed or no-break space. */
const isSpace = (c: number): boolean => c === 32 || c === 9 || c === 10 || c === 13 || c === 12 || c === 160;
/** Metadata labels whose value is a duration or a time of publishing, not a chapter. */
const METADATA_WORDS = new Set([
  'duration',
  'length',
  'runtime',
  'published',
  'posted',
  'aired',
  'released',
  'updated',
  'modified',
  'uploaded',
  'dauer',
  'durée',
  'duración',
  'duracion',
  'duração',
  'durata',
  'laufzeit',
  'total',
]);

/**
 * What may sit between a line start and a timestamp: bullets of any kind (`-`, `•`, `▶`, `→`, an emoji, `#` of a
 * heading, `|` of a table, `*` and `_` of emphasis). Letters, digits and the signs that make a time something
 * else (`$10:30`, `=10:30`, `"10:30"`) are not bullets.
 */
const BULLET = /^(?:[\p{S}\p{Pd}\p{Po}]|\u200d|\ufe0f)$/u;
const NOT_BULLETS = new Set(['$', '€', '£', '¥', '=', '"', "'", '\\', '/', ':', ',', ';', '.', '%', '&']);
const isBullet = (ch: string): boolean => !NOT_BULLETS.has(ch) && BULLET.test(ch);
/** Emoji outside the Basic Multilingual Plane are two UTF-16 units: their low surrogate is part of the bullet. */
const isSurrogate = (c: number): boolean => c >= 0xd800 && c <= 0xdfff;
const SEPARATORS_AFTER = new Set([
  '-',
  '–',
  '—',
  '|',
  ':',
  '~',
  '>',
  '=',
  '•',
  '·',
  '→',
  '⟶',
  '➔',
  '➜',
  '➡',
  '⇒',
  '»',
  '▶',
  '►',
]);
/** Before a time: a separator of the previous item, or the comma or semicolon of a run (`0:00 Intro, 3:15 Tooling`). */
const SEPARATORS_BEFORE = new Set(['-', '–', '—', '|', '@', '•', '·', '~', ',', ';']);

/**
 * Whether a line starts before `index`: only white space, brackets, bullets, emphasis or a list or row number
 * (`1.`, `2)`, `3 `, `| 4 |`) in between.
 */
export function atLineStart(text: string, index: number): boolean {
  let i = index - 1;
  let budget = 16;
  let sawNumber = false;
  while (i >= 0 && budget-- > 0) {
    const ch = text.charAt(i);
    const c = text.charCodeAt(i);
    if (c === 10 || c === 13) return true;
    if (
      c === 32 ||
      c === 9 ||
      c === 160 ||
      ch === '(' ||
      ch === '[' ||
      ch === '{' ||
      isSurrogate(c) ||
      isBullet(ch)
    ) {
      i--;
      continue;
    }
    // A list number (`1.`, `2)`) or a table's row number (`3 00:00 Welcome 00:54`), once, before the time.
    const numbered = (ch === '.' || ch === ')') && i > 0 && isDigit(text.charCodeAt(i - 1));
    if (!sawNumber && (numbered || (isDigit(c) && i + 1 < index && isSpace(text.charCodeAt(i + 1))))) {
      sawNumber = true;
      if (numbered) i--;
      const digitsEnd = i;
      while (i >= 0 && isDigit(text.charCodeAt(i)) && digitsEnd - i < 3) i--;
      if (i >= 0 && isDigit(text.charCodeAt(i))) return false;
      continue;
    }
    return false;
  }
  return i < 0;
}

interface ContextVerdict {
  /** No reading is a chapter time, whatever follows. */
  rejectAll: boolean;
  /**
   * Words around it suggest a verse, score, ratio or metadata value (`John 3:16`, `won 21:15`, `Duration 45:00`),
   * but inside a list an item may well end in "Mark", "job" or "won" before the next time: such a time is kept
   * (at a cost) only when a list separator follows it.
   */
  suspicious: ListOnly | false;
  /** The reading that uses the whole leading digit run follows a decimal point or comma (`1.10:30`). */
  afterDecimal: boolean;
  /** The whole leading digit run belongs to a version (`v400:36:22`): only readings leaving digits to it remain. */
  glueOnly?: boolean;
}

function judgeContext(
  text: string,
  runStart: number,
  clusterEnd: number,
  groups: number,
  insideUrl: boolean,
): ContextVerdict {
  const ok: ContextVerdict = { rejectAll: false, suspicious: false, afterDecimal: false };
  const reject: ContextVerdict = { rejectAll: true, suspicious: false, afterDecimal: false };
  const suspicious: ContextVerdict = { rejectAll: false, suspicious: 'edge', afterDecimal: false };
  const labelled: ContextVerdict = { rejectAll: false, suspicious: 'between', afterDecimal: false };
  const prev = runStart > 0 ? text.charAt(runStart - 1) : '';
  const next = text.charAt(clusterEnd);
  // A URL's path may end a glued title (`…coryzue.com/47:52 – Next`, last items included), or a label glued on
  // after it (`…example.org/Timestamps:00:00 From …`); anything else in a URL is not a time.
  if (insideUrl)
    return prev === '/' || (prev === ':' && isLetter(text.charCodeAt(runStart - 2))) ? suspicious : reject;
  // Query strings and markup (`t=10:30`, `x_10:30`).
  if (prev !== '' && '=\\_^'.includes(prev)) return reject;
  // A price ends a title now and then in glued text (`School - $$$23:10 Bootcamp`): a list item only among others.
  if (prev !== '' && '$€£¥'.includes(prev)) return suspicious;
  // `v2:30` is a version; `Tailwind CSS v400:36:22 Next` is a version glued to a time: only readings that leave
  // the version's digits to the title remain.
  if ((prev === 'v' || prev === 'V') && !isLetter(text.charCodeAt(runStart - 2)))
    return { ...ok, glueOnly: true };
  // `-14:36` right after a space or a line break is a player's remaining time, not a bulleted item.
  if (
    prev === '-' &&
    (runStart < 2 || isSpace(text.charCodeAt(runStart - 2)) || text.charAt(runStart - 2) === '(')
  )
    return reject;
  if ((prev === '"' || prev === "'") && next === prev) return reject;
  if (prev === 'T' && runStart > 1 && isDigit(text.charCodeAt(runStart - 2))) return reject;
  if (next === 'Z' && !isLetter(text.charCodeAt(clusterEnd + 1))) return reject;
  // ISO offsets (`10:30:00+02:00`); a range's second time (`-01:00:00`) continues with another colon.
  if (
    groups === 3 &&
    (next === '+' || next === '-') &&
    /^[+-]\d\d:?\d\d(?![\d:])/.test(text.slice(clusterEnd, clusterEnd + 8))
  ) {
    return reject;
  }
  const after = wordAfter(text, clusterEnd);
  if (after.length > 0) {
    // `58:57 Am I wrong…`, `25:21 Z index`: past any hour of a clock, the word starts a title.
    const clock =
      !(isDigit(text.charCodeAt(runStart + 1)) && text.charCodeAt(runStart + 2) === COLON) ||
      numberAt(text, runStart, runStart + 2) <= 24;
    if (clock && TIME_ZONES.has(after)) return reject;
    const lower = after.toLowerCase();
    if (clock && (TIME_OF_DAY_WORDS.has(lower) || TIME_OF_DAY_WORDS.has(lower.replace(/\.$/, ''))))
      return reject;
    if (RATIO_WORDS_AFTER.has(lower)) return suspicious;
  }
  // Dates end in a digit, a comma or "at" before the time: look closer only then.
  const beforeSpace = text.charAt(runStart - 2);
  if (
    (prev === ' ' || prev === '\u00a0' || prev === 'T') &&
    (isDigit(beforeSpace.charCodeAt(0)) || beforeSpace === ',' || beforeSpace === 't') &&
    followsDate(text, runStart)
  ) {
    return reject;
  }
  const before = wordBefore(text, runStart, ' \u00a0');
  if (before.length > 0 && (SCRIPTURE_BOOKS.has(before) || RATIO_WORDS_BEFORE.has(before))) return suspicious;
  const label = wordBefore(text, runStart, ' \u00a0:"\'=>\t');
  if (METADATA_WORDS.has(label)) return labelled;
  // Only a digit before the point makes a decimal (`3.10:45`); `etc.25:42` is a sentence glued to the next time.
  if ((prev === '.' || prev === ',') && isDigit(text.charCodeAt(runStart - 2)))
    return { ...ok, afterDecimal: true };
  return ok;
}

/** Whether a list separator (`–`, `-`, `|`, `:` …, then a space) follows `end`, as in `1:45 – Overview`. */
function separatorFollows(text: string, end: number): boolean {
  let i = end;
  while (i < text.length && i - end < 3 && (text.charCodeAt(i) === 32 || text.charCodeAt(i) === 160)) i++;
  if (text.charAt(i) === ')' || text.charAt(i) === ']') i++;
  while (i < text.length && i - end < 5 && (text.charCodeAt(i) === 32 || text.charCodeAt(i) === 160)) i++;
  if (!SEPARATORS_AFTER.has(text.charAt(i))) return false;
  const following = text.charAt(i + 1);
  return following === ' ' || following === '\u00a0' || SEPARATORS_AFTER.has(following) || following === '';
}

/** Widths of the leading run tried as its minutes or hours (a three-digit run may be minutes past 99). */
const WIDTHS = [2, 1];
const WIDTHS_THREE = [2, 1, 3];

function addReading(readings: TimeReading[], durationSeconds: number | null, reading: TimeReading): void {
  if (durationSeconds !== null && durationSeconds > 0 && reading.seconds >= durationSeconds) return;
  for (const r of readings) if (r.seconds === reading.seconds && r.kind === reading.kind) return;
  readings.push(reading);
}

/** Reads `text[start, end)` as a whole number (digits only, checked by the caller). */
function numberAt(text: string, start: number, end: number): number {
  let value = 0;
  for (let i = start; i < end; i++) value = value * 10 + (text.charCodeAt(i) - 48);
  return value;
}

/**
 * Every reading of one cluster `A:B` or `A:B:C` (digit runs `[start, end)` in `groups`), before context checks.
 * The leading run may carry digits of a title glued on before it (`Ubuntu 20.0432:04`), so its last one or two
 * digits are tried; the last run may carry a title's leading digits after it.
 */
function readCluster(
  text: string,
  groups: Array<[number, number]>,
  count: number,
  wholeRunPenalty: number | null,
  durationSeconds: number | null,
): TimeReading[] {
  const readings: TimeReading[] = [];
  if (count < 2 || count > 3) return readings;
  const [runStart, runEnd] = groups[0]!;
  const middle = count === 3 ? groups[1]! : null;
  const last = groups[count - 1]!;
  if (middle && middle[1] - middle[0] !== 2) return readings;
  if (last[1] - last[0] < 2) return readings;
  const lastEnd = last[0] + 2;
  const lastValue = numberAt(text, last[0], lastEnd);
  if (lastValue >= 60) return readings;
  const middleValue = middle ? numberAt(text, middle[0], middle[1]) : 0;
  if (middleValue >= 60) return readings;
  const runLength = runEnd - runStart;
  const lineStart = atLineStart(text, runStart);
  const add = addReading;
  const widths = count === 3 || runLength !== 3 ? WIDTHS : WIDTHS_THREE;
  for (const width of widths) {
    if (width > runLength) continue;
    const gluedDigits = runLength - width;
    if (gluedDigits === 0 && wholeRunPenalty === null) continue;
    // A line's first digits are its author's (`19:08 - Display…` after `4:50`): no title before them to end in one.
    if (gluedDigits > 0 && lineStart) continue;
    const start = runEnd - width;
    const lead = numberAt(text, start, runEnd);
    // Digits glued onto a title (`Ubuntu 20.0432:04`) are likely only when the run itself is glued to text;
    // a free-standing `13:32` read as `1` + `3:32` needs a title ending in a lone digit.
    const freeStanding = runStart === 0 || isSpace(text.charCodeAt(runStart - 1));
    const gluedPenalty =
      gluedDigits > 0
        ? freeStanding
          ? 0.6
          : width === 2
            ? 0.3
            : 0.35
        : (width === 3 ? 0.2 : 0) + (wholeRunPenalty ?? 0);
    const kind: ReadingKind = gluedDigits > 0 ? 'glued' : 'plain';
    if (count === 2) {
      // A leading zero read on its own ("0" of "06") gives the same time: keep the wider reading.
      if (gluedDigits > 0 && width === 1 && text.charCodeAt(start - 1) === 48) continue;
      add(readings, durationSeconds, {
        seconds: lead * 60 + lastValue,
        start,
        end: lastEnd,
        penalty: gluedPenalty,
        kind,
      });
    } else {
      if (gluedDigits > 0 && width === 1 && text.charCodeAt(start - 1) === 48) continue;
      // Podcasts run for hours, not days: a two-digit hour is more likely frames or glued digits.
      const implausible = durationSeconds === null && lead >= 10 ? 0.45 : 0;
      add(readings, durationSeconds, {
        seconds: lead * 3600 + middleValue * 60 + lastValue,
        start,
        end: lastEnd,
        penalty: gluedPenalty + implausible,
        kind,
      });
      // mm:ss:ff frame timecodes (frames below 30): the same cluster read as minutes and seconds.
      if (lastValue < 30 && lead < 60 && gluedDigits === 0) {
        add(readings, durationSeconds, {
          seconds: lead * 60 + middleValue,
          start,
          end: lastEnd,
          penalty: 0.45,
          kind: 'frames',
        });
      }
    }
  }
  // `1:04-22` between `1:01:30` and `1:07:02`: an hour-long timestamp typed with a dash (or dot) for a colon.
  if (count === 2 && last[1] === lastEnd && runLength <= 2 && wholeRunPenalty !== null) {
    const sep = text.charAt(lastEnd);
    if (
      (sep === '-' || sep === '.' || sep === ';') &&
      isDigit(text.charCodeAt(lastEnd + 1)) &&
      isDigit(text.charCodeAt(lastEnd + 2)) &&
      !isDigit(text.charCodeAt(lastEnd + 3)) &&
      text.charCodeAt(lastEnd + 3) !== COLON
    ) {
      const seconds = numberAt(text, lastEnd + 1, lastEnd + 3);
      const hours = numberAt(text, runStart, runEnd);
      const minutes = numberAt(text, last[0], lastEnd);
      if (seconds < 60 && minutes < 60 && hours < 24) {
        add(readings, durationSeconds, {
          seconds: hours * 3600 + minutes * 60 + seconds,
          start: runStart,
          end: lastEnd + 3,
          penalty: 0.4,
          kind: 'typo',
        });
      }
    }
  }
  return readings;
}

function structuredAt(text: string, runStart: number, end: number, lineHead: boolean): boolean {
  // After: separator, closing bracket, or the end of the line.
  let i = end;
  while (
    i < text.length &&
    i - end < 3 &&
    (text.charCodeAt(i) === 32 || text.charCodeAt(i) === 160 || text.charCodeAt(i) === 9)
  )
    i++;
  const closing = text.charAt(i) === ')' || text.charAt(i) === ']' || text.charAt(i) === '}';
  if (closing) return true;
  if (i >= text.length || text.charCodeAt(i) === 10 || text.charCodeAt(i) === 13) return true;
  if (SEPARATORS_AFTER.has(text.charAt(i))) return true;
  if (lineHead) return true;
  const prev = runStart > 0 ? text.charCodeAt(runStart - 1) : 10;
  // Glued to the previous word: a directory stripped the line breaks (`Next topic14:03 Third`).
  if (!isSpace(prev) && prev !== 40 && prev !== 91) return true;
  let j = runStart - 1;
  while (j >= 0 && runStart - j < 4 && isSpace(text.charCodeAt(j))) j--;
  const before = text.charAt(j);
  return before === '(' || before === '[' || SEPARATORS_BEFORE.has(before);
}

/** Characters of text between two items of one list; more than this and they belong to different blocks. */
export const MAX_ITEM_GAP = 600;
/** A block with more timestamps than this is a log or a transcript, not a chapter list. */
export const MAX_BLOCK_ITEMS = 5_000;

/**
 * Times read from one text at most. Real pages hold hundreds (a long transcript a few thousand); past this the
 * input is machine output or an attack, and stopping keeps the parser's cost bounded whatever the input.
 */
const MAX_OCCURRENCES = 20_000;

/** Cheap shape check before any context work: `A:BB` or `A:BB:CC` with minutes and seconds below 60. */
function plausibleShape(text: string, groups: Array<[number, number]>, count: number): boolean {
  const last = groups[count - 1]!;
  if (last[1] - last[0] < 2) return false;
  if (text.charCodeAt(last[0]) > 53) return false;
  if (count === 3) {
    const middle = groups[1]!;
    if (middle[1] - middle[0] !== 2 || text.charCodeAt(middle[0]) > 53) return false;
  }
  return true;
}

/** One cluster read and judged in its context, or null. */
function readOccurrence(
  text: string,
  runStart: number,
  clusterEnd: number,
  groups: Array<[number, number]>,
  count: number,
  insideUrl: boolean,
  durationSeconds: number | null,
): TimestampOccurrence | null {
  const verdict = judgeContext(text, runStart, clusterEnd, count, insideUrl);
  if (verdict.rejectAll) return null;
  const listItem =
    verdict.suspicious || verdict.afterDecimal
      ? separatorFollows(text, Math.min(clusterEnd, groups[count - 1]![0] + 2))
      : false;
  // Without a separator after it, a trap-word time can still be a glued list item (`by Mark4:12 Motivation`, where
  // a directory stripped the breaks) or one at a line start; the neighbours decide later (keepListOnly).
  const listOnly =
    verdict.suspicious && !listItem
      ? insideUrl || gluedToWord(text, runStart) || atLineStart(text, runStart)
        ? verdict.suspicious
        : null
      : undefined;
  if (listOnly === null) return null;
  // After a sentence's number (`Stage 3.05:39 Math`), a zero-padded minute run is still likely the whole time.
  const padded = groups[0]![1] - groups[0]![0] === 2 && text.charCodeAt(groups[0]![0]) === 48;
  const wholeRunPenalty = verdict.glueOnly
    ? null
    : verdict.suspicious
      ? 0.35
      : verdict.afterDecimal
        ? listItem
          ? 0.2
          : padded
            ? 0.3
            : null
        : 0;
  const readings = readCluster(text, groups, count, wholeRunPenalty, durationSeconds);
  if (readings.length === 0) return null;
  const plain = readings.find((r) => r.kind === 'plain') ?? readings[0]!;
  const lineHead = atLineStart(text, runStart);
  const titled = TITLE_FOLLOWS.test(text.slice(plain.end, plain.end + 3));
  const itemHead = lineHead || separatorFollows(text, plain.end) || (gluedToWord(text, runStart) && titled);
  return {
    runStart,
    end: plain.end,
    readings,
    lineHead,
    itemHead,
    titled: CAPITALISED_FOLLOWS.test(text.slice(plain.end, plain.end + 3)),
    structured: structuredAt(text, runStart, plain.end, lineHead),
    linked: false,
    rangeEnd: null,
    notStart: false,
    ...(listOnly ? { listOnly } : {}),
  };
}

/** A title right after a time: a space, then a letter of any script. */
const TITLE_FOLLOWS = /^[ \u00a0]\p{L}/u;
/** A title that starts like one: a capital, or a letter of a script without case. */
const CAPITALISED_FOLLOWS = /^[ \u00a0](?:\p{Lu}|\p{Lo})/u;

/** Whether the time at `runStart` is glued to the word before it (`Mark4:12`), not a label's value (`Duration:45:00`). */
function gluedToWord(text: string, runStart: number): boolean {
  if (runStart === 0) return false;
  const prev = text.charCodeAt(runStart - 1);
  return !isSpace(prev) && !':="\'>([{'.includes(text.charAt(runStart - 1));
}

/**
 * Finds every timestamp-shaped cluster of `text` in one pass, drops the ones whose context says they are not
 * episode times, and returns the rest in text order with all their readings.
 *
 * @example
 * scanTimestamps('1:45 – Overview 7:01 – Compute', null).map((o) => o.readings[0].seconds); // [105, 421]
 */
export function scanTimestamps(text: string, durationSeconds: number | null): TimestampOccurrence[] {
  const occurrences: TimestampOccurrence[] = [];
  const n = text.length;
  const insideUrl = urlMarks(text);
  const groups: Array<[number, number]> = [
    [0, 0],
    [0, 0],
    [0, 0],
    [0, 0],
  ];
  let blockStart = 0;
  let blockCount = 0;
  let overflowing = false;
  let lastClusterEnd = -Infinity;
  // Clusters are found by a regular expression (native code), not a loop over every character: text between
  // clusters is never looked at. It only finds where one starts (`test`: no match array per cluster); the loop
  // reads the cluster on, cheaper than a long repetition.
  const starts = new RegExp(CLUSTER_START.source, 'g');
  while (starts.test(text)) {
    const colon = starts.lastIndex - 2;
    let i = colon - 1;
    while (i > 0 && isDigit(text.charCodeAt(i - 1))) i--;
    groups[0] = [i, colon];
    let count = 1;
    let k = colon;
    while (k < n - 1 && text.charCodeAt(k) === COLON && isDigit(text.charCodeAt(k + 1))) {
      const start = k + 1;
      let end = start + 1;
      while (end < n && isDigit(text.charCodeAt(end))) end++;
      if (count < 4) groups[count] = [start, end];
      count++;
      k = end;
    }
    starts.lastIndex = k;
    // Beyond MAX_BLOCK_ITEMS neighbours a block is a log, a transcript or noise: stop reading its times
    // (keeps adversarial input linear and cheap), until a long stretch without times starts a new block.
    if (i - lastClusterEnd > MAX_ITEM_GAP) {
      blockStart = occurrences.length;
      blockCount = 0;
      overflowing = false;
    }
    lastClusterEnd = k;
    if (!overflowing && count <= 3 && plausibleShape(text, groups, count)) {
      if (++blockCount > MAX_BLOCK_ITEMS) {
        overflowing = true;
        occurrences.length = blockStart;
      } else {
        const occurrence = readOccurrence(text, i, k, groups, count, insideUrl(i), durationSeconds);
        if (occurrence) occurrences.push(occurrence);
        if (occurrences.length >= MAX_OCCURRENCES) break;
      }
    }
  }
  keepListOnly(occurrences);
  markPairs(text, occurrences);
  return occurrences;
}

/**
 * Where a cluster starts: a whole run of digits (never inside one, which keeps a megabyte of digits linear), then
 * `:` and a digit. The scan reads on from there: `1:45`, `01:02:03`, `1:2:3:4` (judged later).
 */
const CLUSTER_START = /(?<!\d)\d+:\d/;
/** Where a URL starts, as far as times are concerned: `://` (at its colon) or `www.` (at its first `w`, any case). */
const URL_MARK = /:\/\/|[wW](?=ww\.)/g;

/**
 * Whether a place in the text is inside a URL: a URL mark after the last white space before it. Marks are few, so
 * they are found at once; the white space after the latest mark is looked for only as far as the places asked
 * about, which come in text order (each `at` at or after the one before), so the whole text costs one pass at most.
 */
function urlMarks(text: string): (at: number) => boolean {
  const marks: number[] = [];
  const finder = new RegExp(URL_MARK.source, 'g');
  for (let match = finder.exec(text); match !== null; match = finder.exec(text)) marks.push(match.index);
  /** The latest mark before the last place asked about; how far after it white space was looked for; and found. */
  let latest = -1;
  let searchedTo = 0;
  let spaced = false;
  return (at) => {
    while (latest + 1 < marks.length && marks[latest + 1]! < at) {
      searchedTo = marks[++latest]! + 1;
      spaced = false;
    }
    for (; latest >= 0 && !spaced && searchedTo < at; searchedTo++)
      spaced = isSpace(text.charCodeAt(searchedTo));
    return latest >= 0 && !spaced;
  };
}

/** Whether `a` and `b` are close enough in the text to be neighbours in one list. */
const near = (a: TimestampOccurrence, b: TimestampOccurrence): boolean => b.runStart - a.end <= MAX_ITEM_GAP;

/** Whether some reading of each of `chain` (in text order) makes a strictly ascending run; greedy, one look per reading. */
function ascends(chain: Array<{ seconds: number }[]>): boolean {
  let floor = -1;
  for (const readings of chain) {
    // The smallest reading above the floor leaves the most room for the rest of the chain.
    let best = Infinity;
    for (const r of readings) if (r.seconds > floor && r.seconds < best) best = r.seconds;
    if (best === Infinity) return false;
    floor = best;
  }
  return true;
}

/**
 * Keeps a trap-word time (`listOnly`) only where list times around it ascend through one of its readings,
 * and only those readings: the times of an Apple-style glued list (`…developed by Mark4:12 Motivation…`) stay,
 * an isolated `Mark4:12` or a `Duration45:00` after a list goes. Linear: one pass each way for neighbours.
 */
function keepListOnly(occurrences: TimestampOccurrence[]): void {
  const n = occurrences.length;
  let any = false;
  for (const o of occurrences) if (o.listOnly) any = true;
  if (!any) return;
  const isAnchor = (o: TimestampOccurrence): boolean => !o.listOnly && o.structured;
  // The nearest list times after each occurrence (two of them, for a first item).
  const after1 = new Int32Array(n).fill(-1);
  const after2 = new Int32Array(n).fill(-1);
  let a1 = -1;
  let a2 = -1;
  for (let k = n - 1; k >= 0; k--) {
    after1[k] = a1;
    after2[k] = a2;
    if (isAnchor(occurrences[k]!)) {
      a2 = a1;
      a1 = k;
    }
  }
  let p1 = -1;
  let p2 = -1;
  const kept: boolean[] = new Array<boolean>(n).fill(true);
  for (let k = 0; k < n; k++) {
    const o = occurrences[k]!;
    if (o.listOnly) {
      const prev = p1 >= 0 && near(occurrences[p1]!, o) ? occurrences[p1]! : null;
      const prev2 = prev && p2 >= 0 && near(occurrences[p2]!, prev) ? occurrences[p2]! : null;
      const next = after1[k]! >= 0 && near(o, occurrences[after1[k]!]!) ? occurrences[after1[k]!]! : null;
      const next2 =
        next && after2[k]! >= 0 && near(next, occurrences[after2[k]!]!) ? occurrences[after2[k]!]! : null;
      const fits = o.readings.filter((r) => {
        const one = [{ seconds: r.seconds }];
        if (prev && next) return ascends([prev.readings, one, next.readings]);
        if (o.listOnly !== 'edge') return false;
        if (prev && prev2) return ascends([prev2.readings, prev.readings, one]);
        if (next && next2) return ascends([one, next.readings, next2.readings]);
        return false;
      });
      o.readings = fits;
      kept[k] = fits.length > 0;
    } else if (isAnchor(o)) {
      p2 = p1;
      p1 = k;
    }
  }
  let w = 0;
  for (let k = 0; k < n; k++) if (kept[k]) occurrences[w++] = occurrences[k]!;
  occurrences.length = w;
}

/** Ranges (`0:00-5:30`) and player readouts (`0:00 / 23:59`) are pairs of neighbours. */
function markPairs(text: string, occurrences: TimestampOccurrence[]): void {
  for (let k = 0; k + 1 < occurrences.length; k++) {
    const a = occurrences[k]!;
    const b = occurrences[k + 1]!;
    const gap = b.runStart - a.end;
    if (gap < 0 || gap > 9 || a.readings.length === 0 || b.readings.length === 0) continue;
    const between = text.slice(a.end, b.runStart).trim();
    const aPlain = a.readings[0]!;
    const bPlain = b.readings[0]!;
    // `0:00 / 23:59`, `0:00 of 23:59`, `00:19 14:38`: a player's elapsed and total time.
    const sideBySide = between === '' && gap > 0 && !text.slice(a.end, b.runStart).includes('\n');
    if (between === '/' || between.toLowerCase() === 'of' || sideBySide) {
      a.readings = [];
      b.readings = [];
      continue;
    }
    if (
      (between === '-' ||
        between === '–' ||
        between === '—' ||
        between === '--' ||
        between.toLowerCase() === 'to') &&
      bPlain.seconds > aPlain.seconds
    ) {
      a.rangeEnd = { seconds: bPlain.seconds, end: bPlain.end };
      b.notStart = true;
    }
  }
  let w = 0;
  for (const occurrence of occurrences) if (occurrence.readings.length > 0) occurrences[w++] = occurrence;
  occurrences.length = w;
}

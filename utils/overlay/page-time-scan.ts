// The content script's small scan for times in a page's own show notes. The chapter parser (background) decides
// what the chapters are; this scan only has to agree with it on what a time is, without its code: the same word
// lists (utils/parse/time-words.ts), and the parser's chapter starts to settle a reading the text alone cannot.
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
} from '../parse/time-words';

/** A time found in a text: where it stands, and the second it seeks to. */
export interface PageTimestamp {
  index: number;
  length: number;
  seconds: number;
}

/** What the page's episode says about its times. */
export interface PageTimeContext {
  /** The starts of the chapters the parser found in these notes: a time it chose is read as it read it. */
  chapterStarts?: ReadonlySet<number>;
  /** The episode's length in seconds: no time of it is later. */
  durationSeconds?: number | null;
}

/** `m:ss`, `mm:ss` or `h:mm:ss`; where it may stand is checked around each match. */
const CLOCK = /(\d{1,2}):(\d{2})(?::(\d{2}))?/g;
const DIGIT = /\d/;

/**
 * The latest second an episode's time can be. A whole-minute length is how directories round (`1 hr 5 min` for
 * 1:05:03), so it is a floor: the minute after it counts too, as the parser allows.
 */
export function latestSecond(durationSeconds: number | null | undefined): number {
  if (typeof durationSeconds !== 'number' || !Number.isFinite(durationSeconds) || durationSeconds <= 0)
    return Infinity;
  return durationSeconds % 60 === 0 ? durationSeconds + 59 : durationSeconds;
}

/**
 * Whether the numbers are a verse (`John 3:16`), a score (`won 21:15`, `beat Kiel 28:25`) or a ratio (`a ratio of
 * 1:20`, `a 16:10 aspect ratio`) by their words: a book right before, a score or ratio word one or two words before,
 * or one right after.
 */
function suspiciousWords(text: string, index: number, end: number): boolean {
  const before = wordBefore(text, index, ' \u00a0');
  if (SCRIPTURE_BOOKS.has(before) || RATIO_WORDS_BEFORE.has(before)) return true;
  if (before !== '' && RATIO_WORDS_BEFORE.has(wordBefore(text, wordStartBefore(text, index), ' \u00a0')))
    return true;
  return RATIO_WORDS_AFTER.has(wordAfter(text, end).toLowerCase());
}

/** Where the word before `index` (after its spaces) starts; words are letters and dots, as wordBefore reads them. */
function wordStartBefore(text: string, index: number): number {
  let i = index;
  while (i > 0 && index - i < 8 && (text.charAt(i - 1) === ' ' || text.charAt(i - 1) === '\u00a0')) i--;
  const end = i;
  while (i > 0 && end - i < 16 && (isLetter(text.charCodeAt(i - 1)) || text.charAt(i - 1) === '.')) i--;
  return i;
}

/** A time of day (`10:30 am`, `9:00PM`, `7:15 p.m.`, `18:00 Uhr`, `10:00 ET`) or of publishing, after a date. */
function timeOfDay(text: string, index: number, end: number, hour: number): boolean {
  // `58:57 Am I wrong…` and `25:21 Z index` are no clock's reading.
  if (hour > 24) return false;
  const after = wordAfter(text, end);
  const lower = after.toLowerCase();
  if (
    TIME_ZONES.has(after) ||
    TIME_OF_DAY_WORDS.has(lower) ||
    TIME_OF_DAY_WORDS.has(lower.replace(/\.$/, ''))
  )
    return true;
  // A date before it (`January 19th, 2038 at 03:14:08`, `2024-01-05T10:30`): a time of publishing.
  const prev = text.charAt(index - 1);
  const beforeSpace = text.charAt(index - 2);
  if (prev === 'T' && DIGIT.test(beforeSpace)) return true;
  return (
    (prev === ' ' || prev === '\u00a0' || prev === 'T') &&
    (DIGIT.test(beforeSpace) || beforeSpace === ',' || beforeSpace === 't') &&
    followsDate(text, index)
  );
}

/** A cluster read on its own, before the episode's chapter starts say how the notes write their times. */
export interface PageTimeCandidate extends PageTimestamp {
  /** 20:03:12 read as minutes, seconds and frames (20:03), or -1. */
  frames: number;
  /** `1:04-22` read as 1:04:22 (a dash typed for a colon), or -1. */
  typo: number;
  /** `1:30` read as hours and minutes (1 h 30 min), or -1. */
  hoursMinutes: number;
  /** Its words make it a verse, score or ratio (`John 3:16`, `won 21:15`). */
  suspicious: boolean;
}

/** Which other readings the episode's chapter list shows the notes use. */
export interface PageTimeReadings {
  frames: boolean;
  hoursMinutes: boolean;
}

/**
 * Every time-shaped cluster of a text with its readings: `1:45`, `06:18` glued to a word, `1:02:03`; not a time of
 * day, a date's time, a player's remaining time (`-14:36`), a ratio (`16:9`), a version (`v1:20`) or part of a
 * longer run of digits and colons. One pass, constant work per match.
 * @example
 * scanPageTimes('Skip to 12:30, not 10:30 am')[0].seconds // 750
 */
export function scanPageTimes(text: string): PageTimeCandidate[] {
  const found: PageTimeCandidate[] = [];
  for (const match of text.matchAll(CLOCK)) {
    const index = match.index;
    const end = index + match[0].length;
    const before = text[index - 1] ?? '';
    const beforeThat = text[index - 2] ?? '';
    if (DIGIT.test(before) || (/[:.,]/.test(before) && DIGIT.test(beforeThat))) continue;
    if (/v/i.test(before) && !/[a-z]/i.test(beforeThat)) continue;
    // `-14:36` after a space or at the start: a player's remaining time (a range's `1:04-1:22` has a digit there).
    if (before === '-' && (beforeThat === '' || beforeThat === '(' || /\s/.test(beforeThat))) continue;
    const after = text[end] ?? '';
    if (DIGIT.test(after) || (/[:.]/.test(after) && DIGIT.test(text[end + 1] ?? ''))) continue;
    const hasHours = match[3] !== undefined;
    const lead = Number(match[1]);
    if (timeOfDay(text, index, end, lead)) continue;
    const middle = Number(match[2]);
    const last = Number(match[3] ?? match[2]);
    if (last >= 60 || (hasHours && middle >= 60)) continue;
    const typo = hasHours ? null : /^[-.;]([0-5]\d)(?![\d:])/.exec(text.slice(end, end + 4));
    found.push({
      index,
      length: end - index,
      seconds: hasHours ? lead * 3600 + middle * 60 + last : lead * 60 + last,
      frames: hasHours && last < 30 ? lead * 60 + middle : -1,
      typo: typo ? lead * 3600 + middle * 60 + Number(typo[1]) : -1,
      hoursMinutes: hasHours ? -1 : (lead * 60 + middle) * 60,
      suspicious: suspiciousWords(text, index, end),
    });
  }
  return found;
}

/**
 * Which readings the parser's chapter list shows the notes use: frame timecodes or hours and minutes when that
 * reading names more of the chapter starts than the plain one does (a transcript's `[00:00:16]` read as frames
 * may hit the chapter at 0:00 by chance; a whole list does not). Give it every candidate of the notes.
 * @example
 * pageTimeReadings(scanPageTimes('00:11:11 Welcome 01:29:11 Q&A'), new Set([11, 89])) // { frames: true, hoursMinutes: false }
 */
export function pageTimeReadings(
  candidates: Iterable<PageTimeCandidate>,
  chapterStarts: ReadonlySet<number>,
): PageTimeReadings {
  // Plain readings are counted against each other reading among the clusters that have it: three-part ones for
  // frames, two-part ones for hours and minutes (a list may mix `19:26` and `28:12:11`).
  const threePart = new Set<number>();
  const frames = new Set<number>();
  const twoPart = new Set<number>();
  const hoursMinutes = new Set<number>();
  for (const candidate of candidates) {
    const plain = chapterStarts.has(candidate.seconds);
    if (candidate.frames >= 0) {
      if (plain) threePart.add(candidate.seconds);
      else if (chapterStarts.has(candidate.frames)) frames.add(candidate.frames);
    }
    if (candidate.hoursMinutes >= 0) {
      if (plain) twoPart.add(candidate.seconds);
      else if (chapterStarts.has(candidate.hoursMinutes)) hoursMinutes.add(candidate.hoursMinutes);
    }
  }
  return { frames: frames.size > threePart.size, hoursMinutes: hoursMinutes.size > twoPart.size };
}

/**
 * The times of one text's candidates as the episode reads them. A cluster read two ways is read as the parser
 * did: `1:04-22` whose 1:04:22 is a chapter start is that time (the dash a typo), otherwise the start of a range
 * (1:04, as `1:04–1:22` is); frame timecodes and hours-and-minutes lists as `readings` says. A verse, score or
 * ratio by its words is a time only as a chapter's start, or between times before and after it that it continues
 * (`…by Mark 4:12 Motivation 6:30…`). Times past the episode's length are left out.
 */
export function resolvePageTimes(
  candidates: readonly PageTimeCandidate[],
  context: PageTimeContext,
  readings: PageTimeReadings = { frames: false, hoursMinutes: false },
): PageTimestamp[] {
  const starts = context.chapterStarts ?? EMPTY;
  const latest = latestSecond(context.durationSeconds);
  const read: PageTimeCandidate[] = [];
  for (const candidate of candidates) {
    let { seconds, length } = candidate;
    if (!starts.has(seconds)) {
      if (starts.has(candidate.typo)) {
        seconds = candidate.typo;
        length += 3;
      } else if (readings.frames && candidate.frames >= 0) seconds = candidate.frames;
      else if (readings.hoursMinutes && candidate.hoursMinutes >= 0) seconds = candidate.hoursMinutes;
    }
    if (seconds > latest) continue;
    read.push({ ...candidate, seconds, length, suspicious: candidate.suspicious && !starts.has(seconds) });
  }
  return keepContinued(read);
}

const EMPTY: ReadonlySet<number> = new Set();

/**
 * The times in a text as a listener reads them (see {@link scanPageTimes} and {@link resolvePageTimes}), the
 * text's own candidates deciding how it writes its times.
 * @example
 * findPageTimestamps('Skip to 12:30, not 10:30 am'); // [{ index: 8, length: 5, seconds: 750 }]
 */
export function findPageTimestamps(text: string, context: PageTimeContext = {}): PageTimestamp[] {
  const candidates = scanPageTimes(text);
  const readings = context.chapterStarts ? pageTimeReadings(candidates, context.chapterStarts) : undefined;
  return resolvePageTimes(candidates, context, readings);
}

/** Drops each suspicious time that does not continue plain times on both sides of it in ascending order. */
function keepContinued(found: readonly PageTimeCandidate[]): PageTimestamp[] {
  // The next plain time after each one, found in one pass from the end.
  const nextPlain = new Array<number>(found.length);
  let following = -1;
  for (let k = found.length - 1; k >= 0; k--) {
    nextPlain[k] = following;
    if (!found[k]!.suspicious) following = found[k]!.seconds;
  }
  const kept: PageTimestamp[] = [];
  let previous = -1;
  for (let k = 0; k < found.length; k++) {
    const { index, length, seconds, suspicious } = found[k]!;
    if (!suspicious) previous = seconds;
    else if (!(previous >= 0 && previous < seconds && seconds < nextPlain[k]!)) continue;
    kept.push({ index, length, seconds });
  }
  return kept;
}

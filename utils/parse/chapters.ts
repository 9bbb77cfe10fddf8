// Chapters from show notes: text or a DOM node in, ascending chapters with titles and a confidence out. Pure.
import type { Chapter } from '@/utils/model';
import { linkSeconds } from './chapters-links';
import { MAX_BLOCK_ITEMS, MAX_ITEM_GAP, scanTimestamps, type TimeReading, type TimestampOccurrence } from './chapters-scan';
import { renderNodeText, type TextLimits, type TextMark } from './text';

export interface ChapterParseOptions {
  /** The episode's length when known: times at or past it are not chapters. */
  durationSeconds?: number | null;
}

export interface ChapterParse {
  chapters: Chapter[];
  /** 0..1: how much the timestamps found look like a chapter list (0 when there are none). */
  confidence: number;
}

const MAX_TITLE_LENGTH = 2_000;
/** How long the last title of an inline run may run on before we suspect it swallowed the page. */
const MAX_INLINE_TAIL = 240;
/** Cost of a second chapter at the same second (merged later) against a clean ascending step. */
const EQUAL_START_COST = 0.6;

interface Pick {
  occurrence: TimestampOccurrence;
  reading: TimeReading;
}

interface Candidate {
  picks: Pick[];
  score: number;
  quality: number;
  structuredShare: number;
  coverage: number;
}

/** Newline offsets of a text, for line starts and ends in logarithmic time (show notes can be one huge line). */
class LineIndex {
  private readonly breaks: number[] = [];
  constructor(private readonly text: string) {
    for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) this.breaks.push(i);
  }
  /** Offset of the first character of the line holding `offset`. */
  start(offset: number): number {
    const k = this.breaksBefore(offset);
    return k === 0 ? 0 : this.breaks[k - 1]! + 1;
  }
  /** Offset of the newline ending the line holding `offset` (or the text's length). */
  end(offset: number): number {
    const k = this.breaksBefore(offset);
    return k < this.breaks.length ? this.breaks[k]! : this.text.length;
  }
  /** The index of the line holding `offset`. */
  line(offset: number): number {
    return this.breaksBefore(offset);
  }
  /** Count of newlines strictly before `offset`. */
  private breaksBefore(offset: number): number {
    let lo = 0;
    let hi = this.breaks.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.breaks[mid]! < offset) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }
}

/**
 * The highest-scoring strictly ascending run of readings through a block (one reading per occurrence at most),
 * in O(n log n): a Fenwick tree over the sorted distinct times keeps the best chain ending below each time.
 */
function bestChain(block: TimestampOccurrence[]): Pick[] {
  const values: number[] = [];
  for (const occurrence of block) {
    if (occurrence.notStart) continue;
    for (const reading of occurrence.readings) values.push(reading.seconds);
  }
  if (values.length === 0) return [];
  values.sort((a, b) => a - b);
  let distinct = 0;
  for (let i = 0; i < values.length; i++) if (i === 0 || values[i] !== values[i - 1]) values[distinct++] = values[i]!;
  values.length = distinct;
  const rank = (seconds: number): number => {
    let lo = 0;
    let hi = distinct - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (values[mid]! < seconds) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
  // Plain arrays, not typed ones: a block holds a few dozen times, and a typed array's separate backing store
  // costs more to allocate in a content script's first (interpreted) run than the whole chain search.
  const treeScore = new Array<number>(distinct + 1).fill(-1);
  const treeNode = new Array<number>(distinct + 1).fill(-1);
  const exactScore = new Array<number>(distinct).fill(-1);
  const exactNode = new Array<number>(distinct).fill(-1);
  const nodeOccurrence: number[] = [];
  const nodeReading: TimeReading[] = [];
  const nodePrevious: number[] = [];
  const nodeScore: number[] = [];
  let bestNode = -1;
  const pending: Array<[number, number]> = [];
  for (let o = 0; o < block.length; o++) {
    const occurrence = block[o]!;
    if (occurrence.notStart) continue;
    pending.length = 0;
    for (const reading of occurrence.readings) {
      const r = rank(reading.seconds);
      const weight = 1 - reading.penalty;
      // Best chain ending strictly below this time: Fenwick prefix maximum over ranks [0, r).
      let below = -1;
      let belowNode = -1;
      for (let i = r; i > 0; i -= i & -i) {
        if (treeScore[i]! > below) {
          below = treeScore[i]!;
          belowNode = treeNode[i]!;
        }
      }
      let score = weight + Math.max(below, 0);
      let previous = below > 0 ? belowNode : -1;
      if (exactScore[r]! > 0 && exactScore[r]! + weight - EQUAL_START_COST > score) {
        score = exactScore[r]! + weight - EQUAL_START_COST;
        previous = exactNode[r]!;
      }
      const node = nodeScore.length;
      nodeOccurrence.push(o);
      nodeReading.push(reading);
      nodePrevious.push(previous);
      nodeScore.push(score);
      pending.push([r, node]);
      if (bestNode < 0 || score > nodeScore[bestNode]!) bestNode = node;
    }
    // Insert after reading all of this occurrence's readings, so one occurrence never chains with itself.
    for (const [r, node] of pending) {
      const score = nodeScore[node]!;
      for (let i = r + 1; i <= distinct; i += i & -i) {
        if (score > treeScore[i]!) {
          treeScore[i] = score;
          treeNode[i] = node;
        }
      }
      if (score > exactScore[r]!) {
        exactScore[r] = score;
        exactNode[r] = node;
      }
    }
  }
  const picks: Pick[] = [];
  for (let node = bestNode; node >= 0; node = nodePrevious[node]!) {
    picks.push({ occurrence: block[nodeOccurrence[node]!]!, reading: nodeReading[node]! });
  }
  return picks.reverse();
}

function median(numbers: number[]): number {
  if (numbers.length === 0) return 0;
  const sorted = [...numbers].sort((a, b) => a - b);
  return sorted[sorted.length >> 1]!;
}

/** Scores one block's best chain as a chapter list, or null when it is not one. */
function assess(block: TimestampOccurrence[], picks: Pick[]): Candidate | null {
  const starts = new Set(picks.map((p) => p.reading.seconds));
  const count = starts.size;
  if (count < 2) return null;
  const structured = picks.filter((p) => p.occurrence.structured || p.occurrence.linked).length;
  const structuredShare = structured / picks.length;
  // Two times in a sentence ("at 10:30 we ... by 45:00") are prose, not a list.
  if (structured < 2 || structuredShare < 0.5) return null;
  // Digits split off a title (`…20.0432:04`) happen now and then in glued text, never as the rule.
  const split = picks.filter((p) => p.reading.kind === 'glued').length;
  if (split * (picks.length < 5 ? 3 : 2) > picks.length) return null;
  const startable = block.filter((o) => !o.notStart).length;
  const coverage = picks.length / Math.max(1, startable);
  // A random scatter of times (other episodes' durations) has only a short ascending thread through it.
  if (startable >= 4 && coverage < 0.7) return null;
  if (startable === 3 && count < 3 && !picks.every((p) => p.occurrence.linked)) return null;
  const gaps: number[] = [];
  const seconds = [...starts].sort((a, b) => a - b);
  for (let i = 1; i < seconds.length; i++) gaps.push(seconds[i]! - seconds[i - 1]!);
  // Transcripts stamp every utterance, a few seconds apart; chapters are minutes apart.
  if (count >= 15 && median(gaps) <= 20) return null;
  const penalty = picks.reduce((sum, p) => sum + p.reading.penalty, 0) / picks.length;
  const quality = structuredShare * (0.5 + 0.5 * coverage) * (1 - Math.min(0.9, penalty));
  return { picks, score: count * quality, quality, structuredShare, coverage };
}

/** Splits occurrences into blocks of neighbours (no more than MAX_ITEM_GAP characters apart). */
function blocksOf(occurrences: TimestampOccurrence[]): TimestampOccurrence[][] {
  const blocks: TimestampOccurrence[][] = [];
  let current: TimestampOccurrence[] = [];
  let lastEnd = -Infinity;
  for (const occurrence of occurrences) {
    if (current.length > 0 && occurrence.runStart - lastEnd > MAX_ITEM_GAP) {
      blocks.push(current);
      current = [];
    }
    current.push(occurrence);
    lastEnd = occurrence.rangeEnd?.end ?? occurrence.end;
  }
  if (current.length > 0) blocks.push(current);
  return blocks;
}

/** A calendar date inside a title: lists whose titles carry dates are other episodes with their durations. */
const DATED = /(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]{0,6}\.? \d{1,2},? \d{4}\b|\b\d{4}-\d{2}-\d{2}\b|\b\d{1,2}\/\d{1,2}\/\d{2,4}\b/i;

/** The best list among the blocks, judged on its times and then on its titles. */
function selectList(text: string, occurrences: TimestampOccurrence[]): { candidate: Candidate; titles: string[] } | null {
  let best: { candidate: Candidate; titles: string[] } | null = null;
  let lines: LineIndex | null = null;
  for (const block of blocksOf(occurrences)) {
    if (block.length > MAX_BLOCK_ITEMS) continue;
    const forward = assess(block, bestChain(block));
    // Notes written last-topic-first: the same list read from the bottom (sorted when assembled).
    const backward = assess(block, bestChain([...block].reverse()).reverse());
    // Only a whole block in reverse counts: stray descending pairs are durations, comments, readouts.
    const reversed = backward !== null && backward.coverage === 1 && backward.picks.length >= 3;
    const candidate = reversed && (!forward || backward.score > forward.score * 1.5) ? backward : forward;
    if (!candidate || (best && candidate.score <= best.candidate.score)) continue;
    lines ??= new LineIndex(text);
    const titles = titlesFor(text, candidate.picks, lines);
    const untitled = titles.filter((t) => t === '').length;
    // Bare times on their own lines are a player's readouts (`00:00` / `23:59`), not topics.
    if (untitled * 2 >= titles.length) continue;
    const dated = titles.filter((t) => DATED.test(t)).length;
    if (dated * 2 >= titles.length) continue;
    best = { candidate, titles };
  }
  return best;
}

// ---- titles -------------------------------------------------------------------------------------------------

const LEADING_JUNK = new Set([' ', '\t', '\u00a0', '-', '–', '—', '|', ':', '•', '·', '*', '>', '=', ')', ']', '}', '▪', '►', '▸']);
const TRAILING_JUNK = new Set([' ', '\t', '\u00a0', '-', '–', '—', '|', ':', '~', '•', '·', '*', '(', '[', '{', '<', '=', '▪', '►', '▸']);
const SECTION_WORDS = ['links', 'references', 'show notes', 'resources', 'sponsors', 'credits', 'transcript', 'mentioned', 'notes', 'support the show'];
const BULLET_START = /^\s*(?:[-*•·▪►▸‣◦●○+>–—]|\d{1,3}[.)])\s/;

/** White space that collapsing changes: a run of it other than one plain space. */
const COLLAPSIBLE_SPACE = /[^\S ]| {2}/;
const SPACE_RUN = /[\s\u00a0]+/g;

/** Trims separators, bullets and brackets from both ends and collapses white space. */
function cleanTitle(raw: string): string {
  let start = 0;
  let end = raw.length;
  while (start < end && (LEADING_JUNK.has(raw.charAt(start)) || raw.charCodeAt(start) === 10 || raw.charCodeAt(start) === 13)) start++;
  while (end > start && (TRAILING_JUNK.has(raw.charAt(end - 1)) || raw.charCodeAt(end - 1) === 10 || raw.charCodeAt(end - 1) === 13)) end--;
  let title = raw.slice(start, end);
  // Most titles have only single spaces: tested first, they skip building a copy.
  if (COLLAPSIBLE_SPACE.test(title)) title = title.replace(SPACE_RUN, ' ');
  // "1:45 – (Part 2) ..." keeps its bracket; a lone closing bracket of "(1:45)" does not.
  if (title.length > MAX_TITLE_LENGTH) title = title.slice(0, MAX_TITLE_LENGTH).trimEnd();
  return title;
}

function endsWithSeparator(raw: string): boolean {
  const trimmed = raw.trimEnd();
  const last = trimmed.charAt(trimmed.length - 1);
  return last === '–' || last === '—' || last === '-' || last === '|' || last === ':' || last === ',';
}

/** Joins a title's first line with the lines that continue it (a title broken at inline code, a wrapped line). */
function joinLines(lines: string[]): string {
  let title = cleanTitle(lines[0] ?? '');
  let dangling = endsWithSeparator(lines[0] ?? '') || title === '';
  for (let k = 1; k < lines.length && k <= 4; k++) {
    const raw = lines[k]!;
    const cleaned = cleanTitle(raw);
    if (cleaned === '' || BULLET_START.test(raw) || /^https?:/i.test(cleaned)) break;
    // Indented lines continue a list item (Markdown's wrapped items); so does lower-case text after a break.
    const continues = dangling || /^[ \t\u00a0]{2,}/.test(raw) || /^[a-z`'"(&,;.]/.test(cleaned);
    if (!continues) break;
    title = title ? `${title} ${cleaned}` : cleaned;
    dangling = endsWithSeparator(raw);
  }
  return title;
}

/** Cuts what follows the last title of an inline run: emoji section markers, raw markup, section headings. */
function cutInlineTail(title: string): string {
  let cut = title.length;
  for (let i = 1; i < title.length; i++) {
    const code = title.codePointAt(i)!;
    const isEmoji = code >= 0x1f000 || (code >= 0x2600 && code <= 0x27bf) || (code >= 0x2b00 && code <= 0x2bff);
    const isMarkup = title.charAt(i) === '<' && /[a-z/!]/i.test(title.charAt(i + 1));
    if (isEmoji || isMarkup) {
      cut = i;
      break;
    }
  }
  let result = cleanTitle(title.slice(0, cut));
  for (let again = true; again; ) {
    again = false;
    const lower = result.toLowerCase();
    for (const word of SECTION_WORDS) {
      if (lower.length > word.length && lower.endsWith(` ${word}`)) {
        result = cleanTitle(result.slice(0, result.length - word.length));
        again = true;
        break;
      }
    }
  }
  if (result.length > MAX_INLINE_TAIL) {
    const sentence = result.indexOf('. ', 20);
    result = sentence > 0 && sentence < MAX_INLINE_TAIL ? result.slice(0, sentence + 1) : result.slice(0, result.lastIndexOf(' ', MAX_INLINE_TAIL));
  }
  return result;
}

/** Where an item's own text begins: its time, plus an opening bracket before it on the same line. */
function leadStart(text: string, pick: Pick): number {
  let p = pick.reading.start;
  for (let steps = 0; p > 0 && steps < 6; steps++) {
    const ch = text.charAt(p - 1);
    if (ch === ' ' || ch === '\t' || ch === '\u00a0' || ch === '(' || ch === '[' || ch === '{') p--;
    else break;
  }
  return p;
}

function itemEnd(pick: Pick): number {
  const rangeEnd = pick.occurrence.rangeEnd;
  return rangeEnd && pick.reading.kind !== 'typo' ? Math.max(rangeEnd.end, pick.reading.end) : pick.reading.end;
}

/** Titles for time-first items (`1:45 – Title`) or title-first items (`Title (1:45)`), chosen by majority. */
function titlesFor(text: string, picks: Pick[], lines: LineIndex): string[] {
  const leads = picks.map((p) => leadStart(text, p));
  const ends = picks.map(itemEnd);
  let titleFirstVotes = 0;
  for (let i = 0; i < picks.length; i++) {
    const lineEnd = lines.end(ends[i]!);
    const after = cleanTitle(text.slice(ends[i]!, Math.min(lineEnd, i + 1 < picks.length ? leads[i + 1]! : lineEnd)));
    const lineStart = Math.max(lines.start(leads[i]!), i > 0 ? ends[i - 1]! : 0);
    const before = cleanTitle(text.slice(Math.min(lineStart, leads[i]!), leads[i]!));
    if (after === '' && before !== '') titleFirstVotes++;
  }
  const titleFirst = titleFirstVotes * 2 > picks.length;
  return picks.map((_, i) => {
    if (titleFirst) {
      const from = i > 0 ? ends[i - 1]! : lines.start(leads[i]!);
      const segment = text.slice(Math.min(from, leads[i]!), leads[i]!);
      const segmentLines = segment.split('\n').map(cleanTitle).filter((l) => l !== '');
      return (segmentLines[segmentLines.length - 1] ?? '').replace(/^\d{1,3}[.)]\s+/, '');
    }
    const from = ends[i]!;
    if (i + 1 < picks.length) {
      return joinLines(text.slice(from, Math.max(from, leads[i + 1]!)).split('\n'));
    }
    // The last item: the rest of its line, plus continuation lines.
    const lineIndex = lines.line(from);
    const tail = [text.slice(from, lines.end(from))];
    let cursor = lines.end(from);
    for (let k = 0; k < 4 && cursor < text.length; k++) {
      const next = lines.end(cursor + 1);
      tail.push(text.slice(cursor + 1, next));
      cursor = next;
    }
    const title = joinLines(tail);
    const inline = i > 0 && lines.line(leads[i - 1]!) === lineIndex;
    return inline ? cutInlineTail(title) : title;
  });
}

// ---- assembly -----------------------------------------------------------------------------------------------

function isRendered(input: Node | RenderedNotes): input is RenderedNotes {
  return typeof (input as RenderedNotes).text === 'string' && Array.isArray((input as RenderedNotes).marks);
}

/** Show notes rendered to text, with the seconds each time-carrying link (`#t=105`) spans: plain data. */
export interface RenderedNotes {
  text: string;
  marks: TextMark<number>[];
}

/**
 * Render a show-notes node for {@link parseChapters}: its text, and where each link carrying a time sits in it.
 * @example renderNotes(li) // { text: '1:45 – Overview', marks: [{ start: 0, end: 4, value: 105 }] }
 */
export function renderNotes(node: Node, limits: TextLimits = {}): RenderedNotes {
  return renderNodeText(node, (element) => linkSeconds(element), limits);
}

function findOccurrences(input: string | Node | RenderedNotes, durationSeconds: number | null): { text: string; occurrences: TimestampOccurrence[] } {
  if (typeof input === 'string') return { text: input, occurrences: scanTimestamps(input, durationSeconds) };
  const rendered = isRendered(input) ? input : renderNotes(input);
  const text = rendered.text;
  const occurrences = scanTimestamps(text, durationSeconds);
  const added: TimestampOccurrence[] = [];
  for (const mark of rendered.marks) {
    const inside = occurrences.filter((o) => o.runStart >= mark.start && o.runStart < Math.max(mark.end, mark.start + 1));
    if (inside.length > 0) {
      // The visible text wins over the link's own seconds (the site computes typos like `1:04-22` wrongly).
      for (const occurrence of inside) {
        occurrence.linked = true;
        occurrence.structured = true;
      }
      continue;
    }
    if (durationSeconds !== null && durationSeconds > 0 && mark.value >= durationSeconds) continue;
    const label = text.slice(mark.start, mark.end);
    // A link whose text is a (broken) time replaces it; a link whose text is a title keeps it as the title.
    const end = /^[\s\d:.\-–()[\]]+$/.test(label) ? mark.end : mark.start;
    added.push({
      runStart: mark.start,
      end,
      readings: [{ seconds: mark.value, start: mark.start, end, penalty: 0, kind: 'plain' }],
      structured: true,
      linked: true,
      rangeEnd: null,
      notStart: false,
    });
  }
  if (added.length > 0) {
    occurrences.push(...added);
    occurrences.sort((a, b) => a.runStart - b.runStart);
  }
  return { text, occurrences };
}

function confidenceOf(candidate: Candidate, chapters: Chapter[]): number {
  const count = chapters.length;
  const size = Math.min(1, 0.3 + 0.14 * count);
  const untitled = chapters.filter((c) => c.title === '').length / count;
  const fromZero = chapters[0]?.start === 0 ? 0.05 : 0;
  const value = size * candidate.quality * (1 - 0.4 * untitled) + fromZero;
  return Math.round(Math.min(1, Math.max(0, value)) * 1000) / 1000;
}

/**
 * Reads a chapter list out of show notes: one topic a line, inline runs, glued text where line breaks were
 * stripped, titles before times, ranges, links carrying times; ignores times of day, verses, ratios, URLs,
 * metadata and lone timestamps in prose. Chapters come back ascending with unique starts and derived ends.
 *
 * @example
 * parseChapters('Topics Include 1:45 – Overview 7:01 – Splitting up compute', { durationSeconds: 600 });
 * // { chapters: [{ start: 105, end: 421, title: 'Overview' }, { start: 421, end: 600, title: 'Splitting up compute' }],
 * //   confidence: 0.58 }
 */
export function parseChapters(input: string | Node | RenderedNotes, options: ChapterParseOptions = {}): ChapterParse {
  const duration = typeof options.durationSeconds === 'number' && Number.isFinite(options.durationSeconds) && options.durationSeconds > 0 ? Math.floor(options.durationSeconds) : null;
  if (input === null || input === undefined) return { chapters: [], confidence: 0 };
  const { text, occurrences } = findOccurrences(input, duration);
  const selected = selectList(text, occurrences);
  if (!selected) return { chapters: [], confidence: 0 };
  const { candidate, titles } = selected;
  const chapters: Chapter[] = [];
  const rangeEnds: Array<number | null> = [];
  const order = candidate.picks.map((pick, i) => ({ pick, title: titles[i] ?? '' })).sort((a, b) => a.pick.reading.seconds - b.pick.reading.seconds);
  order.forEach(({ pick, title }) => {
    const previous = chapters[chapters.length - 1];
    if (previous && previous.start === pick.reading.seconds) {
      // Two topics at one second: keep one chapter that names both.
      if (title !== '' && title !== previous.title) previous.title = previous.title ? `${previous.title}; ${title}` : title;
      return;
    }
    chapters.push({ start: pick.reading.seconds, title });
    rangeEnds.push(pick.reading.kind === 'typo' ? null : (pick.occurrence.rangeEnd?.seconds ?? null));
  });
  for (let i = 0; i < chapters.length; i++) {
    const next = chapters[i + 1];
    const chapter = chapters[i]!;
    const end = next ? next.start : (duration ?? rangeEnds[i] ?? null);
    if (end !== null && end >= chapter.start) chapter.end = end;
  }
  if (chapters.length < 2) return { chapters: [], confidence: 0 };
  return { chapters, confidence: confidenceOf(candidate, chapters) };
}

/**
 * Where real timestamps sit in a text, for making them clickable: the chapter list's times (with typos and
 * glued digits resolved) plus clean timestamps elsewhere; never times of day, verses, ratios, versions,
 * URLs or metadata.
 *
 * @example
 * findTimestamps('Skip to 1:45 (not 10:30 am)'); // [{ index: 8, length: 4, seconds: 105 }]
 */
export function findTimestamps(text: string): Array<{ index: number; length: number; seconds: number }> {
  if (typeof text !== 'string') return [];
  const occurrences = scanTimestamps(text, null);
  const chosen = new Map<TimestampOccurrence, TimeReading>();
  for (const pick of selectList(text, occurrences)?.candidate.picks ?? []) chosen.set(pick.occurrence, pick.reading);
  const found: Array<{ index: number; length: number; seconds: number }> = [];
  for (const occurrence of occurrences) {
    const reading = chosen.get(occurrence) ?? occurrence.readings.find((r) => r.kind === 'plain' && r.penalty === 0);
    if (reading) found.push({ index: reading.start, length: reading.end - reading.start, seconds: reading.seconds });
  }
  return found;
}

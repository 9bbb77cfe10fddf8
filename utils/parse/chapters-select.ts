// Choosing the chapter list among a text's timestamps: blocks of neighbours, the best ascending run through each,
// its frames-or-hours reading, the odd typo that goes backwards, and the checks that tell a list from noise. Pure.
import { MAX_BLOCK_ITEMS, MAX_ITEM_GAP, type TimeReading, type TimestampOccurrence } from './chapters-scan';
import { LineIndex, titlesFor, type Pick } from './chapters-titles';
import { transcriptRange } from './chapters-transcript';

/** Cost of a second chapter at the same second (merged later) against a clean ascending step. */
const EQUAL_START_COST = 0.6;
/**
 * Characters between two items that each begin a line, and still one list: a topic line followed by its notes
 * (a stamp on its line, bullets under it) can stand far from the next.
 */
const MAX_SECTION_GAP = 4_000;
/** At most this share of a list may go backwards (a typo, an hour left out) and still be one list. */
const MAX_BACKWARD_SHARE = 0.25;

export interface Candidate {
  picks: Pick[];
  score: number;
  quality: number;
  structuredShare: number;
  coverage: number;
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
  for (let i = 0; i < values.length; i++)
    if (i === 0 || values[i] !== values[i - 1]) values[distinct++] = values[i]!;
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
  const marked = picks.filter((p) => p.occurrence.structured || p.occurrence.linked).length;
  // A run of three or more times each followed by a capitalised title is a list whose separators were collapsed.
  const titled =
    count >= 3
      ? picks.filter((p) => !p.occurrence.structured && !p.occurrence.linked && p.occurrence.titled).length
      : 0;
  const structured = marked + (titled * 3) / 4;
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

/**
 * Splits occurrences into blocks of neighbours: no more than MAX_ITEM_GAP characters apart, or MAX_SECTION_GAP
 * when both open a list item (a topic with its notes under it, a long question).
 */
function blocksOf(occurrences: TimestampOccurrence[]): TimestampOccurrence[][] {
  const blocks: TimestampOccurrence[][] = [];
  let current: TimestampOccurrence[] = [];
  let last: TimestampOccurrence | null = null;
  for (const occurrence of occurrences) {
    const head = occurrence.itemHead ?? occurrence.lineHead;
    if (last) {
      const gap = occurrence.runStart - (last.rangeEnd?.end ?? last.end);
      // Far apart, items stay one list only while their times go on rising: a list that starts over is the next
      // episode's (a show page lists many, each with its notes).
      const continues =
        gap <= MAX_ITEM_GAP ||
        (gap <= MAX_SECTION_GAP && (last.itemHead ?? last.lineHead) && head && rises(last, occurrence));
      if (!continues) {
        blocks.push(current);
        current = [];
      }
    }
    current.push(occurrence);
    last = occurrence;
  }
  if (current.length > 0) blocks.push(current);
  return blocks;
}

/** Whether some reading of `next` comes after the earliest reading of `previous`. */
function rises(previous: TimestampOccurrence, next: TimestampOccurrence): boolean {
  let earliest = Infinity;
  for (const r of previous.readings) earliest = Math.min(earliest, r.seconds);
  return next.readings.some((r) => r.seconds > earliest);
}

/** The reading of a kind, made the only one and without its cost: the block decided how its times read. */
function onlyReadings(
  occurrence: TimestampOccurrence,
  keep: (reading: TimeReading) => boolean,
  free: boolean,
): TimestampOccurrence {
  const readings = occurrence.readings
    .filter(keep)
    .map((r) => (free && r.kind === 'frames' ? { ...r, penalty: Math.max(0, r.penalty - 0.45) } : r));
  return readings.length === occurrence.readings.length && !free ? occurrence : { ...occurrence, readings };
}

/** Whether a character code is a letter or digit: a time glued to one may carry a title's digits. */
const isWordChar = (code: number): boolean =>
  (code >= 48 && code <= 57) || (code >= 65 && code <= 90) || (code >= 97 && code <= 122) || code > 0x7f;

/**
 * Three-part stamps read one way for the whole block: minutes:seconds:frames when one of them, standing free, or
 * two glued to text, cannot be hours (`20:03:12` in an hour's show), hours:minutes:seconds otherwise. Digits split
 * off a glued title (`S31:04:16`) are another matter and keep their readings.
 */
function decideFrames(text: string, block: TimestampOccurrence[]): TimestampOccurrence[] {
  const threePart = block.filter((o) => o.readings.some((r) => r.kind === 'frames'));
  if (threePart.length === 0) return block;
  // Frames count below 30 a second: one three-part stamp ending at :30 or later makes them all hours.
  const withoutFrames = block.some(
    (o) => !threePart.includes(o) && o.readings.some((r) => r.kind === 'plain' && colons(text, r) === 2),
  );
  const impossibleHours = threePart.filter((o) =>
    o.readings.every((r) => r.kind !== 'plain' || r.seconds >= 10 * 3600),
  );
  // One such stamp standing free decides; glued to text, one may have borrowed a title's digit, two do not.
  const frames =
    !withoutFrames &&
    (impossibleHours.length >= 2 ||
      impossibleHours.some((o) => !isWordChar(text.charCodeAt(o.runStart - 1))));
  return block.map((o) =>
    threePart.includes(o)
      ? onlyReadings(o, (r) => (frames ? r.kind !== 'plain' : r.kind !== 'frames'), frames)
      : o,
  );
}

/** How many colons a reading's written form has. */
function colons(text: string, reading: TimeReading): number {
  let count = 0;
  for (let i = reading.start; i < reading.end; i++) if (text.charCodeAt(i) === 58) count++;
  return count;
}

/**
 * A table with a duration column (`1 00:00 Welcome 00:54`): on lines that begin with a time and end with another,
 * the last is the chapter's length, not a start, when most of the block's lines read so.
 */
function markDurationColumn(
  text: string,
  block: TimestampOccurrence[],
  lines: LineIndex,
): TimestampOccurrence[] {
  const tails = new Map<TimestampOccurrence, TimestampOccurrence>();
  let heads = 0;
  for (let k = 0; k < block.length; k++) {
    const head = block[k]!;
    if (!head.lineHead) continue;
    heads++;
    const line = lines.line(head.runStart);
    const tail = block[k + 1];
    if (!tail || lines.line(tail.runStart) !== line || tail.notStart) continue;
    if (/^[\s|*_)\]]*$/.test(text.slice(tail.end, lines.end(tail.end)))) tails.set(tail, head);
  }
  if (tails.size < 2 || tails.size * 2 < heads) return block;
  const titleEnds = new Map<TimestampOccurrence, number>();
  for (const [tail, head] of tails) titleEnds.set(head, tail.runStart);
  return block
    .filter((o) => !tails.has(o))
    .map((o) => (titleEnds.has(o) ? { ...o, titleEnd: titleEnds.get(o)! } : o));
}

/** How far a line is indented: a tab counts four spaces. */
function indentOf(text: string, at: number, lines: LineIndex): number {
  let width = 0;
  for (let i = lines.start(at); i < at; i++) {
    const c = text.charCodeAt(i);
    if (c === 32 || c === 160) width += 1;
    else if (c === 9) width += 4;
    else break;
  }
  return width;
}

/**
 * An outline of topics with sub-topics stamped under them (`* 05:56 What happened`, then indented `* 06:07 React`):
 * the chapters are the top level when it holds a list of its own.
 */
function topLevelOnly(text: string, block: TimestampOccurrence[], lines: LineIndex): TimestampOccurrence[] {
  const indents = block.map((o) => (o.lineHead ? indentOf(text, o.runStart, lines) : -1));
  let top = Infinity;
  for (const indent of indents) if (indent >= 0 && indent < top) top = indent;
  const nested = indents.filter((indent) => indent > top + 1).length;
  const level = indents.filter((indent) => indent >= 0 && indent <= top + 1).length;
  if (nested === 0 || level < 3) return block;
  return block.map((o, k) => (indents[k]! > top + 1 ? { ...o, notStart: true } : o));
}

/** What stands before a time on its line, digits alike: `* **[`, `#### [`, `9. `: items of one list share it. */
function linePrefix(text: string, occurrence: TimestampOccurrence, lines: LineIndex): string {
  return text
    .slice(lines.start(occurrence.runStart), occurrence.runStart)
    .replace(/\s+/g, '')
    .replace(/\d+/g, '9');
}

/**
 * Items of the list's own kind that the ascending run left out because they go backwards (`55:16 Sick Picks`,
 * then `00:16 Shameless Plugs` with its hour left out): a typo, not another list, when they are few, stand within
 * the list (or right after it) and are items the way the list's are: lines that begin alike, or items of the same
 * inline run.
 */
function withBackwardItems(
  text: string,
  block: TimestampOccurrence[],
  picks: Pick[],
  lines: LineIndex,
): Pick[] {
  if (picks.length < 4) return picks;
  const prefixes = new Map<string, number>();
  let widest = 0;
  for (let i = 0; i < picks.length; i++) {
    const occurrence = picks[i]!.occurrence;
    if (i > 0) widest = Math.max(widest, occurrence.runStart - picks[i - 1]!.occurrence.end);
    if (!occurrence.lineHead) continue;
    const prefix = linePrefix(text, occurrence, lines);
    prefixes.set(prefix, (prefixes.get(prefix) ?? 0) + 1);
  }
  let prefix = '';
  let shared = 0;
  for (const [candidate, count] of prefixes) if (count > shared) [prefix, shared] = [candidate, count];
  const lineList = shared * 4 >= picks.length * 3;
  const runLines = new Set(picks.map((p) => lines.line(p.occurrence.runStart)));
  if (!lineList && runLines.size * 4 > picks.length) return picks;
  const sameKind = (occurrence: TimestampOccurrence): boolean =>
    lineList
      ? occurrence.lineHead && linePrefix(text, occurrence, lines) === prefix
      : occurrence.structured &&
        (occurrence.itemHead ?? false) &&
        runLines.has(lines.line(occurrence.runStart));
  // A typo'd item reads like the others; a line of speech after the list (a transcript's cold open) does not.
  const lineLength = (occurrence: TimestampOccurrence) => lines.end(occurrence.end) - occurrence.end;
  const longest = Math.max(120, 2 * Math.max(...picks.map((p) => lineLength(p.occurrence))));
  const chosen = new Set(picks.map((p) => p.occurrence));
  const first = picks[0]!.occurrence.runStart;
  let previousEnd = picks[picks.length - 1]!.occurrence.end;
  const last = picks[picks.length - 1]!.occurrence.runStart;
  const extra: Pick[] = [];
  for (const occurrence of block) {
    if (chosen.has(occurrence) || occurrence.notStart || occurrence.runStart < first || !sameKind(occurrence))
      continue;
    if (lineList && lineLength(occurrence) > longest) continue;
    if (occurrence.runStart > last) {
      if (occurrence.runStart - previousEnd > widest * 2) break;
      previousEnd = occurrence.end;
    }
    const reading = occurrence.readings.reduce<TimeReading | null>(
      (best, r) => (best === null || r.penalty < best.penalty ? r : best),
      null,
    );
    if (reading && reading.kind !== 'glued') extra.push({ occurrence, reading });
  }
  if (extra.length === 0 || extra.length > picks.length * MAX_BACKWARD_SHARE) return picks;
  return [...picks, ...extra].sort((a, b) => a.occurrence.runStart - b.occurrence.runStart);
}

/** A calendar date inside a title: lists whose titles carry dates are other episodes with their durations. */
const DATED =
  /(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]{0,6}\.? \d{1,2},? \d{4}\b|\b\d{4}-\d{2}-\d{2}\b|\b\d{1,2}\/\d{1,2}\/\d{2,4}\b/i;

/**
 * The best list among the blocks, judged on its times and then on its titles; a transcript's stamps are never
 * candidates. `wrapped`: the text is notes as written (lines may wrap), not a rendered page.
 */
export function selectList(
  text: string,
  occurrences: TimestampOccurrence[],
  wrapped: boolean,
): { candidate: Candidate; titles: string[] } | null {
  const transcript = transcriptRange(text, occurrences);
  const candidates = transcript
    ? occurrences.filter((o) => o.end <= transcript[0] || o.runStart >= transcript[1])
    : occurrences;
  let best: { candidate: Candidate; titles: string[] } | null = null;
  let lines: LineIndex | null = null;
  for (const found of blocksOf(candidates)) {
    if (found.length > MAX_BLOCK_ITEMS) continue;
    lines ??= new LineIndex(text);
    const block = topLevelOnly(text, markDurationColumn(text, decideFrames(text, found), lines), lines);
    const ascending = bestChain(block);
    const forward = assess(block, ascending);
    // Notes written last-topic-first: the same list read from the bottom (sorted when assembled).
    const backward = assess(block, bestChain([...block].reverse()).reverse());
    // Only a whole block in reverse counts: stray descending pairs are durations, comments, readouts.
    const reversed = backward !== null && backward.coverage === 1 && backward.picks.length >= 3;
    let candidate = reversed && (!forward || backward.score > forward.score * 1.5) ? backward : forward;
    if (candidate && candidate === forward) {
      const picks = withBackwardItems(text, block, candidate.picks, lines);
      if (picks !== candidate.picks) candidate = assess(block, picks) ?? candidate;
    }
    if (!candidate || (best && candidate.score <= best.candidate.score)) continue;
    const titles = titlesFor(text, candidate.picks, lines, wrapped);
    const untitled = titles.filter((t) => t === '').length;
    // Bare times on their own lines are a player's readouts (`00:00` / `23:59`), not topics.
    if (untitled * 2 >= titles.length) continue;
    const dated = titles.filter((t) => DATED.test(t)).length;
    if (dated * 2 >= titles.length) continue;
    best = { candidate, titles };
  }
  return best;
}

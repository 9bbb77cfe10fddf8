// Transcripts are not chapter lists: finds the stretch of text where timestamps mark utterances (a speaker's turn,
// a paragraph of speech) rather than topics, so the list is taken from the table of contents beside it. Pure.
import type { TimestampOccurrence } from './chapters-scan';
import { LineIndex } from './chapters-titles';

/** Fewer utterances than this are a short Q&A list, not a transcript. */
const MIN_UTTERANCES = 8;
/** Utterances follow each other within a minute or two; topics are minutes apart. */
const MAX_UTTERANCE_GAP = 120;
/** So many labelled turns make a transcript however far apart they are. */
const MANY_UTTERANCES = 40;
/** A paragraph of speech after a stamp, as opposed to a topic's title. */
const SPEECH_LENGTH = 200;

/**
 * A speaker's name after a stamp: `[00:00:23] **Andrew:** Hello`, `(00:02) Jane Doe: Right`, `0:15 - justin: …`.
 * One to four words, then a colon; a name may carry a number (`Speaker 1`, `Andrew - 1`).
 */
const LABEL_AFTER =
  /^[\])}]?[ \t\u00a0]*(?:[-–—|][ \t\u00a0]*)?(?:\*\*|__|\*|_)?([\p{L}][\p{L}\p{M}\p{N}'’.]*(?:[ \t\u00a0-]{1,3}[\p{L}\p{N}][\p{L}\p{M}\p{N}'’.]*){0,3})[ \t\u00a0]*(?:\*\*|__|\*|_)?[ \t\u00a0]*:(?:\*\*|__|\*|_)?(?=[ \t\u00a0]|$)/u;
/**
 * A speaker's name before a stamp: `**Naman:** [00:00:00] problem is…`, or with the stamp ending its line,
 * `Andrew Smith  0:02` (the utterance on the next line). Group 2 is the colon after the name.
 */
const LABEL_BEFORE =
  /^[\s\p{S}\p{P}]*([\p{L}][\p{L}\p{M}\p{N}'’.]*(?:[ \t\u00a0-]{1,3}[\p{L}\p{N}][\p{L}\p{M}\p{N}'’.]*){0,3})[ \t\u00a0]*(?:\*\*|__|\*|_)?[ \t\u00a0]*(:?)[ \t\u00a0*_]*[([{]?[ \t\u00a0]*$/u;
const STAMP_TAIL = /^[\])}]?[ \t\u00a0]*(?:\*\*|__|\*|_)?[ \t\u00a0]*:?[ \t\u00a0]*$/;

/** The speaker's name this stamp opens a turn of, lower-cased, or null. Reads a few dozen characters around it. */
function speakerOf(text: string, occurrence: TimestampOccurrence, lines: LineIndex): string | null {
  const lineEnd = lines.end(occurrence.end);
  const named = LABEL_AFTER.exec(text.slice(occurrence.end, Math.min(lineEnd, occurrence.end + 80)));
  if (named) return named[1]!.toLowerCase();
  const lineStart = lines.start(occurrence.runStart);
  if (occurrence.runStart - lineStart > 48) return null;
  const name = LABEL_BEFORE.exec(text.slice(lineStart, occurrence.runStart));
  if (!name) return null;
  // Without a colon, only a stamp that ends its line opens a turn (`Andrew Smith  0:02`, the words below it).
  const endsLine = lineEnd - occurrence.end <= 16 && STAMP_TAIL.test(text.slice(occurrence.end, lineEnd));
  return name[2] === ':' || endsLine ? name[1]!.toLowerCase() : null;
}

function medianGap(seconds: number[]): number {
  const sorted = [...seconds].sort((a, b) => a - b);
  const gaps: number[] = [];
  for (let i = 1; i < sorted.length; i++) gaps.push(sorted[i]! - sorted[i - 1]!);
  gaps.sort((a, b) => a - b);
  return gaps.length === 0 ? Infinity : gaps[gaps.length >> 1]!;
}

/** Whether stamps marking these turns make a transcript: many of them, close together (or very many). */
function isTranscript(turns: TimestampOccurrence[]): boolean {
  if (turns.length < MIN_UTTERANCES) return false;
  if (turns.length >= MANY_UTTERANCES) return true;
  return medianGap(turns.map((o) => o.readings[0]!.seconds)) <= MAX_UTTERANCE_GAP;
}

/**
 * The text range `[start, end)` of a transcript among the occurrences, or null when there is none. Turns are
 * stamps followed by a recurring speaker's name (speakers repeat, topics do not) or by a paragraph of speech;
 * the transcript runs from the first turn to the last, headings between them included.
 *
 * @example
 * transcriptRange(text, scanTimestamps(text, null)); // [2310, 48877] on a page with SECTIONS then a transcript
 */
export function transcriptRange(text: string, occurrences: TimestampOccurrence[]): [number, number] | null {
  if (occurrences.length < MIN_UTTERANCES) return null;
  const lines = new LineIndex(text);
  const speakers = new Map<string, TimestampOccurrence[]>();
  const speeches: TimestampOccurrence[] = [];
  for (const occurrence of occurrences) {
    if (occurrence.notStart || occurrence.readings.length === 0) continue;
    const speaker = speakerOf(text, occurrence, lines);
    if (speaker !== null && speaker.length >= 2) {
      const turns = speakers.get(speaker);
      if (turns) turns.push(occurrence);
      else speakers.set(speaker, [occurrence]);
    } else if (occurrence.lineHead && lines.end(occurrence.end) - occurrence.end >= SPEECH_LENGTH) {
      speeches.push(occurrence);
    }
  }
  // A name met once or twice is a topic that happens to end in a colon ("Sponsor: …"); speakers come back.
  const turns: TimestampOccurrence[] = [];
  let recurring = 0;
  for (const list of speakers.values()) {
    if (list.length < 3) continue;
    recurring += 1;
    turns.push(...list);
  }
  const labelled =
    turns.length >= MIN_UTTERANCES && recurring <= Math.max(6, turns.length / 3) && isTranscript(turns);
  const chosen = labelled ? turns : isTranscript(speeches) ? speeches : null;
  if (!chosen) return null;
  let first = chosen[0]!;
  let end = -Infinity;
  for (const occurrence of chosen) {
    if (occurrence.runStart < first.runStart) first = occurrence;
    end = Math.max(end, occurrence.end);
  }
  // A transcript's own heading just before its first turn (`## [00:00:00] Introduction`) starts no later than the
  // turn does; a table of contents before it ends later in the episode.
  let start = first.runStart;
  const firstSeconds = first.readings[0]!.seconds;
  for (let k = occurrences.indexOf(first) - 1; k >= 0; k--) {
    const before = occurrences[k]!;
    if (start - before.end > 600 || before.readings.every((r) => r.seconds > firstSeconds)) break;
    start = before.runStart;
  }
  return [start, end];
}

// Chapters from show notes: text or a DOM node in, ascending chapters with titles and a confidence out. Pure.
import type { Chapter } from '@/utils/model';
import { atLineStart, scanTimestamps, type TimeReading, type TimestampOccurrence } from './chapters-scan';
import { selectList, type Candidate } from './chapters-select';
import { renderNotes, type RenderedNotes } from './notes';

export { renderNotes, type RenderedNotes } from './notes';

export interface ChapterParseOptions {
  /** The episode's length when known: times at or past it are not chapters. */
  durationSeconds?: number | null;
}

export interface ChapterParse {
  chapters: Chapter[];
  /** 0..1: how much the timestamps found look like a chapter list (0 when there are none). */
  confidence: number;
  /**
   * Where each chapter's stamp starts in the notes' text (parallel to `chapters`), so a caller can read what
   * the notes put under a chapter (utils/tech/chapter-tech.ts). Absent when there are no chapters.
   */
  stamps?: number[];
}

// ---- assembly -----------------------------------------------------------------------------------------------

function isRendered(input: Node | RenderedNotes): input is RenderedNotes {
  return typeof (input as RenderedNotes).text === 'string' && Array.isArray((input as RenderedNotes).marks);
}

interface Occurrences {
  text: string;
  occurrences: TimestampOccurrence[];
  /** Notes as written (lines may wrap), not a page's rendered blocks. */
  wrapped: boolean;
}

function findOccurrences(input: string | Node | RenderedNotes, durationSeconds: number | null): Occurrences {
  if (typeof input === 'string')
    return { text: input, occurrences: scanTimestamps(input, durationSeconds), wrapped: true };
  const rendered = isRendered(input) ? input : renderNotes(input);
  const text = rendered.text;
  const occurrences = scanTimestamps(text, durationSeconds);
  const added: TimestampOccurrence[] = [];
  for (const mark of rendered.marks) {
    const inside = occurrences.filter(
      (o) => o.runStart >= mark.start && o.runStart < Math.max(mark.end, mark.start + 1),
    );
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
      lineHead: atLineStart(text, mark.start),
      linked: true,
      rangeEnd: null,
      notStart: false,
    });
  }
  if (added.length > 0) {
    occurrences.push(...added);
    occurrences.sort((a, b) => a.runStart - b.runStart);
  }
  return { text, occurrences, wrapped: false };
}

/** A blurb a directory cut short: its last title ends in an ellipsis at the very end of the notes. */
const CUT_SHORT = /(?:…|\.\.\.)$/;

/** Drops the last item of notes cut short: its title was cut off (`9:50 Test…`), maybe mid-word. */
function withoutCutItem(
  text: string,
  picks: Candidate['picks'],
  titles: string[],
): { picks: Candidate['picks']; titles: string[] } {
  if (picks.length === 0 || !CUT_SHORT.test(text.trimEnd())) return { picks, titles };
  let last = 0;
  for (let i = 1; i < picks.length; i++)
    if (picks[i]!.occurrence.runStart > picks[last]!.occurrence.runStart) last = i;
  if (!CUT_SHORT.test(titles[last] ?? '') && titles[last] !== '') return { picks, titles };
  return { picks: picks.filter((_, i) => i !== last), titles: titles.filter((_, i) => i !== last) };
}

/** Whether a chosen time was written `A:BB` (two parts), as opposed to `h:mm:ss` or a link's seconds. */
function twoPart(text: string, reading: TimeReading): boolean {
  const written = text.slice(reading.start, reading.end);
  return reading.kind === 'plain' && written.indexOf(':') === written.lastIndexOf(':');
}

/**
 * `m:ss` or `h:mm`, decided by the episode's length: a two-hour episode whose stamps run `0:00` … `1:50` wrote
 * hours and minutes (as `m:ss` they would all sit in its first two minutes).
 */
function hoursAndMinutes(text: string, picks: Candidate['picks'], duration: number | null): boolean {
  if (duration === null || picks.length < 2) return false;
  let latest = 0;
  for (const pick of picks) {
    if (pick.occurrence.linked || !twoPart(text, pick.reading)) return false;
    latest = Math.max(latest, pick.reading.seconds);
  }
  return latest * 60 <= duration && latest * 60 >= duration * 0.5 && latest < duration * 0.1;
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
export function parseChapters(
  input: string | Node | RenderedNotes,
  options: ChapterParseOptions = {},
): ChapterParse {
  const duration =
    typeof options.durationSeconds === 'number' &&
    Number.isFinite(options.durationSeconds) &&
    options.durationSeconds > 0
      ? Math.floor(options.durationSeconds)
      : null;
  if (input === null || input === undefined) return { chapters: [], confidence: 0 };
  const { text, occurrences, wrapped } = findOccurrences(input, duration);
  const selected = selectList(text, occurrences, wrapped);
  if (!selected) return { chapters: [], confidence: 0 };
  const { candidate } = selected;
  const { picks, titles } = withoutCutItem(text, candidate.picks, selected.titles);
  const scale = hoursAndMinutes(text, picks, duration) ? 60 : 1;
  const chapters: Chapter[] = [];
  const stamps: number[] = [];
  const rangeEnds: Array<number | null> = [];
  const order = picks
    .map((pick, i) => ({ pick, title: titles[i] ?? '' }))
    .sort((a, b) => a.pick.reading.seconds - b.pick.reading.seconds);
  order.forEach(({ pick, title }) => {
    const start = pick.reading.seconds * scale;
    const previous = chapters[chapters.length - 1];
    if (previous && previous.start === start) {
      // Two topics at one second: keep one chapter that names both.
      if (title !== '' && title !== previous.title)
        previous.title = previous.title ? `${previous.title}; ${title}` : title;
      return;
    }
    chapters.push({ start, title });
    stamps.push(pick.occurrence.runStart);
    const rangeEnd = pick.reading.kind === 'typo' ? null : (pick.occurrence.rangeEnd?.seconds ?? null);
    rangeEnds.push(rangeEnd === null ? null : rangeEnd * scale);
  });
  for (let i = 0; i < chapters.length; i++) {
    const next = chapters[i + 1];
    const chapter = chapters[i]!;
    const end = next ? next.start : (duration ?? rangeEnds[i] ?? null);
    if (end !== null && end >= chapter.start) chapter.end = end;
  }
  if (chapters.length < 2) return { chapters: [], confidence: 0 };
  return { chapters, confidence: confidenceOf(candidate, chapters), stamps };
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
  for (const pick of selectList(text, occurrences, true)?.candidate.picks ?? [])
    chosen.set(pick.occurrence, pick.reading);
  const found: Array<{ index: number; length: number; seconds: number }> = [];
  for (const occurrence of occurrences) {
    const reading =
      chosen.get(occurrence) ?? occurrence.readings.find((r) => r.kind === 'plain' && r.penalty === 0);
    if (reading)
      found.push({ index: reading.start, length: reading.end - reading.start, seconds: reading.seconds });
  }
  return found;
}

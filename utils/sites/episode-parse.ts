// The parsing half of a scan: an episode read from its page becomes an Episode (chapters, technologies). Pure.
import type { Chapter, Episode, TechMention } from '../model';
import { truncateText } from '../text-limits';
import { parseChapters, type ChapterParse } from '../parse/chapters';
import { extractTech, type TechInput } from '@/utils/tech/extract';
import { techInputFromReading } from '@/utils/tech/input-reading';
import { techInputFromText } from '@/utils/tech/input-text';
import { chapterTech, nestedLines } from '@/utils/tech/chapter-tech';
import { techBySlug } from '@/utils/tech/catalog';
import type { EpisodeReading } from './reading';
import { audioUrl, httpUrl, wholeSeconds } from './values';

const MAX_CHAPTERS = 5_000;
const MAX_TECH = 1_000;
const MAX_TITLE = 2_000;

/** The notes' tech input plus the adapter's hints (tag badges, stack lists) and the title. */
function techInput(reading: EpisodeReading): TechInput {
  const { tech } = reading;
  if (tech?.kind === 'failed') throw new Error('the notes could not be read');
  const base: TechInput =
    tech === null
      ? {}
      : tech.kind === 'node'
        ? techInputFromReading(tech.reading)
        : techInputFromText(reading.notes?.text ?? '');
  const hints = reading.hints;
  return {
    text: [reading.title, base.text].filter(Boolean).join('\n'),
    listed: [...(base.listed ?? []), ...(hints.listed ?? [])],
    tags: [...(base.tags ?? []), ...(hints.tags ?? [])],
    links: [...(base.links ?? []), ...(hints.links ?? [])],
  };
}

function boundedChapters(chapters: Chapter[], durationSeconds: number | null): Chapter[] {
  const out: Chapter[] = [];
  for (const chapter of chapters.slice(0, MAX_CHAPTERS)) {
    const start = wholeSeconds(chapter.start);
    if (start === null) continue;
    let end = chapter.end === undefined ? undefined : wholeSeconds(chapter.end);
    // The parser was given a minute of headroom past a whole-minute duration; ends stay within what the page says.
    if (typeof end === 'number' && durationSeconds !== null && end > durationSeconds)
      end = start <= durationSeconds ? durationSeconds : null;
    out.push({
      ...chapter,
      start,
      ...(end === undefined ? {} : { end }),
      title: truncateText(chapter.title, MAX_TITLE),
    });
  }
  return out;
}

/**
 * Each chapter with the technologies it talks about: its title and what the notes nest under its stamp (up
 * to the next stamp in the text, whatever its time), with the episode's stack vouching for ambiguous names.
 */
function withChapterTech(
  chapters: Chapter[],
  stamps: readonly number[] | undefined,
  text: string,
  episodeTech: readonly TechMention[],
): Chapter[] {
  const inTextOrder = stamps === undefined ? [] : [...stamps].sort((a, b) => a - b);
  const nextStamp = new Map<number, number>();
  for (let k = inTextOrder.length - 1; k > 0; k--)
    if (inTextOrder[k - 1]! < inTextOrder[k]!) nextStamp.set(inTextOrder[k - 1]!, inTextOrder[k]!);
  return chapters.map((chapter, i) => {
    const stamp = stamps?.[i];
    const nested = stamp === undefined ? '' : nestedLines(text, stamp, nextStamp.get(stamp) ?? null);
    return {
      ...chapter,
      tech: attempt(() => chapterTech({ title: chapter.title, nested, episodeTech }), []),
    };
  });
}

/**
 * The technologies chapters talk about that the episode's list does not name, in order of first mention, named
 * from the catalog (a chapter is about what it talks about, "Moving off Heroku"; the episode's list keeps what it
 * uses). Source `text`: the notes mention them.
 */
function chapterOnlyTech(chapters: readonly Chapter[], tech: readonly TechMention[]): TechMention[] {
  const listed = new Set(tech.map((mention) => mention.slug));
  const found: TechMention[] = [];
  for (const chapter of chapters)
    for (const slug of chapter.tech ?? []) {
      if (listed.has(slug) || found.length >= MAX_TECH) continue;
      listed.add(slug);
      const known = techBySlug(slug);
      if (known) found.push({ slug, name: known.name, category: known.category, source: 'text' });
    }
  return found;
}

/** Chapters and tech are independent: a bug one of them hits on hostile text must not take the other's result. */
function attempt<T>(run: () => T, fallback: T): T {
  try {
    return run();
  } catch {
    return fallback;
  }
}

/**
 * Parse an episode read from its page: null when it has neither a chapter list (two or more) nor any technology.
 * Checks every value the page gave (URLs, date, lengths), so a reading from any page is safe to parse.
 * @example
 * const reading = readEpisode(findPageEpisodes(document, location.href)!, 0);
 * const episode = reading && parseEpisodeReading(reading); // episode?.chapters[0] → { start: 105, title: '…' }
 */
export function parseEpisodeReading(reading: EpisodeReading): Episode | null {
  const durationSeconds = wholeSeconds(reading.durationSeconds);
  // Directories print whole minutes (`1 hr 5 min` for 1:05:03): such a duration is a floor, not a ceiling.
  const parseDuration =
    durationSeconds !== null && durationSeconds % 60 === 0 ? durationSeconds + 59 : durationSeconds;
  const noChapters: ChapterParse = { chapters: [], confidence: 0 };
  const notes = reading.notes;
  const parsed =
    notes === null
      ? noChapters
      : attempt(() => parseChapters(notes, { durationSeconds: parseDuration }), noChapters);
  const tech: TechMention[] = attempt(() => extractTech(techInput(reading)).slice(0, MAX_TECH), []);
  const chapters = boundedChapters(
    withChapterTech(parsed.chapters, parsed.stamps, notes?.text ?? '', tech),
    durationSeconds,
  );
  // Notes with fewer than two timestamps and no technology get no overlay.
  if (chapters.length < 2 && tech.length === 0) return null;
  const onlyInChapters = attempt(() => chapterOnlyTech(chapters, tech), []);
  return {
    id: reading.id,
    title: typeof reading.title === 'string' ? truncateText(reading.title, MAX_TITLE) : null,
    podcast: typeof reading.podcast === 'string' ? truncateText(reading.podcast, MAX_TITLE) : null,
    date: reading.date && /^\d{4}-\d{2}-\d{2}$/.test(reading.date) ? reading.date : null,
    durationSeconds,
    url: httpUrl(reading.url),
    audioUrl: audioUrl(reading.audioUrl),
    chapters,
    chapterConfidence: Math.min(1, Math.max(0, Number.isFinite(parsed.confidence) ? parsed.confidence : 0)),
    tech,
    ...(onlyInChapters.length > 0 ? { chapterTech: onlyInChapters } : {}),
  };
}

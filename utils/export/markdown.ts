// An episode as Markdown: the one section both Markdown exports write, the CLI's document (a heading, its
// facts, Chapters and Tech stack) and the reading list's item (one line with its facts, the rest indented).
import type { Episode, TechMention } from '../model';
import { exportChapters } from './chapters';
import { formatTimestamp } from '../parse/time';
import { markdownEscape, safeHttpUrl } from './escape';
import type { ListedEpisode } from './listed-episode';
import { timeLinker, withTimeFragment } from './time-link';

// Callers of the Markdown writer (and its tests) take the media fragment from here.
export { withTimeFragment };

/** The CLI's document layout of an episode's section. */
export interface MarkdownOptions {
  /** Heading level of the episode title (1–6); a library export of many episodes may want 2. Default 1. */
  headingLevel?: number;
  /**
   * The link that opens the episode at `seconds`, when the site has its own (a site adapter's `timeUrl`).
   * Default: the audio URL with a `#t=` media fragment (browsers start playback there), else the page URL
   * with `#t=`. Whatever it returns must be http(s) or the chapter is written without a link.
   */
  timeUrl?: (seconds: number) => string | null;
}

/** An episode's section in two pieces, each line with its newline. */
export interface EpisodeSection {
  /** The title line: a document's heading, or a reading list's item with the episode's facts. */
  heading: string;
  /**
   * What follows: a document's facts, chapters and tech; an item's tech, tags, notes and chapters (the
   * reading list writes them under the first group that lists the episode).
   */
  details: string;
}

/** The episode's text that both layouts write, each piece escaped or vetted once (null: the episode has none). */
interface SectionText {
  title: string;
  /** The page link, vetted: the title and the chapters link from it. */
  page: string | null;
  podcast: string | null;
  date: string | null;
  duration: string | null;
}

const STATUS_LABEL = { 'to-listen': 'to listen', listening: 'listening', listened: 'listened' } as const;

/**
 * markdownEscape of names that repeat across a library (technologies, podcasts): a few hundred distinct
 * strings escaped again for every episode that names them. Bounded, so no export can grow it for long.
 */
const repeatedNames = new Map<string, string>();

/**
 * A technology, tag or podcast name as Markdown, escaped once however often it repeats.
 * @example
 * nameText('C++') // 'C\\+\\+'
 */
export function nameText(name: string): string {
  let text = repeatedNames.get(name);
  if (text === undefined) {
    if (repeatedNames.size >= 4_096) repeatedNames.clear();
    text = markdownEscape(name);
    repeatedNames.set(name, text);
  }
  return text;
}

/**
 * Chapters as Markdown list items, each linked to its time where `linkAt` gives a vetted http(s) link (each
 * line with its newline). A chapter with no title is written as "Chapter N" (players and readers show
 * nothing for an empty one).
 * @example
 * markdownChapterLines([{ start: 105, title: 'Overview' }], () => null, '  ') // '  - 1:45 Overview\n'
 */
export function markdownChapterLines(
  chapters: readonly { start: number; title: string }[],
  linkAt: (seconds: number) => string | null,
  indent = '',
): string {
  let lines = '';
  for (let index = 0; index < chapters.length; index++) {
    const chapter = chapters[index]!;
    const link = linkAt(chapter.start);
    const label = formatTimestamp(chapter.start);
    const title = markdownEscape(chapter.title) || `Chapter ${index + 1}`;
    lines += `${indent}- ${link ? `[${label}](${link})` : label} ${title}\n`;
  }
  return lines;
}

/**
 * One episode as a Markdown section, laid out as the CLI's document (`MarkdownOptions`, the default) or as
 * an item of the reading list (`'reading-list-item'`, which also writes what the listener added). Every
 * piece of page text is escaped, and only http(s) links are written.
 * @example
 * episodeSection(episode).heading // '# [Go at scale](https://example.com/ep/1)\n'
 * episodeSection(saved, 'reading-list-item').heading // '- [Deploys](https://…) — Running in Production · 2024-05-01 · 58:00 · to listen\n'
 */
export function episodeSection(episode: ListedEpisode, layout: 'reading-list-item'): EpisodeSection;
export function episodeSection(episode: Episode, layout?: MarkdownOptions): EpisodeSection;
export function episodeSection(
  episode: Episode,
  layout: 'reading-list-item' | MarkdownOptions = {},
): EpisodeSection {
  const text: SectionText = {
    title: markdownEscape(episode.title ?? '') || 'Untitled episode',
    page: safeHttpUrl(episode.url),
    podcast: episode.podcast ? nameText(episode.podcast) : null,
    date: episode.date ? markdownEscape(episode.date) : null,
    duration: episode.durationSeconds === null ? null : formatTimestamp(episode.durationSeconds),
  };
  return layout === 'reading-list-item'
    ? itemSection(episode as ListedEpisode, text)
    : documentSection(episode, text, layout);
}

function titleLink(title: string, url: string | null): string {
  return url ? `[${title}](${url})` : title;
}

/** The reading list's item: linked to the page or else the audio, the chapters to their times (`timeLinker`). */
function itemSection(episode: ListedEpisode, text: SectionText): EpisodeSection {
  const facts = [text.podcast, text.date, text.duration, STATUS_LABEL[episode.status]].filter(Boolean);
  const heading = `- ${titleLink(text.title, text.page ?? safeHttpUrl(episode.audioUrl))} — ${facts.join(' · ')}\n`;
  const lines: string[] = [];
  if (episode.tech.length) lines.push(`  - Tech: ${episode.tech.map((t) => nameText(t.name)).join(', ')}\n`);
  if (episode.tags.length) lines.push(`  - Tags: ${episode.tags.map((t) => nameText(t)).join(', ')}\n`);
  if (episode.notes.trim()) lines.push(`  - Notes: ${markdownEscape(episode.notes)}\n`);
  lines.push(markdownChapterLines(episode.chapters, timeLinker(text.page, episode.audioUrl), '  '));
  // One flat string: concatenating here would leave a rope that every group writing it flattens again.
  return { heading, details: lines.join('') };
}

function techLine(mention: TechMention): string {
  const how = mention.source === 'implied' ? `${mention.category}, implied` : mention.category;
  return `- ${markdownEscape(mention.name)} (${how})\n`;
}

/** The CLI's document: the heading, then blocks of facts, chapters (exportChapters' timeline) and tech. */
function documentSection(episode: Episode, text: SectionText, options: MarkdownOptions): EpisodeSection {
  const level = Math.min(6, Math.max(1, Math.floor(options.headingLevel ?? 1)));
  const subHashes = '#'.repeat(Math.min(6, level + 1));
  const blocks: string[] = [];

  const facts: string[] = [];
  if (text.podcast !== null) facts.push(`- Podcast: ${text.podcast}\n`);
  if (text.date !== null) facts.push(`- Date: ${text.date}\n`);
  if (text.duration !== null) facts.push(`- Duration: ${text.duration}\n`);
  const audioUrl = safeHttpUrl(episode.audioUrl);
  // An autolink: safeHttpUrl has already percent-encoded any `<`, `>` or space that could end it.
  if (audioUrl) facts.push(`- Audio: <${audioUrl}>\n`);
  if (facts.length > 0) blocks.push(facts.join(''));

  const timeUrl =
    options.timeUrl ??
    ((seconds: number) =>
      withTimeFragment(episode.audioUrl ?? episode.url, seconds) ?? withTimeFragment(episode.url, seconds));
  const chapters = exportChapters(episode);
  if (chapters.length > 0) {
    const linkAt = (seconds: number) => safeHttpUrl(timeUrl(seconds));
    blocks.push(`${subHashes} Chapters\n\n${markdownChapterLines(chapters, linkAt)}`);
  }
  if (episode.tech.length > 0)
    blocks.push(`${subHashes} Tech stack\n\n${episode.tech.map(techLine).join('')}`);

  // Blocks are set apart by a blank line; the section ends with one newline, whatever its last line held.
  const details = blocks.length > 0 ? `\n${blocks.join('\n').trimEnd()}\n` : '';
  return { heading: `${'#'.repeat(level)} ${titleLink(text.title, text.page)}\n`, details };
}

/**
 * One episode as a Markdown document (the CLI's).
 * @example episodeToMarkdown(episode)
 * // '# [Go at scale](https://example.com/ep/1)\n\n- Podcast: …\n\n## Chapters\n\n- [1:45](https://…/ep.mp3#t=105) Overview\n'
 */
export function episodeToMarkdown(episode: Episode, options: MarkdownOptions = {}): string {
  const { heading, details } = episodeSection(episode, options);
  return heading + details;
}

/**
 * Several episodes as one Markdown document, separated by thematic breaks.
 * @example episodesToMarkdown([a, b]) // '# [A](…)\n…\n\n---\n\n# [B](…)\n…'
 */
export function episodesToMarkdown(episodes: Episode[], options: MarkdownOptions = {}): string {
  return episodes.map((episode) => episodeToMarkdown(episode, options)).join('\n---\n\n');
}

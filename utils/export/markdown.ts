// An episode as Markdown: title linking to the episode, its facts, clickable chapters and its tech stack.
import type { Episode, TechMention } from '../model';
import { exportChapters } from './chapters';
import { formatTimestamp } from '../parse/time';
import { markdownEscape, safeHttpUrl } from './escape';
import { withTimeFragment } from './time-link';

// Callers of the Markdown writer (and its tests) take the media fragment from here.
export { withTimeFragment };

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

function techLine(mention: TechMention): string {
  const how = mention.source === 'implied' ? `${mention.category}, implied` : mention.category;
  return `- ${markdownEscape(mention.name)} (${how})`;
}

/**
 * Chapters as Markdown list items, each linked to its time where `linkAt` gives a vetted http(s) link: the
 * one chapter list the CLI's episode and the library's reading list both write (each line with its newline).
 * A chapter with no title is written as "Chapter N" (players and readers show nothing for an empty one).
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
 * One episode as a Markdown section. Every piece of page text is escaped, and only http(s) links are written.
 * @example episodeToMarkdown(episode)
 * // '# [Go at scale](https://example.com/ep/1)\n\n- Podcast: …\n\n## Chapters\n\n- [1:45](https://…/ep.mp3#t=105) Overview\n'
 */
export function episodeToMarkdown(episode: Episode, options: MarkdownOptions = {}): string {
  const level = Math.min(6, Math.max(1, Math.floor(options.headingLevel ?? 1)));
  const hashes = '#'.repeat(level);
  const subHashes = '#'.repeat(Math.min(6, level + 1));
  const title = markdownEscape(episode.title ?? '') || 'Untitled episode';
  const pageUrl = safeHttpUrl(episode.url);
  const lines = [pageUrl ? `${hashes} [${title}](${pageUrl})` : `${hashes} ${title}`, ''];

  const facts: string[] = [];
  if (episode.podcast) facts.push(`- Podcast: ${markdownEscape(episode.podcast)}`);
  if (episode.date) facts.push(`- Date: ${markdownEscape(episode.date)}`);
  if (episode.durationSeconds !== null) facts.push(`- Duration: ${formatTimestamp(episode.durationSeconds)}`);
  const audioUrl = safeHttpUrl(episode.audioUrl);
  // An autolink: safeHttpUrl has already percent-encoded any `<`, `>` or space that could end it.
  if (audioUrl) facts.push(`- Audio: <${audioUrl}>`);
  if (facts.length > 0) lines.push(...facts, '');

  const timeUrl =
    options.timeUrl ??
    ((seconds: number) =>
      withTimeFragment(episode.audioUrl ?? episode.url, seconds) ?? withTimeFragment(episode.url, seconds));
  const chapters = exportChapters(episode);
  if (chapters.length > 0) {
    const linkAt = (seconds: number) => safeHttpUrl(timeUrl(seconds));
    lines.push(`${subHashes} Chapters`, '', markdownChapterLines(chapters, linkAt));
  }

  if (episode.tech.length > 0) {
    lines.push(`${subHashes} Tech stack`, '', ...episode.tech.map(techLine), '');
  }
  return `${lines.join('\n').trimEnd()}\n`;
}

/**
 * Several episodes as one Markdown document, separated by thematic breaks.
 * @example episodesToMarkdown([a, b]) // '# [A](…)\n…\n\n---\n\n# [B](…)\n…'
 */
export function episodesToMarkdown(episodes: Episode[], options: MarkdownOptions = {}): string {
  return episodes.map((episode) => episodeToMarkdown(episode, options)).join('\n---\n\n');
}

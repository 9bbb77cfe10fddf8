// The CLI's output formats: the exact JSON shape of issue 2, the registry's chapter formats, and Markdown.
import type { Episode } from '../utils/model';
import { episodesToMarkdown } from '../utils/export/markdown';
import { CHAPTER_FORMATS } from '../utils/export/formats';
import type { Format } from './options';

/** One episode in the CLI's JSON: exactly these keys, in this order, nothing else. */
export interface CliEpisode {
  title: string | null;
  url: string | null;
  audioUrl: string | null;
  durationSeconds: number | null;
  chapters: { start: number; title: string }[];
  tech: { slug: string; name: string; category: string; source: 'list' | 'tag' | 'text' | 'implied' }[];
}

/**
 * An Episode reduced to the CLI's JSON shape (no `end`, no id, no confidence).
 * @example toCliEpisode(episode).chapters[0] // { start: 105, title: 'Overview' }
 */
export function toCliEpisode(episode: Episode): CliEpisode {
  return {
    title: episode.title,
    url: episode.url,
    audioUrl: episode.audioUrl,
    durationSeconds: episode.durationSeconds,
    chapters: episode.chapters.map(({ start, title }) => ({ start, title })),
    tech: episode.tech.map(({ slug, name, category, source }) => ({ slug, name, category, source })),
  };
}

/**
 * The text to print for `episodes` in `format`: a chapter format writes several episodes its own way
 * (`writeSeveral`, see utils/export/formats.ts); Markdown joins episodes with `---`. No episodes:
 * `{"episodes":[]}`, the chapter format's empty file, or nothing for Markdown.
 * @example formatEpisodes([episode], 'json') // '{"episodes":[{"title":…}]}\n'
 */
export function formatEpisodes(episodes: Episode[], format: Format): string {
  switch (format) {
    case 'json':
      return `${JSON.stringify({ episodes: episodes.map(toCliEpisode) })}\n`;
    case 'markdown':
      return episodesToMarkdown(episodes);
    default:
      return CHAPTER_FORMATS[format].writeSeveral(episodes);
  }
}

// The CLI's output formats: the exact JSON shape of issue 2, and the chapter/episode exports per episode.
import type { Episode } from '../utils/model';
import { episodesToMarkdown } from '../utils/export/markdown';
import { toPodcastChapters, toPodcastChaptersDocument } from '../utils/export/podcast-chapters';
import { toPsc } from '../utils/export/psc';
import { toWebVtt } from '../utils/export/webvtt';
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
 * The text to print for `episodes` in `format`. Single-episode formats with several episodes: Podcasting 2.0
 * JSON becomes a JSON array of chapter documents; WebVTT and PSC documents are printed one after another,
 * separated by a blank line (use `--episode N` to get one valid file); Markdown joins episodes with `---`.
 * No episodes: `{"episodes":[]}`, an empty chapters document, a bare `WEBVTT`, an empty `<psc:chapters>`,
 * or nothing for Markdown.
 * @example formatEpisodes([episode], 'json') // '{"episodes":[{"title":…}]}\n'
 */
export function formatEpisodes(episodes: Episode[], format: Format): string {
  switch (format) {
    case 'json':
      return `${JSON.stringify({ episodes: episodes.map(toCliEpisode) })}\n`;
    case 'podcast-chapters':
      if (episodes.length === 1) return toPodcastChapters(episodes[0]!);
      if (episodes.length === 0) return `${JSON.stringify({ version: '1.2.0', chapters: [] }, null, 2)}\n`;
      return `${JSON.stringify(episodes.map(toPodcastChaptersDocument), null, 2)}\n`;
    case 'webvtt':
      return episodes.length === 0 ? 'WEBVTT\n' : episodes.map(toWebVtt).join('\n');
    case 'psc':
      return episodes.length === 0 ? toPsc(emptyEpisode()) : episodes.map(toPsc).join('\n');
    case 'markdown':
      return episodesToMarkdown(episodes);
  }
}

function emptyEpisode(): Episode {
  return {
    id: 'none',
    title: null,
    podcast: null,
    date: null,
    durationSeconds: null,
    url: null,
    audioUrl: null,
    chapters: [],
    chapterConfidence: 0,
    tech: [],
  };
}

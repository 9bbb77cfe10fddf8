// What the content script tells the background about its tab: episodes trimmed to fit the message schema.
import { truncateText } from '../text-limits';
import type { Episode } from '../model';

const MAX_EPISODES = 2_000;
const MAX_CHAPTERS = 5_000;
const MAX_TECH = 1_000;

/**
 * An episode cut to the limits EpisodeSchema enforces, so a huge or odd page never gets the whole report
 * rejected: titles clipped, lists capped, non-http URLs dropped.
 * @example
 * toReportable({ ...episode, title: 'x'.repeat(1e6) }).title!.length // 2000
 */
export function toReportable(episode: Episode): Episode {
  return {
    id: episode.id.slice(0, 8_192) || 'unknown',
    title: episode.title === null ? null : truncateText(episode.title, 2_000),
    podcast: episode.podcast === null ? null : truncateText(episode.podcast, 2_000),
    // EpisodeSchema takes only YYYY-MM-DD: another form would get the whole report refused.
    date: episode.date !== null && /^\d{4}-\d{2}-\d{2}$/.test(episode.date) ? episode.date : null,
    durationSeconds: wholeSeconds(episode.durationSeconds),
    url: httpOrNull(episode.url),
    audioUrl: httpOrNull(episode.audioUrl),
    chapters: episode.chapters.slice(0, MAX_CHAPTERS).map((chapter) => ({
      start: wholeSeconds(chapter.start) ?? 0,
      ...(chapter.end === undefined ? {} : { end: wholeSeconds(chapter.end ?? null) }),
      title: truncateText(chapter.title, 2_000),
    })),
    chapterConfidence: Math.min(1, Math.max(0, episode.chapterConfidence || 0)),
    tech: episode.tech
      .slice(0, MAX_TECH)
      .map((tech) => ({ ...tech, slug: tech.slug.slice(0, 80), name: truncateText(tech.name, 120) })),
  };
}

/**
 * The `tab:episodes` message for a page's episodes.
 * @example
 * browser.runtime.sendMessage(tabEpisodesMessage(episodes))
 */
export function tabEpisodesMessage(episodes: readonly Episode[]) {
  return { type: 'tab:episodes' as const, episodes: episodes.slice(0, MAX_EPISODES).map(toReportable) };
}

function wholeSeconds(value: number | null): number | null {
  if (value === null || !Number.isFinite(value) || value < 0) return null;
  return Math.min(1_000_000, Math.floor(value));
}

function httpOrNull(value: string | null): string | null {
  if (!value || value.length > 8_192) return null;
  try {
    const { protocol } = new URL(value);
    return protocol === 'http:' || protocol === 'https:' ? value : null;
  } catch {
    return null;
  }
}

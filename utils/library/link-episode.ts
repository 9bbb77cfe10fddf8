// The episode to save when the listener right-clicks a page or a link: the detected one, or a minimal record.
import { EpisodeSchema, HttpUrlSchema, type Episode } from '../model';
import { truncateText } from '../text-limits';

/** An episode's identity URL: fragments (`#t=`, `#1:45`) do not make a different episode. */
export function canonicalEpisodeUrl(url: string): string | null {
  if (!HttpUrlSchema.safeParse(url).success) return null;
  const parsed = new URL(url);
  parsed.hash = '';
  return parsed.href;
}

export interface ContextClick {
  /** The link right-clicked, if any. */
  linkUrl?: string;
  /** The link's text (Firefox gives it; Chrome does not). */
  linkText?: string;
  pageUrl?: string;
  /** The tab's title, used when saving the page itself. */
  pageTitle?: string;
}

/**
 * Pick what to save: an episode the tab's content script detected for that URL (or the page's only
 * episode when the page itself was clicked), else a minimal record from the URL and title. Null when
 * the target is not an http(s) URL.
 * @example
 * episodeForClick({ linkUrl: 'https://runninginproduction.com/podcast/1-x' }, detected)
 */
export function episodeForClick(click: ContextClick, detected: readonly Episode[]): Episode | null {
  const target = canonicalEpisodeUrl(click.linkUrl ?? click.pageUrl ?? '');
  if (!target) return null;
  const match = detected.find((e) => e.id === target || (e.url && canonicalEpisodeUrl(e.url) === target));
  if (match) return match;
  if (!click.linkUrl && detected.length === 1) return detected[0]!;
  const title = truncateText((click.linkUrl ? click.linkText : click.pageTitle)?.trim() ?? '', 2_000) || null;
  return EpisodeSchema.parse({
    id: target,
    title,
    podcast: null,
    date: null,
    durationSeconds: null,
    url: target,
    audioUrl: null,
    chapters: [],
    chapterConfidence: 0,
    tech: [],
  });
}

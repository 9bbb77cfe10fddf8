// Every record the library writes stays inside the limits its own backup import checks: a library whose
// backup it refuses is a library that cannot be restored (import is all or nothing).
import { isoCalendarDate, normaliseChapters } from '../chapter-timeline';
import { EPISODE_LIMITS, type Chapter, type TechMention } from '../model';
import { truncateText } from '../text-limits';
import { LISTENER_LIMITS, toSaved, type SavedEpisode } from './record';

/** A text within `max` units, cut on a character boundary (the same string when it fits). */
function fit(text: string, max: number): string {
  return text.length <= max ? text : truncateText(text, max);
}

function fitNullable(text: string | null, max: number): string | null {
  return text === null ? null : fit(text, max);
}

/** A personal tag as PersonalTagSchema makes it, or null when nothing is left (then it is left out). */
function fitTag(tag: string): string | null {
  const text = fit(tag.trim().toLowerCase(), LISTENER_LIMITS.tag).trim();
  return text === '' ? null : text;
}

/**
 * Tags unique after lower-casing, in order, at most LISTENER_LIMITS.tags: the first ones are kept.
 * @example uniqueTags(['Infra', 'infra', 'ops']) // ['infra', 'ops']
 */
export function uniqueTags(tags: readonly string[]): string[] {
  const kept = new Set<string>();
  for (const tag of tags) {
    if (kept.size === LISTENER_LIMITS.tags) break;
    const fitted = fitTag(tag);
    if (fitted !== null) kept.add(fitted);
  }
  return [...kept];
}

function fitChapters(chapters: readonly Chapter[], durationSeconds: number | null): Chapter[] {
  const timeline = normaliseChapters(chapters, durationSeconds);
  const capped =
    timeline.length > EPISODE_LIMITS.chapters ? timeline.slice(0, EPISODE_LIMITS.chapters) : timeline;
  return capped.some((c) => c.title.length > EPISODE_LIMITS.title)
    ? capped.map((c) => ({ ...c, title: fit(c.title, EPISODE_LIMITS.title) }))
    : capped;
}

function fitTech(tech: readonly TechMention[]): TechMention[] {
  const capped = tech.length > EPISODE_LIMITS.tech ? tech.slice(0, EPISODE_LIMITS.tech) : tech;
  return capped.map((t) => ({
    ...t,
    slug: fit(t.slug, EPISODE_LIMITS.techSlug),
    name: fit(t.name, EPISODE_LIMITS.techName),
  }));
}

/**
 * The record as the library may store it: texts cut on a character boundary to their limits (titles,
 * notes, tags, technology names), lists capped (chapters, technologies, tags, unique), chapters made a
 * timeline (normaliseChapters), a date kept only as an ISO 8601 calendar date, an over-long link dropped.
 * What the parser and the listener produce already fits, and comes back equal.
 * @example
 * fitRecord({ ...saved, tags: Array.from({ length: 100 }, (_, i) => `t${i}`) }).tags.length // 50
 */
export function fitRecord(episode: SavedEpisode): SavedEpisode {
  const saved = toSaved(episode);
  return {
    ...saved,
    title: fitNullable(saved.title, EPISODE_LIMITS.title),
    podcast: fitNullable(saved.podcast, EPISODE_LIMITS.title),
    date: saved.date === null ? null : isoCalendarDate(saved.date),
    url: saved.url !== null && saved.url.length > EPISODE_LIMITS.url ? null : saved.url,
    audioUrl: saved.audioUrl !== null && saved.audioUrl.length > EPISODE_LIMITS.url ? null : saved.audioUrl,
    chapters: fitChapters(saved.chapters, saved.durationSeconds),
    tech: fitTech(saved.tech),
    notes: fit(saved.notes, LISTENER_LIMITS.notes),
    tags: uniqueTags(saved.tags),
  };
}

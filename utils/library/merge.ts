// How two versions of one saved episode combine: on re-save from a page, and on import.
import type { Episode } from '../model';
import { LISTENER_LIMITS, toSaved, type SavedEpisode } from './record';

function isEmpty(value: unknown): boolean {
  return (
    value === null || value === undefined || value === '' || (Array.isArray(value) && value.length === 0)
  );
}

/**
 * A fresh scrape replaces the episode data, except where it knows less than what is stored
 * (a context-menu save of a bare link must not erase the chapters saved from the page).
 * Personal fields and `savedAt` are kept.
 * @example
 * mergeScrape(existing, scraped, '2026-01-01T00:00:00.000Z')
 */
export function mergeScrape(existing: SavedEpisode, scraped: Episode, now: string): SavedEpisode {
  const merged: SavedEpisode = { ...toSaved(existing) };
  for (const key of Object.keys(scraped) as (keyof Episode)[]) {
    if (key === 'id') continue;
    if (!isEmpty(scraped[key])) (merged as Record<string, unknown>)[key] = scraped[key];
  }
  if (scraped.chapters.length > 0) merged.chapterConfidence = scraped.chapterConfidence;
  merged.updatedAt = now;
  return toSaved(merged);
}

/**
 * The personal tags of two versions of an episode, united: the local ones then the incoming ones, each once.
 * Past LISTENER_LIMITS.tags, every tag of the newer version (the listener's latest edit) is kept, then the
 * older version's in that order until the limit; `dropped` counts the ones left out.
 * @example
 * unitedTags(local, incoming, incomingIsNewer) // { tags: [...], dropped: 0 }
 */
export function unitedTags(
  local: SavedEpisode,
  incoming: SavedEpisode,
  incomingIsNewer: boolean,
): { tags: string[]; dropped: number } {
  const united = [...new Set([...local.tags, ...incoming.tags])];
  if (united.length <= LISTENER_LIMITS.tags) return { tags: united, dropped: 0 };
  const kept = new Set((incomingIsNewer ? incoming : local).tags.slice(0, LISTENER_LIMITS.tags));
  for (const tag of united) {
    if (kept.size === LISTENER_LIMITS.tags) break;
    kept.add(tag);
  }
  return { tags: united.filter((tag) => kept.has(tag)), dropped: united.length - kept.size };
}

/**
 * Import merge: the newer `updatedAt` wins the episode data and status/rating/position (when set);
 * notes survive when the winner has none; personal tags are united (within the limit, see unitedTags);
 * `savedAt` is the earliest. Merging a record with itself returns it unchanged (so export → import →
 * export is identical).
 * @example
 * mergeImported(local, fromBackup)
 */
export function mergeImported(local: SavedEpisode, incoming: SavedEpisode): SavedEpisode {
  const incomingIsNewer = incoming.updatedAt > local.updatedAt;
  const newer = toSaved(incomingIsNewer ? incoming : local);
  const older = incomingIsNewer ? local : incoming;
  const { tags } = unitedTags(local, incoming, incomingIsNewer);
  return {
    ...newer,
    notes: newer.notes || older.notes,
    tags: tags.length === local.tags.length && tags.length === newer.tags.length ? newer.tags : tags,
    rating: newer.rating ?? older.rating,
    position: newer.position ?? older.position,
    savedAt: local.savedAt < incoming.savedAt ? local.savedAt : incoming.savedAt,
  };
}

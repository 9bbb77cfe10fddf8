// How two versions of one saved episode combine: on re-save from a page, and on import.
import type { Episode } from '../model';
import { toSaved, type SavedEpisode } from './record';

function isEmpty(value: unknown): boolean {
  return value === null || value === undefined || value === '' || (Array.isArray(value) && value.length === 0);
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
 * Import merge: the newer `updatedAt` wins the episode data and status/rating/position (when set);
 * notes survive when the winner has none; personal tags are united; `savedAt` is the earliest.
 * Merging a record with itself returns it unchanged (so export → import → export is identical).
 * @example
 * mergeImported(local, fromBackup)
 */
export function mergeImported(local: SavedEpisode, incoming: SavedEpisode): SavedEpisode {
  const incomingIsNewer = incoming.updatedAt > local.updatedAt;
  const newer = toSaved(incomingIsNewer ? incoming : local);
  const older = incomingIsNewer ? local : incoming;
  const tags = [...new Set([...local.tags, ...incoming.tags])];
  return {
    ...newer,
    notes: newer.notes || older.notes,
    tags: tags.length === local.tags.length && tags.length === newer.tags.length ? newer.tags : tags,
    rating: newer.rating ?? older.rating,
    position: newer.position ?? older.position,
    savedAt: local.savedAt < incoming.savedAt ? local.savedAt : incoming.savedAt,
  };
}

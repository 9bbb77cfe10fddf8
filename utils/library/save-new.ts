// Save several episodes at once (a listing's "Save all"): only those not yet in the library are added, in one
// transaction, and the ids added are returned so an undo removes exactly those and never one saved before.
import type { Episode } from '../model';
import { fitRecord } from './limits';
import { DEFAULT_LISTENER_FIELDS, toSaved, type SavedEpisode } from './record';
import type { LibraryService } from './service';

/**
 * Add the episodes the library lacks; a saved one is left exactly as it is (its status, notes and tags are
 * the listener's). Returns the ids added, in the order given.
 * @example
 * const added = await saveNew(contextLibrary(), episodes); // later: await contextLibrary().remove(added)
 */
export async function saveNew(
  library: LibraryService,
  episodes: readonly Episode[],
  now: Date = new Date(),
): Promise<string[]> {
  const unique = [...new Map(episodes.map((episode) => [episode.id, episode])).values()];
  const saved = new Set(await library.savedIds(unique.map((episode) => episode.id)));
  const fresh = unique.filter((episode) => !saved.has(episode.id));
  if (fresh.length === 0) return [];
  const at = now.toISOString();
  const records: SavedEpisode[] = fresh.map((episode) =>
    fitRecord(toSaved({ ...episode, ...DEFAULT_LISTENER_FIELDS, savedAt: at, updatedAt: at })),
  );
  // The merge is one transaction: all of them land, or none.
  await library.merge(records);
  return fresh.map((episode) => episode.id);
}

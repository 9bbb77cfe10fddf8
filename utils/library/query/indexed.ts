// Technology lookups through the version-2 multi-entry index, for callers without the library in memory.
import type { LibraryDatabase } from '../db';

/**
 * Ids of episodes mentioning all (or any) of these technologies, read from the `*techSlugs` index
 * without loading the records.
 * @example
 * await idsWithTechnologies(db, ['docker', 'postgres'], 'all')
 */
export async function idsWithTechnologies(db: LibraryDatabase, slugs: string[], mode: 'all' | 'any'): Promise<string[]> {
  if (slugs.length === 0) return db.episodes.toCollection().primaryKeys();
  if (mode === 'any') return db.episodes.where('techSlugs').anyOf(slugs).distinct().primaryKeys();
  const perSlug = await Promise.all(slugs.map((slug) => db.episodes.where('techSlugs').equals(slug).primaryKeys()));
  perSlug.sort((a, b) => a.length - b.length);
  const [smallest = [], ...rest] = perSlug;
  const sets = rest.map((ids) => new Set(ids));
  return smallest.filter((id) => sets.every((set) => set.has(id)));
}

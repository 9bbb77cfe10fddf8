// The library's full records read out for an export: backup texts a slice at a time, or shelf by shelf.
import type { LibraryDatabase } from './db';
import { describeStorageError } from './errors';
import { readRecordTexts, shelfOf, type Shelf } from './shelves';

/**
 * The backup text (`episodeBackupText`) of these ids' full records, in this order (missing ids
 * skipped), `slice` at a time. Shelves are read once, in one transaction, so the texts of the
 * episodes asked for are held until written (strings: the size of the JSON file).
 * @example
 * for await (const texts of recordTextsInOrder(db, ids)) write(texts.join(',\n'));
 */
export async function* recordTextsInOrder(
  db: LibraryDatabase,
  ids: readonly string[],
  slice = 2_000,
): AsyncGenerator<string[]> {
  let texts: Map<string, string>;
  try {
    texts = await db.transaction('r', db.shelves, () => readRecordTexts(db.shelves, ids));
  } catch (error) {
    throw describeStorageError(error, 'read the library');
  }
  for (let start = 0; start < ids.length; start += slice) {
    const out: string[] = [];
    for (let i = start; i < Math.min(ids.length, start + slice); i++) {
      const text = texts.get(ids[i]!);
      if (text === undefined) continue;
      out.push(text);
      // Each id once, and the string can go as soon as it is written.
      texts.delete(ids[i]!);
    }
    yield out;
  }
}

/**
 * The backup texts of these ids with their positions in `ids` (an id listed twice: its first), shelf by
 * shelf in no particular order, missing ids skipped. A few dozen shelves per read, each read its own
 * transaction and started before the previous batch is handed over: the caller uses each batch while
 * the next is read, and no more than a batch of texts is held (a Markdown export parses and drops them;
 * a whole library's texts held at once are a large heap for the garbage collector to promote and mark).
 * @example
 * for await (const { positions, texts } of recordTextsByShelf(db, ids)) texts.forEach((t, i) => write(positions[i], t));
 */
export async function* recordTextsByShelf(
  db: LibraryDatabase,
  ids: readonly string[],
  shelvesPerRead = 32,
): AsyncGenerator<{ positions: number[]; texts: string[] }> {
  const positionOf = new Map<string, number>();
  ids.forEach((id, position) => {
    if (!positionOf.has(id)) positionOf.set(id, position);
  });
  const keys = [...new Set([...positionOf.keys()].map(shelfOf))].sort((a, b) => a - b);
  const read = async (batch: number[]): Promise<(Shelf | undefined)[]> => {
    try {
      return await db.transaction('r', db.shelves, () => db.shelves.bulkGet(batch));
    } catch (error) {
      throw describeStorageError(error, 'read the library');
    }
  };
  let pending = keys.length > 0 ? read(keys.slice(0, shelvesPerRead)) : null;
  for (let start = 0; pending; start += shelvesPerRead) {
    const shelves = await pending;
    const next = start + shelvesPerRead;
    pending = next < keys.length ? read(keys.slice(next, next + shelvesPerRead)) : null;
    // Its failure is thrown when awaited above; this only keeps it from being reported as unhandled
    // if the caller stops early.
    pending?.catch(() => {});
    const positions: number[] = [];
    const texts: string[] = [];
    for (const shelf of shelves) {
      if (!shelf) continue;
      for (let i = 0; i < shelf.ids.length; i++) {
        const position = positionOf.get(shelf.ids[i]!);
        if (position === undefined) continue;
        positions.push(position);
        texts.push(shelf.texts[i]!);
      }
    }
    yield { positions, texts };
  }
}

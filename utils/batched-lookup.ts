// Lookups that share one message: a listing's panels mount over a few time slices, each asking the background
// about its own episode, and every message costs the page's main thread time.

/**
 * A lookup by key whose calls within `windowMs` of the first go to `ask` together, in chunks of at most `chunk`
 * keys (`ask` answers one value per key, in order). Every caller of a failed `ask` gets its rejection.
 * @example
 * const isSaved = batchedLookup(async (ids) => ids.map((id) => saved.has(id)));
 * await Promise.all([isSaved('a'), isSaved('b')]); // one call of ask(['a', 'b'])
 */
export function batchedLookup<T>(
  ask: (keys: string[]) => Promise<readonly T[]>,
  windowMs = 100,
  chunk = 2_000,
): (key: string) => Promise<T | undefined> {
  let batch: { keys: Set<string>; answers: Promise<Map<string, T>> } | null = null;
  return (key) => {
    if (!batch) {
      const keys = new Set<string>();
      const answers = new Promise<void>((resolve) => setTimeout(resolve, windowMs)).then(async () => {
        batch = null;
        const all = [...keys];
        const found = new Map<string, T>();
        for (let i = 0; i < all.length; i += chunk) {
          const asked = all.slice(i, i + chunk);
          const values = await ask(asked);
          asked.forEach((each, k) => {
            if (k < values.length) found.set(each, values[k]!);
          });
        }
        return found;
      });
      batch = { keys, answers };
    }
    batch.keys.add(key);
    return batch.answers.then((found) => found.get(key));
  };
}

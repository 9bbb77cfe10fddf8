// Summary shelves and the newest row stay in step with the full records through any sequence of writes.
import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { LibraryDatabase } from '@/utils/library/db';
import { LibraryService } from '@/utils/library/service';
import { toSummary, type SavedEpisode } from '@/utils/library/record';
import {
  compactSummaries,
  NEWEST_KEPT,
  NEWEST_MIN,
  newestFirst,
  storedIds,
} from '@/utils/library/summary-shelves';
import { shelfOf } from '@/utils/library/shelves';
import { prepareRecord } from '@/utils/library/prepared';
import { episodeBackupText } from '@/utils/library/backup';
import { makeEpisode, makeSaved } from './generate';
import { freshDatabase } from './fresh-db';

function freshLibrary() {
  const db = freshDatabase();
  const clock = { now: new Date('2026-06-01T00:00:00.000Z') };
  return { library: new LibraryService(db, { now: () => clock.now }), clock, db };
}

/** A saved episode with a chosen saved date (minutes after a fixed start), so orders and ties are controlled. */
function savedAtMinute(n: number, minute: number): SavedEpisode {
  const at = new Date(Date.UTC(2026, 0, 1) + minute * 60_000).toISOString();
  return { ...makeSaved(n), savedAt: at, updatedAt: at };
}

/** Every invariant of the stored summaries, against the full records as the source of truth. */
async function expectInStep(library: LibraryService, db: LibraryDatabase): Promise<void> {
  const records = await library.all();
  const summaries = await library.summaries();
  expect(summaries).toEqual(records.map(toSummary));
  const newest = await db.newest.get(0);
  const total = records.length;
  expect(newest?.total ?? 0).toBe(total);
  const expected = [...summaries].sort(newestFirst);
  const row = newest?.summaries ?? [];
  // Exactly the library's first n, and never fewer than a screenful while the library has more.
  expect(row).toEqual(expected.slice(0, row.length));
  expect(row.length).toBeGreaterThanOrEqual(Math.min(total, NEWEST_MIN));
  expect(row.length).toBeLessThanOrEqual(NEWEST_KEPT);
  for (const shelf of await db.summaryShelves.toArray())
    for (const id of shelf.ids) expect(shelfOf(id)).toBe(shelf.key);
}

type Step =
  | { kind: 'import'; from: number; count: number; minute: number }
  | { kind: 'save'; n: number }
  | { kind: 'remove'; picks: number[] }
  | { kind: 'update'; picks: number[] }
  | { kind: 'undo' };

const step: fc.Arbitrary<Step> = fc.oneof(
  // Imports overlap earlier ones (merge: the earliest savedAt wins, so a newest episode can move back).
  fc.record({
    kind: fc.constant('import' as const),
    from: fc.integer({ min: 1, max: 200 }),
    count: fc.integer({ min: 1, max: 90 }),
    minute: fc.integer({ min: 0, max: 400 }),
  }),
  fc.record({ kind: fc.constant('save' as const), n: fc.integer({ min: 1, max: 260 }) }),
  fc.record({
    kind: fc.constant('remove' as const),
    picks: fc.array(fc.nat(), { minLength: 1, maxLength: 80 }),
  }),
  fc.record({ kind: fc.constant('update' as const), picks: fc.array(fc.nat(), { maxLength: 5 }) }),
  fc.constant({ kind: 'undo' as const }),
);

describe('summary shelves', () => {
  it('match the full records, and the newest row is the library’s first episodes by saved date, after any writes', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(step, { minLength: 1, maxLength: 8 }), async (steps) => {
        const { library, clock, db } = freshLibrary();
        let removed: SavedEpisode[] = [];
        let minute = 0;
        for (const s of steps) {
          clock.now = new Date(Date.UTC(2026, 5, 1) + ++minute * 60_000);
          const ids = (await library.summaries()).map((x) => x.id);
          if (s.kind === 'import') {
            await library.merge(
              Array.from({ length: s.count }, (_, i) => savedAtMinute(s.from + i, (s.minute + i * 7) % 500)),
            );
          } else if (s.kind === 'save') await library.save(makeEpisode(s.n));
          else if (s.kind === 'remove' && ids.length > 0)
            removed = await library.remove(s.picks.map((p) => ids[p % ids.length]!));
          else if (s.kind === 'update' && ids.length > 0)
            await library.update(
              s.picks.map((p) => ids[p % ids.length]!),
              { status: 'listened', notes: `step ${minute}` },
            );
          else if (s.kind === 'undo') {
            await library.restore(removed);
            removed = [];
          }
          await expectInStep(library, db);
        }
      }),
      { numRuns: 12 },
    );
  });

  it('rebuilds the newest row from every shelf when removals take it below a screenful', async () => {
    const { library, db } = freshLibrary();
    await library.merge(Array.from({ length: 2 * NEWEST_KEPT }, (_, i) => savedAtMinute(i + 1, i)));
    const newest = (await db.newest.get(0))!.summaries.map((s) => s.id);
    expect(newest).toHaveLength(NEWEST_KEPT);
    await library.remove(newest.slice(0, NEWEST_KEPT - NEWEST_MIN + 1));
    await expectInStep(library, db);
    expect((await db.newest.get(0))!.summaries).toHaveLength(NEWEST_KEPT);
  });

  it('answers which ids are saved from the shelves’ id lists, each once, in id order', async () => {
    const { library, db } = freshLibrary();
    const saved = [savedAtMinute(1, 1), savedAtMinute(2, 2), savedAtMinute(3, 3)];
    await library.merge(saved);
    const ids = saved.map((e) => e.id).sort();
    expect(await storedIds(db, [ids[2]!, 'https://example.com/missing', ids[0]!, ids[2]!])).toEqual([
      ids[0],
      ids[2],
    ]);
    expect(await library.savedIds([ids[1]!, 'nope'])).toEqual([ids[1]]);
  });
});

describe('prepareRecord', () => {
  it('is what the shelves store: the backup text and the summary as JSON', async () => {
    const saved = { ...makeSaved(5), notes: 'Café "quoted"' };
    const prepared = prepareRecord(saved);
    expect(prepared).toEqual({
      id: saved.id,
      savedAt: saved.savedAt,
      text: episodeBackupText(saved),
      summary: JSON.stringify(toSummary(saved)),
    });
    const { library, db } = freshLibrary();
    await library.mergePrepared([prepared]);
    expect((await db.shelves.toArray())[0]!.texts).toEqual([prepared.text]);
    expect((await db.summaryShelves.toArray())[0]!.summaries).toBe(`[${prepared.summary}]`);
  });
});

describe('compactSummaries', () => {
  it('gives equal summaries as new objects with new slug lists, keys in toSummary order', () => {
    const summaries = [makeSaved(1), makeSaved(2), { ...makeSaved(3), tech: [] }].map(toSummary);
    const parsed = JSON.parse(JSON.stringify(summaries)) as typeof summaries;
    const compact = compactSummaries(parsed);
    expect(compact).toEqual(summaries);
    compact.forEach((summary, i) => {
      expect(summary).not.toBe(parsed[i]);
      expect(summary.techSlugs).not.toBe(parsed[i]!.techSlugs);
      // One shape for every summary, the one toSummary makes.
      expect(Object.keys(summary)).toEqual(Object.keys(summaries[i]!));
    });
    // The lists are the summaries' own: changing one leaves the parsed input alone.
    compact[0]!.techSlugs.push('x');
    expect(parsed[0]!.techSlugs).not.toContain('x');
  });

  it('is what the library reads back, in id order', async () => {
    const { library } = freshLibrary();
    const saved = Array.from({ length: 30 }, (_, i) => makeSaved(i + 1));
    await library.merge(saved);
    const read = await library.summaries();
    expect(read).toEqual(saved.map(toSummary).sort((a, b) => (a.id < b.id ? -1 : 1)));
  });
});

// Property tests: any interleaving of edits, deletions and syncs on three devices converges, losing nothing.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { MemoryFolder } from '@/utils/sync/memory-folder';
import { canonicalJson, mergeRecords, recordKey, type SyncRecord } from '@/utils/sync/record';
import { EPISODE_KIND, renderRecord } from '@/utils/sync/kinds';
import { Replica, plainEpisode } from './replica';

const EPISODES = ['a', 'b', 'c'];
const TAGS = ['infra', 'rust', 'db', 'ops'];

type Step =
  | { op: 'note' | 'save' | 'remove' | 'status'; device: number; episode: number }
  | { op: 'tag' | 'untag'; device: number; episode: number; tag: number }
  | { op: 'sync'; device: number; failAfter: number | null };

const device = fc.integer({ min: 0, max: 2 });
const episode = fc.integer({ min: 0, max: EPISODES.length - 1 });
const step: fc.Arbitrary<Step> = fc.oneof(
  fc.record({
    op: fc.constantFrom('note' as const, 'save' as const, 'remove' as const, 'status' as const),
    device,
    episode,
  }),
  fc.record({
    op: fc.constantFrom('tag' as const, 'untag' as const),
    device,
    episode,
    tag: fc.integer({ min: 0, max: 3 }),
  }),
  fc.record({
    op: fc.constant('sync' as const),
    device,
    failAfter: fc.option(fc.integer({ min: 0, max: 3 })),
  }),
);

/** Three devices: one on time, one an hour behind, one a day ahead; real time moves a little each step. */
function devices(): { replicas: Replica[]; advance: () => void } {
  let time = 1_750_000_000_000;
  const skews = [0, -3_600_000, 86_400_000];
  const replicas = ['laptop', 'desktop', 'phone'].map(
    (name, index) => new Replica(name, () => time + skews[index]!),
  );
  return { replicas, advance: () => (time += 7) };
}

describe('sync convergence', () => {
  it('converges to one library whatever the order, keeping every note written and every tag never removed', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(step, { maxLength: 40 }), async (steps) => {
        const folder = new MemoryFolder();
        const { replicas, advance } = devices();
        const notes = new Map<string, string[]>();
        const tagsAdded = new Set<string>();
        const tagsRemoved = new Set<string>();
        for (const [index, action] of steps.entries()) {
          advance();
          const replica = replicas[action.device]!;
          if (action.op === 'sync') {
            folder.faults.failAfterWrites =
              action.failAfter === null ? undefined : folder.writes + action.failAfter;
            await replica.sync(folder).catch((error: Error) => {
              if (error.name !== 'ServerUnavailableError') throw error;
            });
            folder.faults.failAfterWrites = undefined;
            continue;
          }
          const name = EPISODES[action.episode]!;
          if (action.op === 'remove') replica.remove(name);
          else if (action.op === 'save') replica.edit(name);
          else if (action.op === 'status') replica.edit(name, (plain) => ({ ...plain, status: 'listened' }));
          else if (action.op === 'note') {
            const token = `note-${index}`;
            notes.set(name, [...(notes.get(name) ?? []), token]);
            replica.edit(name, (plain) => ({ ...plain, notes: `${String(plain.notes)} ${token}`.trim() }));
          } else if (action.op === 'tag' || action.op === 'untag') {
            const tag = TAGS[action.tag]!;
            const adding = action.op === 'tag';
            (adding ? tagsAdded : tagsRemoved).add(`${name}/${tag}`);
            replica.edit(name, (plain) => {
              const tags = plain.tags as string[];
              return { ...plain, tags: adding ? [...tags, tag] : tags.filter((t) => t !== tag) };
            });
          }
        }
        for (let round = 0; round < 2; round++) for (const replica of replicas) await replica.sync(folder);
        const fresh = new Replica('newcomer');
        await fresh.sync(folder);
        const library = fresh.library();
        for (const replica of replicas)
          expect(canonicalJson([...replica.library()])).toBe(canonicalJson([...library]));
        // The library every device must reach: the join of every state any listener committed, in any order.
        const joined = new Map<string, SyncRecord>();
        for (const record of replicas.flatMap((replica) => replica.history))
          joined.set(recordKey(record), mergeRecords(joined.get(recordKey(record)), record)!);
        const expected = [...joined]
          .sort(([x], [y]) => (x < y ? -1 : 1))
          .flatMap(([key, record]) => {
            const plain = renderRecord(EPISODE_KIND, record);
            return plain ? [[key, plain] as const] : [];
          });
        expect(canonicalJson([...library])).toBe(canonicalJson(expected));
        for (const name of EPISODES) {
          const shown = library.get(`episode:${plainEpisode(name).id}`);
          if (!shown) continue;
          for (const token of notes.get(name) ?? []) expect(String(shown.notes)).toContain(token);
          for (const tag of TAGS)
            if (tagsAdded.has(`${name}/${tag}`) && !tagsRemoved.has(`${name}/${tag}`))
              expect(shown.tags as string[]).toContain(tag);
        }
      }),
      { numRuns: 150 },
    );
  });

  it('merges records commutatively, associatively and idempotently', () => {
    fc.assert(
      fc.property(fc.array(step, { maxLength: 25 }), (steps) => {
        const { replicas, advance } = devices();
        for (const action of steps) {
          advance();
          if (action.op === 'sync') continue;
          const replica = replicas[action.device]!;
          if (action.op === 'remove') replica.remove('a');
          else if (action.op === 'tag') {
            const tags = [TAGS[action.tag]];
            replica.edit('a', (plain) => ({ ...plain, tags }));
          } else
            replica.edit('a', (plain) => ({ ...plain, notes: `${String(plain.notes)}+${action.episode}` }));
        }
        const [x, y, z] = replicas.map((replica) => [...replica.records.values()][0]) as (
          SyncRecord | undefined
        )[];
        const text = (record: SyncRecord | undefined) => canonicalJson(record ?? null);
        expect(text(mergeRecords(x, y))).toBe(text(mergeRecords(y, x)));
        expect(text(mergeRecords(x, mergeRecords(y, z)))).toBe(text(mergeRecords(mergeRecords(x, y), z)));
        expect(text(mergeRecords(x, x))).toBe(text(x));
      }),
      { numRuns: 200 },
    );
  });
});

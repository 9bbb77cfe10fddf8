// Property (issue 11, item 2): whatever sequence of saves, edits and imports built a library, its backup
// imports into an empty library and gives the same library. Imports may unite tags past the limit, carry
// unsorted chapters and timestamps for dates; saves may carry what the background lets through.
import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { LibraryService } from '@/utils/library/service';
import { importBackup } from '@/utils/library/import';
import { toBackupJson } from '@/utils/library/backup';
import { streamLibraryExport } from '@/utils/library/export/stream';
import { EpisodeSchema, type Chapter, type Episode } from '@/utils/model';
import { LISTEN_STATUSES, type ListenerFields } from '@/utils/library/record';
import { makeEpisode, makeSaved } from './generate';
import { freshDatabase } from './fresh-db';

const exportedAt = new Date('2026-11-22T10:00:00.000Z');
const asFile = (text: string) => new Blob([text], { type: 'application/json' });
const IDS = [1, 2, 3].map((n) => makeEpisode(n).id);

async function exportJson(library: LibraryService): Promise<string> {
  const ids = (await library.summaries()).map((s) => s.id);
  return (
    await streamLibraryExport('json', ids, (wanted) => library.recordTexts(wanted), { exportedAt })
  ).blob.text();
}

const seconds = fc.integer({ min: 0, max: 4_000 });
const chapters: fc.Arbitrary<Chapter[]> = fc
  .array(
    fc.record({
      start: seconds,
      end: fc.option(seconds, { nil: undefined }),
      title: fc.constantFrom('', 'Intro', 'Deploys 🚀', 'x'.repeat(1_999) + '😀'.slice(0, 1)),
    }),
    { maxLength: 6 },
  )
  .map((list) => list.map(({ end, ...rest }) => (end === undefined ? rest : { ...rest, end })));
/** A few tags as typed (any case, padded, repeated), or a full list of 50: two of those on one id overflow. */
const tagList = fc.oneof(
  fc.array(
    fc.oneof(
      fc.constantFrom('Work', 'work', ' infra ', 'İ'.repeat(30)),
      fc.integer({ min: 0, max: 120 }).map((n) => `tag-${n}`),
    ),
    {
      maxLength: 6,
    },
  ),
  fc.integer({ min: 0, max: 70 }).map((from) => Array.from({ length: 50 }, (_, i) => `tag-${from + i}`)),
);
const title = fc.oneof(
  fc.constant(null),
  fc.constantFrom('Deploys', 'c'.repeat(1_999) + '😀', 'https://example.com www.x.com a@b.co'),
);
const date = fc.oneof(fc.constant(null), fc.constantFrom('2024-05-01', '2021-02-31', '2024-02-29'));
const importDate = fc.oneof(date, fc.constantFrom('2024-05-01T23:30:00-07:00', '2020-01-01T00:00:00Z'));
const instant = fc
  .integer({ min: 0, max: 10 ** 9 })
  .map((ms) => new Date(Date.UTC(2026, 0, 1) + ms * 1_000).toISOString());

const save = fc.record({
  kind: fc.constant('save' as const),
  id: fc.constantFrom(...IDS),
  title,
  date,
  chapters,
  duration: fc.option(seconds, { nil: null }),
});
const edit = fc.record({
  kind: fc.constant('edit' as const),
  id: fc.constantFrom(...IDS),
  fields: fc.record({
    status: fc.constantFrom(...LISTEN_STATUSES),
    notes: fc.constantFrom('', 'notes', 'n'.repeat(20_000)),
    tags: tagList,
    rating: fc.option(fc.integer({ min: 1, max: 5 }), { nil: null }),
  }),
});
const imported = fc.record({
  id: fc.constantFrom(...IDS),
  title,
  date: importDate,
  chapters,
  tags: tagList,
  notes: fc.constantFrom('', 'theirs'),
  updatedAt: instant,
  savedAt: instant,
});
const load = fc.record({
  kind: fc.constant('import' as const),
  episodes: fc.array(imported, { minLength: 1, maxLength: 3 }),
});
const step = fc.oneof(save, edit, load);
type Step = typeof step extends fc.Arbitrary<infer T> ? T : never;

async function apply(library: LibraryService, clock: { now: Date }, step: Step, index: number) {
  clock.now = new Date(Date.UTC(2026, 5, 1) + index * 60_000);
  if (step.kind === 'save') {
    const n = IDS.indexOf(step.id) + 1;
    const episode: Episode = {
      ...makeEpisode(n),
      title: step.title,
      date: step.date,
      chapters: step.chapters,
      durationSeconds: step.duration,
    };
    // Only what the background's message check lets through reaches `save`.
    if (EpisodeSchema.safeParse(episode).success) await library.save(episode);
  } else if (step.kind === 'edit') {
    await library.update([step.id], step.fields as Partial<ListenerFields>);
  } else {
    const episodes = step.episodes.map((e) => ({ ...makeSaved(IDS.indexOf(e.id) + 1), ...e }));
    const backup = JSON.stringify({
      format: 'stackcast-library',
      version: 1,
      exportedAt: exportedAt.toISOString(),
      episodes,
    });
    // A file the import refuses changes nothing; the property is about what it accepts.
    await importBackup(asFile(backup), library).catch(() => undefined);
  }
}

describe('a library built by any saves, edits and imports', () => {
  it('restores from its own backup into an empty library, as the same library', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(step, { minLength: 1, maxLength: 8 }), async (steps) => {
        const clock = { now: new Date() };
        const library = new LibraryService(freshDatabase(), { now: () => clock.now });
        for (const [index, s] of steps.entries()) await apply(library, clock, s, index);
        const backup = await exportJson(library);
        expect(backup).toBe(toBackupJson(await library.all(), exportedAt));
        const copy = new LibraryService(freshDatabase());
        const report = await importBackup(asFile(backup), copy);
        expect(report.added).toBe((await library.all()).length);
        expect(await exportJson(copy)).toBe(backup);
      }),
      { numRuns: 60 },
    );
  });
});

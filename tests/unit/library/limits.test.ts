// The library never holds a record its own backup import refuses (issue 11, item 2), and the import checks
// records for sense (item 3): chapters become a timeline, dates are ISO 8601, refusals name the episode.
import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { LibraryService } from '@/utils/library/service';
import { importBackup, parseBackup, prepareBackup } from '@/utils/library/import';
import { toBackupJson } from '@/utils/library/backup';
import { fitRecord } from '@/utils/library/limits';
import { importReportText } from '@/utils/library/import-report';
import { makeEpisode, makeSaved } from './generate';
import { freshDatabase } from './fresh-db';

const exportedAt = new Date('2026-11-22T10:00:00.000Z');
const asFile = (text: string) => new Blob([text], { type: 'application/json' });
const backupOf = (episodes: unknown[]) =>
  JSON.stringify({ format: 'stackcast-library', version: 1, exportedAt: exportedAt.toISOString(), episodes });
const tags = (prefix: string, count: number) => Array.from({ length: count }, (_, i) => `${prefix}-${i}`);

describe('importing tags for one episode twice', () => {
  it('keeps at most 50 tags, all of the newer version’s, says how many were left out, and its backup restores', async () => {
    const library = new LibraryService(freshDatabase());
    const base = makeSaved(1);
    const older = { ...base, tags: tags('old', 50), updatedAt: '2026-01-01T00:00:00.000Z' };
    const newer = { ...base, tags: tags('new', 50), updatedAt: '2026-02-01T00:00:00.000Z' };
    await importBackup(asFile(backupOf([older])), library);
    const report = await importBackup(asFile(backupOf([newer])), library);
    expect(report).toEqual({ added: 0, updated: 1, unchanged: 0, tagsLeftOut: { episodes: 1, tags: 50 } });
    const [stored] = await library.all();
    expect(stored!.tags).toEqual(tags('new', 50));
    expect(importReportText('b.json', report)).toBe(
      "Imported b.json: 0 added, 1 updated, 0 unchanged. An episode keeps at most 50 tags: 50 tags on 1 episode were left out (the newer version's tags are kept, then the others in order).",
    );

    // The library's own backup imports into an empty library, and gives the same library.
    const backup = toBackupJson(await library.all(), exportedAt);
    const copy = new LibraryService(freshDatabase());
    expect(await importBackup(asFile(backup), copy)).toEqual({ added: 1, updated: 0, unchanged: 0 });
    expect(toBackupJson(await copy.all(), exportedAt)).toBe(backup);
  });

  it('an older backup fills the room the newer tags leave, in the order the tags were first seen', async () => {
    const library = new LibraryService(freshDatabase());
    const base = makeSaved(2);
    await importBackup(
      asFile(backupOf([{ ...base, tags: tags('mine', 30), updatedAt: '2026-03-01T00:00:00.000Z' }])),
      library,
    );
    const report = await importBackup(
      asFile(backupOf([{ ...base, tags: tags('theirs', 40), updatedAt: '2026-01-01T00:00:00.000Z' }])),
      library,
    );
    expect(report.tagsLeftOut).toEqual({ episodes: 1, tags: 20 });
    expect((await library.all())[0]!.tags).toEqual([...tags('mine', 30), ...tags('theirs', 20)]);
  });
});

describe('backups an older Stackcast wrote with more than 50 tags on an episode', () => {
  it('restore: the first 50 tags are kept, and the report says how many were left out', async () => {
    const library = new LibraryService(freshDatabase());
    const hundred = { ...makeSaved(8), tags: [...tags('a', 60), ...tags('b', 40), 'A-0'] };
    const report = await importBackup(asFile(backupOf([hundred, makeSaved(9)])), library);
    expect(report).toEqual({ added: 2, updated: 0, unchanged: 0, tagsLeftOut: { episodes: 1, tags: 50 } });
    expect((await library.all()).find((e) => e.id === hundred.id)!.tags).toEqual(tags('a', 50));
    const backup = toBackupJson(await library.all(), exportedAt);
    expect(parseBackup(backup).episodes).toEqual(await library.all());
  });

  it('the import worker’s prepared records carry the count to the page', () => {
    const [prepared] = prepareBackup(backupOf([{ ...makeSaved(8), tags: tags('a', 80) }]));
    expect(prepared!.tagsLeftOut).toBe(30);
    expect(structuredClone(prepared)).toEqual(prepared);
  });
});

describe('every write stays within the import’s limits', () => {
  it('save: a scraped episode over the limits (a direct caller) is cut on character boundaries', async () => {
    const library = new LibraryService(freshDatabase());
    const episode = {
      ...makeEpisode(3),
      title: 'c'.repeat(1_999) + '😀',
      chapters: [
        { start: 60, title: 'b' },
        { start: 0, title: 'a' },
        { start: 60, title: 'dup' },
      ],
    };
    const saved = await library.save(episode);
    expect(saved.title).toBe('c'.repeat(1_999));
    expect(saved.chapters).toEqual([
      { start: 0, title: 'a' },
      { start: 60, title: 'b' },
    ]);
    const backup = toBackupJson(await library.all(), exportedAt);
    expect(parseBackup(backup).episodes).toEqual(await library.all());
  });

  it('fitRecord leaves a record within the limits as it is', () => {
    for (let n = 1; n < 20; n++) expect(fitRecord(makeSaved(n))).toEqual(makeSaved(n));
  });
});

describe('imported records are checked for sense', () => {
  it('chapters out of order, sharing a start or with impossible ends become a timeline', () => {
    const episode = {
      ...makeSaved(4),
      durationSeconds: 600,
      chapters: [
        { start: 300, end: 200, title: 'C' },
        { start: 0, title: 'A' },
        { start: 120, end: 900, title: 'B' },
        { start: 120, title: 'B twice' },
        { start: 500, end: 700, title: 'D' },
      ],
    };
    expect(parseBackup(backupOf([episode])).episodes[0]!.chapters).toEqual([
      { start: 0, title: 'A' },
      { start: 120, title: 'B' },
      { start: 300, title: 'C' },
      { start: 500, title: 'D' },
    ]);
  });

  it('dates: YYYY-MM-DD that exists, or a full ISO 8601 timestamp kept as its date', () => {
    expect(parseBackup(backupOf([{ ...makeSaved(5), date: '2024-02-29' }])).episodes[0]!.date).toBe(
      '2024-02-29',
    );
    expect(
      parseBackup(backupOf([{ ...makeSaved(5), date: '2024-05-01T23:30:00-07:00' }])).episodes[0]!.date,
    ).toBe('2024-05-01');
    expect(
      parseBackup(backupOf([{ ...makeSaved(5), date: '2024-05-01T10:00:00.000Z' }])).episodes[0]!.date,
    ).toBe('2024-05-01');
  });

  it.each([
    'yesterday',
    'May 1, 2024',
    '2023-02-29',
    '2024-13-01',
    '2024-5-1',
    '20240501',
    '2024-05-01 garbage',
  ])('refuses the date %j, naming the episode and the field', (date) => {
    const episode = { ...makeSaved(6), title: 'Deploys with Kamal', date };
    expect(() => parseBackup(backupOf([makeSaved(7), episode]))).toThrow(
      /^Nothing was imported: episodes\[1\]\.date: must be an ISO 8601 date .*\(episode "Deploys with Kamal"\)\.$/,
    );
  });
});

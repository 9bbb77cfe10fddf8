// Library schema 7: stored chapters get their technologies, and chapters can be saved on their own.
import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import Dexie from 'dexie';
import { LIBRARY_SCHEMA_VERSION } from '@/utils/library/db';
import { LibraryService } from '@/utils/library/service';
import { SavedChapters } from '@/utils/library/saved-chapters';
import { SavedChapterSchema } from '@/utils/library/saved-chapter-record';
import { storedRecord, writeShelves } from '@/utils/library/shelves';
import { summaryText, writeSummaries } from '@/utils/library/summary-shelves';
import { toSummary, type SavedEpisode } from '@/utils/library/record';
import type { Episode } from '@/utils/model';
import { freshDatabase, freshDatabaseName } from './fresh-db';
import { makeSaved } from './generate';

const episode: Episode = {
  id: 'https://example.test/episodes/42',
  title: 'Running a marketplace',
  podcast: 'Running in Production',
  date: '2024-05-01',
  durationSeconds: 3600,
  url: 'https://example.test/episodes/42',
  audioUrl: 'https://cdn.example.test/42.mp3',
  chapters: [
    { start: 0, end: 754, title: 'Intro', tech: [] },
    { start: 754, end: 1480, title: 'Kubernetes upgrades', tech: ['kubernetes'] },
    { start: 1480, title: 'Wrap up', tech: [] },
  ],
  chapterConfidence: 0.9,
  tech: [{ slug: 'kubernetes', name: 'Kubernetes', category: 'container', source: 'list' }],
};

describe('version 7', () => {
  it("gives a version-6 library's chapters their technologies from their titles, the stack vouching", async () => {
    const name = freshDatabaseName();
    const v6 = new Dexie(name);
    v6.version(6).stores({ shelves: 'key', summaryShelves: 'key', newest: 'key' });
    const goShow: SavedEpisode = {
      ...makeSaved(1),
      tech: [{ slug: 'golang', name: 'Go', category: 'language', source: 'list' }],
      chapters: [
        { start: 0, title: 'Using nginx as a reverse proxy' },
        { start: 60, title: 'Go generics' },
        { start: 120, title: 'Life in the Rust belt' },
      ],
    };
    const other = makeSaved(2);
    await v6.transaction('rw', v6.tables, async () => {
      await writeShelves(v6.table('shelves'), [goShow, other].map(storedRecord));
      await writeSummaries(
        { summaryShelves: v6.table('summaryShelves'), newest: v6.table('newest') },
        [goShow, other].map((e) => summaryText(toSummary(e))),
      );
    });
    v6.close();

    const db = freshDatabase(name);
    const records = await new LibraryService(db).all();
    expect(db.verno).toBe(LIBRARY_SCHEMA_VERSION);
    const upgraded = records.find((record) => record.id === goShow.id)!;
    expect(upgraded.chapters.map((chapter) => chapter.tech)).toEqual([['nginx'], ['golang'], []]);
    // Everything else of the record is as it was.
    expect({ ...upgraded, chapters: upgraded.chapters.map(({ tech: _, ...rest }) => rest) }).toEqual(goShow);
    for (const chapter of records.find((record) => record.id === other.id)!.chapters)
      expect(Array.isArray(chapter.tech)).toBe(true);
    expect(await db.savedChapters.count()).toBe(0);
  });
});

describe('SavedChapters', () => {
  const clock = (...times: string[]) => {
    let i = 0;
    return () => new Date(times[Math.min(i++, times.length - 1)]!);
  };

  it('saves a chapter with what it needs of its episode, its end the next start', async () => {
    const saved = new SavedChapters(freshDatabase(), { now: clock('2026-01-02T03:04:05.000Z') });
    const chapter = await saved.saveChapter(episode, 754);
    expect(chapter).toEqual({
      episodeId: episode.id,
      start: 754,
      end: 1480,
      title: 'Kubernetes upgrades',
      tech: ['kubernetes'],
      episode: {
        title: episode.title,
        podcast: episode.podcast,
        date: episode.date,
        durationSeconds: 3600,
        url: episode.url,
        audioUrl: episode.audioUrl,
      },
      savedAt: '2026-01-02T03:04:05.000Z',
    });
    expect(SavedChapterSchema.parse(chapter)).toEqual(chapter);
    expect(await saved.listSavedChapters()).toEqual([chapter]);
    expect(
      await saved.isChapterSaved([
        { episodeId: episode.id, start: 754 },
        { episodeId: episode.id, start: 0 },
      ]),
    ).toEqual([true, false]);
  });

  it("ends the last chapter at the episode's duration, and refuses a start that is no chapter", async () => {
    const saved = new SavedChapters(freshDatabase());
    expect((await saved.saveChapter(episode, 1480))!.end).toBe(3600);
    expect(await saved.saveChapter(episode, 999)).toBeNull();
    expect(await saved.savedStarts(episode.id)).toEqual([1480]);
  });

  it('keeps the first saved time when saved again, and unsaves', async () => {
    const changes: Array<string[] | null> = [];
    const saved = new SavedChapters(freshDatabase(), {
      now: clock('2026-01-01T00:00:00.000Z', '2026-02-01T00:00:00.000Z'),
      onChange: (ids) => void changes.push(ids),
    });
    await saved.saveChapter(episode, 754);
    const again = await saved.saveChapter({ ...episode, title: 'Renamed' }, 754);
    expect(again!.savedAt).toBe('2026-01-01T00:00:00.000Z');
    expect(again!.episode.title).toBe('Renamed');
    expect(await saved.unsaveChapter({ episodeId: episode.id, start: 754 })).toBe(true);
    expect(await saved.unsaveChapter({ episodeId: episode.id, start: 754 })).toBe(false);
    expect(await saved.listSavedChapters()).toEqual([]);
    expect(changes).toEqual([[episode.id], [episode.id], [episode.id], [episode.id]]);
  });

  it('merges imported chapters: new added, later-saved copies replace, a second import changes nothing', async () => {
    const saved = new SavedChapters(freshDatabase(), { now: clock('2026-01-01T00:00:00.000Z') });
    const mine = (await saved.saveChapter(episode, 754))!;
    const newer = { ...mine, title: 'Kubernetes upgrades, part 1', savedAt: '2026-03-01T00:00:00.000Z' };
    const other = {
      ...mine,
      start: 0,
      end: 754,
      title: 'Intro',
      tech: [],
      savedAt: '2025-12-01T00:00:00.000Z',
    };
    expect(await saved.mergeSavedChapters([newer, other])).toEqual({ added: 1, updated: 1, unchanged: 0 });
    expect(await saved.mergeSavedChapters([newer, other])).toEqual({ added: 0, updated: 0, unchanged: 2 });
    expect((await saved.listSavedChapters()).map((c) => c.title)).toEqual([
      'Kubernetes upgrades, part 1',
      'Intro',
    ]);
  });
});

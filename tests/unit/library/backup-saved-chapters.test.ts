// The JSON backup carries the chapters saved on their own; an import checks them and merges them.
import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { toBackupJson, backupShell, episodeBackupText } from '@/utils/library/backup';
import { BackupImportError, importBackup, parseBackup, prepareBackupFile } from '@/utils/library/import';
import { LibraryService } from '@/utils/library/service';
import { SavedChapters } from '@/utils/library/saved-chapters';
import type { SavedChapter } from '@/utils/library/saved-chapter-record';
import { freshDatabase } from './fresh-db';
import { makeSaved } from './generate';

const exportedAt = new Date('2026-12-03T10:00:00.000Z');
const chapter: SavedChapter = {
  episodeId: 'https://example.test/e/unsaved',
  start: 754,
  end: 1480,
  title: 'Kubernetes upgrades',
  tech: ['kubernetes'],
  episode: {
    title: 'Scaling',
    podcast: 'A show',
    date: '2024-05-01',
    durationSeconds: 3600,
    url: 'https://example.test/e/unsaved',
    audioUrl: 'https://cdn.example.test/e.mp3',
  },
  savedAt: '2026-12-01T00:00:00.000Z',
};

describe('backup with saved chapters', () => {
  it('writes them after the episodes, and the same bytes as before when there are none', () => {
    const episodes = [makeSaved(1), makeSaved(2)];
    const text = toBackupJson(episodes, exportedAt, [chapter]);
    expect(parseBackup(text)).toEqual({
      format: 'stackcast-library',
      version: 1,
      exportedAt: exportedAt.toISOString(),
      episodes,
      savedChapters: [chapter],
    });
    // The streamed form (shell around the stored texts) is the same file.
    const [head, tail] = backupShell(exportedAt, [chapter]);
    expect(head + episodes.map(episodeBackupText).join(',\n') + tail).toBe(text);
    expect(toBackupJson(episodes, exportedAt, [])).toBe(toBackupJson(episodes, exportedAt));
    expect(toBackupJson(episodes, exportedAt)).not.toContain('savedChapters');
    expect(parseBackup(toBackupJson([], exportedAt, [chapter])).savedChapters).toEqual([chapter]);
  });

  it('refuses the whole file when a saved chapter is malformed, naming where', () => {
    const bad = toBackupJson([makeSaved(1)], exportedAt, [{ ...chapter, end: 10 }]);
    expect(() => parseBackup(bad)).toThrow(BackupImportError);
    expect(() => parseBackup(bad)).toThrow(/savedChapters\[0\]\.end/);
    const notUrl = toBackupJson([], exportedAt, [
      { ...chapter, episode: { ...chapter.episode, url: 'javascript:alert(1)' } },
    ]);
    expect(() => prepareBackupFile(notUrl)).toThrow(/savedChapters\[0\]\.episode\.url/);
  });

  it('imports episodes and saved chapters into an empty library, and a second import changes nothing', async () => {
    const db = freshDatabase();
    const library = new LibraryService(db);
    const file = new Blob([toBackupJson([makeSaved(3)], exportedAt, [chapter])]);
    const report = await importBackup(file, library);
    expect(report).toMatchObject({ added: 1, savedChapters: { added: 1, updated: 0, unchanged: 0 } });
    expect(await new SavedChapters(db).listSavedChapters()).toEqual([chapter]);
    expect((await importBackup(file, library)).savedChapters).toEqual({ added: 0, updated: 0, unchanged: 1 });
  });
});

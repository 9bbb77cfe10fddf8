// The library's JSON export carries the saved chapters it is given (the page passes every one), in one go and
// streamed, and importing that file into an empty library brings them back.
import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { exportLibrary } from '@/utils/library/export';
import { streamLibraryExport } from '@/utils/library/export/stream';
import { importBackup } from '@/utils/library/import';
import { LibraryService } from '@/utils/library/service';
import { SavedChapters } from '@/utils/library/saved-chapters';
import { episodeOf } from '@/utils/library/record';
import { freshDatabase } from './fresh-db';
import { makeSaved } from './generate';

const exportedAt = new Date('2026-12-03T10:00:00.000Z');

describe('JSON export with saved chapters', () => {
  it('round-trips episodes and saved chapters through the streamed export and an import', async () => {
    const source = new LibraryService(freshDatabase());
    const episode = {
      ...makeSaved(1),
      durationSeconds: 2000,
      chapters: [
        { start: 0, title: 'Intro', tech: [] },
        { start: 754, title: 'Kubernetes upgrades', tech: ['kubernetes'] },
      ],
    };
    await source.merge([episode, makeSaved(2)]);
    const stars = new SavedChapters(source.db, { now: () => new Date('2026-12-01T00:00:00.000Z') });
    await stars.saveChapter(episodeOf((await source.get(episode.id))!), 754);
    const savedChapters = await stars.listSavedChapters();
    expect(savedChapters).toHaveLength(1);

    const ids = [episode.id, makeSaved(2).id];
    const file = await streamLibraryExport('json', ids, (slice) => source.recordTexts(slice), {
      exportedAt,
      savedChapters,
    });
    const text = await file.blob.text();
    expect(text).toBe(
      exportLibrary(
        'json',
        await source.all().then((all) => ids.map((id) => all.find((e) => e.id === id)!)),
        { exportedAt, savedChapters },
      ).text,
    );

    const target = freshDatabase();
    const report = await importBackup(new Blob([text]), new LibraryService(target));
    expect(report).toMatchObject({ added: 2, savedChapters: { added: 1 } });
    expect(await new SavedChapters(target).listSavedChapters()).toEqual(savedChapters);
  });
});

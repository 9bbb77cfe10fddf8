import { describe, expect, it } from 'vitest';
import { HybridClock } from '@/utils/sync/clock';
import {
  EPISODE_KIND,
  SAVED_CHAPTER_KIND,
  editRecord,
  plainSavedChapter,
  removeRecord,
  renderRecord,
  savedChapterOfRecord,
  savedEpisodeOf,
} from '@/utils/sync/kinds';
import { SHARD_COUNT, shardOf, shardText, ShardSchema } from '@/utils/sync/layout';
import { isRemoved, mergeRecords, recordKey } from '@/utils/sync/record';
import { plainEpisode } from './replica';

const clock = (device: string) => new HybridClock(device, () => 1_750_000_000_000);

describe('synced records', () => {
  it('stamps only the fields an edit changed', () => {
    const laptop = clock('laptop');
    const saved = editRecord(EPISODE_KIND, undefined, plainEpisode('a'), laptop.tick());
    const edited = editRecord(
      EPISODE_KIND,
      saved,
      { ...plainEpisode('a'), status: 'listened' },
      laptop.tick(),
    );
    expect(edited.fields.status!.at > saved.fields.status!.at).toBe(true);
    expect(edited.fields.title).toEqual(saved.fields.title);
    expect(editRecord(EPISODE_KIND, edited, renderRecord(EPISODE_KIND, edited)!, laptop.tick())).toEqual(
      edited,
    );
  });

  it('keeps the first saved time when one episode was saved on two devices', () => {
    const first = editRecord(EPISODE_KIND, undefined, plainEpisode('a'), clock('laptop').tick());
    const later = editRecord(
      EPISODE_KIND,
      undefined,
      { ...plainEpisode('a'), savedAt: '2026-03-01T00:00:00.000Z' },
      clock('phone').tick(),
    );
    expect(renderRecord(EPISODE_KIND, mergeRecords(later, first)!)?.savedAt).toBe('2026-01-01T00:00:00.000Z');
    expect(recordKey(first)).toBe(recordKey(later));
  });

  it('merges a removal of one tag with an addition of another', () => {
    const laptop = clock('laptop');
    const phone = clock('phone');
    const base = editRecord(
      EPISODE_KIND,
      undefined,
      { ...plainEpisode('a'), tags: ['infra', 'db'] },
      laptop.tick(),
    );
    phone.receive(laptop.last);
    const removed = editRecord(EPISODE_KIND, base, { ...plainEpisode('a'), tags: ['infra'] }, laptop.tick());
    const added = editRecord(
      EPISODE_KIND,
      base,
      { ...plainEpisode('a'), tags: ['infra', 'db', 'rust'] },
      phone.tick(),
    );
    expect(renderRecord(EPISODE_KIND, mergeRecords(removed, added)!)?.tags).toEqual(['infra', 'rust']);
  });

  it('deletes with a tombstone that a later save revives', () => {
    const laptop = clock('laptop');
    const saved = editRecord(EPISODE_KIND, undefined, plainEpisode('a'), laptop.tick());
    const removed = removeRecord(saved, laptop.tick());
    expect(isRemoved(removed)).toBe(true);
    expect(renderRecord(EPISODE_KIND, removed)).toBeNull();
    const again = editRecord(EPISODE_KIND, removed, plainEpisode('a'), laptop.tick());
    expect(isRemoved(again)).toBe(false);
    expect(isRemoved(mergeRecords(removed, again)!)).toBe(false);
  });

  it('gives back a saved episode the backup import accepts', () => {
    const record = editRecord(
      EPISODE_KIND,
      undefined,
      { ...plainEpisode('a'), tags: ['infra'], notes: 'n' },
      clock('laptop').tick(),
    );
    expect(savedEpisodeOf(record)).toMatchObject({
      id: 'https://podcast.example/a',
      tags: ['infra'],
      notes: 'n',
    });
    expect(savedEpisodeOf(removeRecord(record, clock('x').tick()))).toBeNull();
  });
});

describe('folder layout', () => {
  it('puts a record in the same one of 64 shards on every device', () => {
    const shards = new Set(
      Array.from({ length: 2_000 }, (_, index) => shardOf(`episode:https://e.example/${index}`)),
    );
    expect(shards.size).toBe(SHARD_COUNT);
    // Ids that repeat their number (a listing's episodes) once left every odd shard empty.
    const repeated = new Set(
      Array.from({ length: 2_000 }, (_, index) =>
        shardOf(`episode:https://p.example/podcast/${index}-episode-${index}`),
      ),
    );
    expect(repeated.size).toBe(SHARD_COUNT);
    expect(shardOf('episode:https://podcast.example/a')).toBe(shardOf('episode:https://podcast.example/a'));
  });

  it('writes a plaintext shard as JSON with one record per line', () => {
    const record = editRecord(EPISODE_KIND, undefined, plainEpisode('a'), clock('laptop').tick());
    const text = shardText({
      format: 'stackcast-sync-shard',
      version: 1,
      shard: '07',
      records: [record, record],
    });
    expect(text.split('\n')).toHaveLength(5);
    expect(ShardSchema.parse(JSON.parse(text)).records).toEqual([record, record]);
  });
});

describe('saved chapters as a record kind', () => {
  it('syncs a starred chapter as its own record, keyed by episode and start', () => {
    const chapter = {
      episodeId: 'https://podcast.example/a',
      start: 754,
      end: 1480,
      title: 'Databases',
      tech: ['postgresql'],
      episode: { title: 'A', podcast: 'Show', date: null, durationSeconds: 3600, url: null, audioUrl: null },
      savedAt: '2026-01-01T00:00:00.000Z',
    };
    const laptop = clock('laptop');
    const record = editRecord(SAVED_CHAPTER_KIND, undefined, plainSavedChapter(chapter), laptop.tick());
    expect(recordKey(record)).toBe('saved-chapter:754@https://podcast.example/a');
    expect(savedChapterOfRecord(record)).toEqual(chapter);
    expect(savedChapterOfRecord(removeRecord(record, laptop.tick()))).toBeNull();
  });

  it('shows an episode whose notes conflict copies grew past the limit, cut to it', () => {
    const laptop = clock('laptop');
    const phone = clock('phone');
    const long = 'x'.repeat(15_000);
    const mine = editRecord(EPISODE_KIND, undefined, { ...plainEpisode('a'), notes: long }, laptop.tick());
    const theirs = editRecord(
      EPISODE_KIND,
      undefined,
      { ...plainEpisode('a'), notes: 'y' + long },
      phone.tick(),
    );
    const merged = mergeRecords(mine, theirs)!;
    expect(String(renderRecord(EPISODE_KIND, merged)?.notes).length).toBeGreaterThan(20_000);
    expect(savedEpisodeOf(merged)?.notes).toHaveLength(20_000);
  });
});

// The Chapters view's query: chapters selected per chapter by technology, with the episode facets and search.
import { describe, expect, it } from 'vitest';
import { queryChapters, type ChapterSourceEpisode } from '@/utils/library/query/chapters';
import type { SavedChapter } from '@/utils/library/saved-chapter-record';

const k8s: ChapterSourceEpisode = {
  id: 'https://example.test/e/1',
  title: 'Scaling a marketplace',
  podcast: 'Running in Production',
  date: '2024-05-01',
  durationSeconds: 3600,
  url: 'https://example.test/e/1',
  audioUrl: 'https://cdn.example.test/1.mp3',
  chapters: [
    { start: 0, title: 'Intro', tech: [] },
    { start: 754, title: 'Kubernetes upgrades', tech: ['kubernetes'] },
    { start: 1480, title: 'Postgres on Kubernetes', tech: ['postgres', 'kubernetes'] },
  ],
  tech: [
    { slug: 'kubernetes', name: 'Kubernetes', category: 'container', source: 'list' },
    { slug: 'postgres', name: 'PostgreSQL', category: 'database', source: 'list' },
  ],
  status: 'listened',
  tags: ['infra'],
};

const rails: ChapterSourceEpisode = {
  ...k8s,
  id: 'https://example.test/e/2',
  title: 'A Rails monolith',
  podcast: 'Other Show',
  durationSeconds: null,
  audioUrl: null,
  chapters: [
    { start: 60, title: 'Why Rails', tech: ['rails'] },
    { start: 300, title: 'Postgres tuning', tech: ['postgres'] },
  ],
  status: 'to-listen',
  tags: [],
};

const unsavedEpisodeChapter: SavedChapter = {
  episodeId: 'https://example.test/e/3',
  start: 120,
  end: 600,
  title: 'Redis as a queue',
  tech: ['redis'],
  episode: {
    title: 'Queues',
    podcast: 'Third Show',
    date: null,
    durationSeconds: 1800,
    url: 'https://example.test/e/3',
    audioUrl: 'https://cdn.example.test/3.mp3',
  },
  savedAt: '2026-01-01T00:00:00.000Z',
};

const starOn = (episode: ChapterSourceEpisode, start: number): SavedChapter => ({
  ...unsavedEpisodeChapter,
  episodeId: episode.id,
  start,
  title: 'an older copy',
  tech: ['kubernetes'],
});

const brief = (matches: ReturnType<typeof queryChapters>) =>
  matches.map((m) => `${m.episodeTitle}@${m.start}`);

describe('queryChapters', () => {
  it('selects chapters by technology, across episodes, with their length', () => {
    const found = queryChapters([k8s, rails], [], { tech: ['postgres'] });
    expect(brief(found)).toEqual(['Scaling a marketplace@1480', 'A Rails monolith@300']);
    // The last chapter ends at the duration; without one, and without a next chapter, its length is unknown.
    expect(found.map((m) => m.length)).toEqual([3600 - 1480, null]);
    expect(found[0]).toMatchObject({
      episodeId: k8s.id,
      podcast: 'Running in Production',
      title: 'Postgres on Kubernetes',
      end: 3600,
      tech: ['postgres', 'kubernetes'],
      audioUrl: k8s.audioUrl,
      pageUrl: k8s.url,
      saved: false,
      episodeSaved: true,
    });
  });

  it("measures a chapter to the next chapter's start", () => {
    expect(queryChapters([k8s], [], { tech: ['kubernetes'], techMode: 'any' })[0]!.length).toBe(1480 - 754);
  });

  it('asks every slug of a chapter in "all" mode and one of them in "any" mode', () => {
    expect(brief(queryChapters([k8s, rails], [], { tech: ['postgres', 'kubernetes'] }))).toEqual([
      'Scaling a marketplace@1480',
    ]);
    expect(queryChapters([k8s, rails], [], { tech: ['rails', 'kubernetes'], techMode: 'any' })).toHaveLength(
      3,
    );
  });

  it('applies the episode facets, the category and the search', () => {
    expect(brief(queryChapters([k8s, rails], [], { status: 'to-listen' }))).toEqual([
      'A Rails monolith@60',
      'A Rails monolith@300',
    ]);
    expect(queryChapters([k8s, rails], [], { tag: 'infra' })).toHaveLength(3);
    expect(brief(queryChapters([k8s, rails], [], { category: 'database' }))).toEqual([
      'Scaling a marketplace@1480',
      'A Rails monolith@300',
    ]);
    expect(brief(queryChapters([k8s, rails], [], { q: 'tun' }))).toEqual(['A Rails monolith@300']);
    expect(queryChapters([k8s, rails], [], { podcast: 'Other Show', q: 'rails monolith' })).toHaveLength(2);
  });

  it('marks starred chapters, lists saved chapters of unsaved episodes from their copy, and can show only those', () => {
    const saved = [starOn(k8s, 754), unsavedEpisodeChapter];
    const all = queryChapters([k8s, rails], saved);
    expect(all).toHaveLength(6);
    // The episode's own chapter wins over the older copy.
    expect(all.find((m) => m.start === 754)).toMatchObject({ title: 'Kubernetes upgrades', saved: true });
    expect(all[5]).toMatchObject({
      episodeTitle: 'Queues',
      podcast: 'Third Show',
      start: 120,
      length: 480,
      tech: ['redis'],
      saved: true,
      episodeSaved: false,
    });
    expect(brief(queryChapters([k8s, rails], saved, { savedOnly: true }))).toEqual([
      'Scaling a marketplace@754',
      'Queues@120',
    ]);
    // A saved chapter of an unsaved episode has no listening status or personal tag.
    expect(queryChapters([k8s, rails], saved, { tech: ['redis'], status: 'listened' })).toEqual([]);
    expect(queryChapters([], saved, { tech: ['redis'] })).toHaveLength(1);
  });

  it('keeps a saved chapter its episode no longer has', () => {
    const gone = { ...starOn(k8s, 999), title: 'Removed on the re-scan', tech: ['kubernetes'] };
    const found = queryChapters([k8s], [gone], { tech: ['kubernetes'] });
    expect(found.map((m) => m.title)).toEqual([
      'Kubernetes upgrades',
      'Postgres on Kubernetes',
      'Removed on the re-scan',
    ]);
    expect(found[2]!.episodeSaved).toBe(true);
  });
});

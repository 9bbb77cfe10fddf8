// The chip filter's rules on their own: counts, marked chapters, where prev/next go, what it says.
import { describe, expect, it } from 'vitest';
import {
  chapterCounts,
  chapterOnlyChips,
  filterStatus,
  matchingChapters,
  nextChapter,
  previousChapter,
} from '@/components/topic-filter';

const chapters = [
  { start: 0, title: 'Intro' },
  { start: 60, title: 'Go', tech: ['go'] },
  { start: 120, title: 'Both', tech: ['go', 'postgres'] },
  { start: 180, title: 'Postgres', tech: ['postgres'] },
];

describe('topic filter', () => {
  it('counts chapters per technology, a chapter without tech counting for none', () => {
    expect(Object.fromEntries(chapterCounts(chapters))).toEqual({ go: 2, postgres: 2 });
  });

  it('marks the chapters naming the slug', () => {
    expect(matchingChapters(chapters, 'postgres')).toEqual([2, 3]);
    expect(matchingChapters(chapters, null)).toEqual([]);
    expect(matchingChapters(chapters, 'docker')).toEqual([]);
  });

  it('walks the marked chapters from wherever playback is', () => {
    const marks = [1, 3];
    expect(nextChapter(4, -1, marks)).toBe(1);
    expect(nextChapter(4, 1, marks)).toBe(3);
    expect(nextChapter(4, 2, marks)).toBe(3);
    expect(nextChapter(4, 3, marks)).toBe(-1);
    expect(previousChapter(3, marks)).toBe(1);
    expect(previousChapter(2, marks)).toBe(1);
    expect(previousChapter(1, marks)).toBe(-1);
    expect(previousChapter(-1, marks)).toBe(-1);
  });

  it('without a filter steps one chapter', () => {
    expect(nextChapter(4, -1, null)).toBe(0);
    expect(nextChapter(4, 3, null)).toBe(-1);
    expect(previousChapter(0, null)).toBe(-1);
    expect(previousChapter(2, null)).toBe(1);
  });

  it('says how many, and says so when none', () => {
    expect(filterStatus('PostgreSQL', 3)).toBe('3 chapters about PostgreSQL');
    expect(filterStatus('PostgreSQL', 1)).toBe('1 chapter about PostgreSQL');
    expect(filterStatus('Docker', 0)).toBe('No chapter is about Docker');
  });
});

describe('chapter-only chips', () => {
  const stack = [{ slug: 'go', name: 'Go', category: 'language' as const, source: 'list' as const }];
  const talked = [
    { slug: 'postgres', name: 'PostgreSQL', category: 'database' as const, source: 'text' as const },
    { slug: 'go', name: 'Go', category: 'language' as const, source: 'text' as const },
    { slug: 'redis', name: 'Redis', category: 'cache' as const, source: 'text' as const },
  ];

  it('offers what only chapters name, once, after nothing the episode already lists', () => {
    expect(chapterOnlyChips(stack, talked, chapters).map((mention) => mention.slug)).toEqual(['postgres']);
  });

  it('offers nothing without named chapter technologies', () => {
    expect(chapterOnlyChips(stack, undefined, chapters)).toEqual([]);
    expect(chapterOnlyChips(stack, talked, [])).toEqual([]);
  });
});

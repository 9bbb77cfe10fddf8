// The export timeline: sorted chapters with ends from the chapter, the next start or the duration.
import { describe, expect, it } from 'vitest';
import { exportChapters } from '@/utils/export/chapters';

describe('exportChapters', () => {
  it('derives ends from the next start and the duration', () => {
    expect(
      exportChapters({
        durationSeconds: 100,
        chapters: [
          { start: 30, title: 'B' },
          { start: 0, title: 'A' },
        ],
      }),
    ).toEqual([
      { start: 0, end: 30, title: 'A' },
      { start: 30, end: 100, title: 'B' },
    ]);
  });
  it('keeps a known end inside the next chapter and drops impossible ones', () => {
    const chapters = [
      { start: 0, end: 50, title: 'A' },
      { start: 20, end: 10, title: 'B' },
      { start: 40, title: 'C' },
    ];
    expect(exportChapters({ durationSeconds: null, chapters })).toEqual([
      { start: 0, end: 20, title: 'A' },
      { start: 20, end: 40, title: 'B' },
      { start: 40, end: null, title: 'C' },
    ]);
  });
  it('keeps an explicit end shorter than the gap to the next chapter', () => {
    expect(
      exportChapters({
        durationSeconds: 100,
        chapters: [
          { start: 0, end: 5, title: 'A' },
          { start: 50, title: 'B' },
        ],
      })[0],
    ).toEqual({
      start: 0,
      end: 5,
      title: 'A',
    });
  });
});

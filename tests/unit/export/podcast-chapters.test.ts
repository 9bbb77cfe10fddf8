// Podcasting 2.0 JSON chapters: shape per the spec (version 1.2.0), end times only when known.
import { describe, expect, it } from 'vitest';
import { toPodcastChapters, toPodcastChaptersDocument } from '@/utils/export/podcast-chapters';
import { HOSTILE_TITLES, makeEpisode } from './episode';

describe('toPodcastChapters', () => {
  it('writes version 1.2.0, startTime, endTime and titles', () => {
    const parsed = JSON.parse(toPodcastChapters(makeEpisode()));
    expect(parsed).toEqual({
      version: '1.2.0',
      title: 'Example episode',
      podcastName: 'Running in Production',
      chapters: [
        { startTime: 0, endTime: 105, title: 'Intro' },
        { startTime: 105, endTime: 421, title: 'Overview' },
        { startTime: 421, endTime: 600, title: 'Splitting up compute' },
      ],
    });
  });

  it('leaves out the last endTime when the duration is unknown', () => {
    const document = toPodcastChaptersDocument(makeEpisode({ durationSeconds: null }));
    expect(document.chapters.at(-1)).toEqual({ startTime: 421, title: 'Splitting up compute' });
    expect(document.chapters[0]).toHaveProperty('endTime', 105);
  });

  it('sorts chapters and omits optional top-level fields it does not know', () => {
    const document = toPodcastChaptersDocument(
      makeEpisode({
        title: null,
        podcast: null,
        chapters: [
          { start: 50, title: 'B' },
          { start: 10, title: 'A' },
        ],
      }),
    );
    expect(Object.keys(document)).toEqual(['version', 'chapters']);
    expect(document.chapters.map((c) => c.startTime)).toEqual([10, 50]);
  });

  it('round-trips hostile titles through JSON as one line each', () => {
    const chapters = HOSTILE_TITLES.map((title, index) => ({ start: index * 10, title }));
    const parsed = JSON.parse(toPodcastChapters(makeEpisode({ chapters })));
    expect(parsed.chapters).toHaveLength(HOSTILE_TITLES.length);
    expect(parsed.chapters[3].title).toBe('<script>alert(1)</script> & "quotes" \'apostrophes\'');
    expect(parsed.chapters[1].title).toBe('line one line two');
    for (const chapter of parsed.chapters) {
      expect(chapter.title).not.toMatch(/[\n\r]/);
      expect(chapter.title).not.toContain('\u0000');
    }
  });

  it('writes an empty chapter list for an episode without chapters', () => {
    expect(JSON.parse(toPodcastChapters(makeEpisode({ chapters: [] }))).chapters).toEqual([]);
  });
});

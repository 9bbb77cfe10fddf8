// The chapter exports (WebVTT, Podcasting 2.0, Podlove Simple Chapters) from records no parser would write:
// chapters out of order, sharing starts, ends before their starts or past the duration. Every export is a
// timeline: starts strictly ascending, no cue or chapter overlapping the next.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { toWebVtt } from '@/utils/export/webvtt';
import { toPodcastChaptersDocument } from '@/utils/export/podcast-chapters';
import { toPsc } from '@/utils/export/psc';
import type { Chapter, Episode } from '@/utils/model';

const episodeWith = (chapters: Chapter[], durationSeconds: number | null): Episode => ({
  id: 'https://example.com/ep/1',
  title: 'Hostile',
  podcast: null,
  date: null,
  durationSeconds,
  url: null,
  audioUrl: null,
  chapters,
  chapterConfidence: 1,
  tech: [],
});

/** [start, end] of each WebVTT cue, in seconds. */
function cues(vtt: string): [number, number][] {
  const seconds = (time: string) => {
    const [h, m, s] = time.split(':').map(Number) as [number, number, number];
    return h * 3600 + m * 60 + s;
  };
  return [...vtt.matchAll(/^(\d+:\d{2}:\d{2}\.\d{3}) --> (\d+:\d{2}:\d{2}\.\d{3})$/gm)].map((m) => [
    seconds(m[1]!),
    seconds(m[2]!),
  ]);
}

function expectTimeline(episode: Episode) {
  const vtt = cues(toWebVtt(episode));
  for (let i = 0; i < vtt.length; i++) {
    const [start, end] = vtt[i]!;
    expect(end).toBeGreaterThan(start);
    if (i + 1 < vtt.length) expect(end).toBeLessThanOrEqual(vtt[i + 1]![0]);
  }
  const json = toPodcastChaptersDocument(episode).chapters;
  for (let i = 0; i < json.length; i++) {
    const { startTime, endTime } = json[i]!;
    const next = json[i + 1];
    if (next) expect(next.startTime).toBeGreaterThan(startTime);
    if (endTime !== undefined) {
      expect(endTime).toBeGreaterThan(startTime);
      if (next) expect(endTime).toBeLessThanOrEqual(next.startTime);
    }
  }
  const psc = [...toPsc(episode).matchAll(/start="([^"]+)"/g)].map((m) => m[1]!);
  expect(new Set(psc).size).toBe(psc.length);
  expect(vtt.length).toBe(json.length);
  expect(psc.length).toBe(json.length);
}

describe('chapter exports of hostile records', () => {
  it('duplicate starts: one cue per start, no cue to 99:59:59.999 over the next', () => {
    const episode = episodeWith(
      [
        { start: 60, title: 'B' },
        { start: 0, title: 'A' },
        { start: 60, title: 'B again' },
        { start: 120, title: 'C' },
      ],
      300,
    );
    expect(cues(toWebVtt(episode))).toEqual([
      [0, 60],
      [60, 120],
      [120, 300],
    ]);
    expect(toPodcastChaptersDocument(episode).chapters.map((c) => c.startTime)).toEqual([0, 60, 120]);
    expectTimeline(episode);
  });

  it('ends before their starts or past the duration are not written', () => {
    const episode = episodeWith(
      [
        { start: 0, end: 0, title: 'A' },
        { start: 100, end: 50, title: 'B' },
        { start: 200, end: 9_999, title: 'C' },
      ],
      400,
    );
    expect(toPodcastChaptersDocument(episode).chapters).toEqual([
      { startTime: 0, endTime: 100, title: 'A' },
      { startTime: 100, endTime: 200, title: 'B' },
      { startTime: 200, endTime: 400, title: 'C' },
    ]);
    expectTimeline(episode);
  });

  it('any chapters, any duration: every export is a timeline', () => {
    const seconds = fc.integer({ min: 0, max: 1_000_000 });
    const chapter = fc.record({
      start: fc.oneof(seconds, fc.integer({ min: 0, max: 10 })),
      end: fc.option(fc.oneof(seconds, fc.integer({ min: 0, max: 10 })), { nil: undefined }),
      title: fc.string({ maxLength: 8 }),
    });
    fc.assert(
      fc.property(
        fc.array(chapter, { maxLength: 12 }),
        fc.option(fc.oneof(seconds, fc.integer({ min: 0, max: 10 })), { nil: null }),
        (chapters, duration) => {
          expectTimeline(episodeWith(chapters, duration));
        },
      ),
      { numRuns: 2_000 },
    );
  });
});

// Property tests: the parser never throws and always returns ascending, unique, in-range chapters.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { findTimestamps, parseChapters } from '@/utils/parse/chapters';
import { formatTimestamp, parseTimestamp } from '@/utils/parse/time';

/** Strings built from the characters timestamps are made of, so the scanner's corners get exercised. */
const timestampish = fc
  .array(
    fc.constantFrom(
      '0',
      '1',
      '2',
      '3',
      '5',
      '9',
      ':',
      ':',
      '-',
      '–',
      ' ',
      '\n',
      '[',
      ')',
      '.',
      'a',
      'T',
      '/',
      'v',
      'am',
    ),
    {
      maxLength: 200,
    },
  )
  .map((parts) => parts.join(''));

/** Plausible show notes: times (some broken) with words, joined by line breaks, spaces or nothing. */
const notesLike = fc
  .array(
    fc.tuple(
      fc.oneof(
        fc.nat({ max: 20_000 }).map(formatTimestamp),
        fc.constantFrom('1:04-22', '1:75', '10:30 am', 'John 3:16', '16:9'),
      ),
      fc.constantFrom(' – ', ' - ', ' | ', ': ', ' ', ''),
      fc.string({ maxLength: 30 }),
    ),
    { maxLength: 30 },
  )
  .chain((items) =>
    fc
      .constantFrom('\n', ' ', '')
      .map((joiner) => items.map(([t, s, title]) => `${t}${s}${title}`).join(joiner)),
  );

const anyText = fc.oneof(
  fc.string({ maxLength: 300 }),
  fc.string({ unit: 'binary', maxLength: 300 }),
  timestampish,
  notesLike,
);
const duration = fc.option(fc.integer({ min: 1, max: 30_000 }), { nil: undefined });

function checkInvariants(text: string, durationSeconds: number | undefined): void {
  const { chapters, confidence } = parseChapters(text, { durationSeconds });
  expect(confidence).toBeGreaterThanOrEqual(0);
  expect(confidence).toBeLessThanOrEqual(1);
  if (chapters.length === 0) expect(confidence).toBe(0);
  else expect(chapters.length).toBeGreaterThanOrEqual(2);
  for (let i = 0; i < chapters.length; i++) {
    const chapter = chapters[i]!;
    expect(Number.isInteger(chapter.start)).toBe(true);
    expect(chapter.start).toBeGreaterThanOrEqual(0);
    if (i > 0) expect(chapter.start).toBeGreaterThan(chapters[i - 1]!.start);
    if (durationSeconds !== undefined) expect(chapter.start).toBeLessThan(durationSeconds);
    if (chapter.end !== undefined && chapter.end !== null)
      expect(chapter.end).toBeGreaterThanOrEqual(chapter.start);
    if (i + 1 < chapters.length) expect(chapter.end).toBe(chapters[i + 1]!.start);
    expect(typeof chapter.title).toBe('string');
  }
}

describe('parseChapters properties', () => {
  it('never throws; chapters ascend with unique starts, within the duration, ends after starts', () => {
    fc.assert(
      fc.property(anyText, duration, (text, durationSeconds) => checkInvariants(text, durationSeconds)),
      { numRuns: 1500 },
    );
  });

  it('reads back any ascending list it is given, in any layout', () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.nat({ max: 5 * 3600 }), { minLength: 2, maxLength: 40 }),
        fc.constantFrom('\n', ' ', ''),
        fc.constantFrom(' – ', ' - ', ' | ', ' — '),
        (times, joiner, separator) => {
          const sorted = [...times].sort((a, b) => a - b);
          const text = sorted
            .map((t, i) => `${formatTimestamp(t)}${separator}Topic ${String.fromCharCode(65 + (i % 26))}x`)
            .join(joiner);
          expect(parseChapters(text).chapters.map((c) => c.start)).toEqual(sorted);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('does not throw on non-string input from untyped callers', () => {
    expect(parseChapters(undefined as unknown as string)).toEqual({ chapters: [], confidence: 0 });
    expect(findTimestamps(null as unknown as string)).toEqual([]);
  });
});

describe('findTimestamps properties', () => {
  it('never throws; every hit lies inside the text and reads as its seconds', () => {
    fc.assert(
      fc.property(anyText, (text) => {
        let previous = -1;
        for (const hit of findTimestamps(text)) {
          expect(hit.index).toBeGreaterThan(previous);
          previous = hit.index;
          expect(hit.index + hit.length).toBeLessThanOrEqual(text.length);
          const written = text.slice(hit.index, hit.index + hit.length);
          // A typo like `1:04-22` is the only way a hit does not read on its own.
          if (/[-.;]/.test(written)) continue;
          const direct = parseTimestamp(written);
          const parts = written.split(':').map(Number);
          // Either the clock reading, or the same digits read as mm:ss:ff frames (minutes and seconds).
          const frames = parts.length === 3 ? parts[0]! * 60 + parts[1]! : null;
          expect([direct, frames]).toContain(hit.seconds);
          expect(hit.seconds).toBeGreaterThanOrEqual(0);
        }
      }),
      { numRuns: 800 },
    );
  });
});

describe('timestamps round-trip', () => {
  it('formatTimestamp then parseTimestamp gives the seconds back', () => {
    fc.assert(
      fc.property(fc.nat({ max: 99 * 3600 + 3599 }), (seconds) => {
        expect(parseTimestamp(formatTimestamp(seconds))).toBe(seconds);
      }),
    );
  });
});

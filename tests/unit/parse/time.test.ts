// Timestamps to and from seconds.
import { describe, expect, it } from 'vitest';
import { formatTimestamp, nptTime, parseTimestamp, vttTime } from '@/utils/parse/time';

describe('parseTimestamp', () => {
  it.each([
    ['1:45', 105],
    ['01:45', 105],
    ['0:00', 0],
    ['1:02:03', 3723],
    ['01:02:03', 3723],
    ['[12:30]', 750],
    ['(0:00)', 0],
    [' 7:01 ', 421],
    ['125:30', 7530],
  ])('%j → %j', (text, seconds) => {
    expect(parseTimestamp(text)).toBe(seconds);
  });

  it.each([
    '1:75',
    '16:9',
    '1:2:3',
    '1:60:00',
    '1:02:60',
    'abc',
    '',
    ':45',
    '1:',
    '1:45:',
    '[1:45',
    '1:45pm',
    '1.45',
    '1000:00',
    '100:00:00',
    '1:02:03:04',
  ])('%j → null', (text) => {
    expect(parseTimestamp(text)).toBeNull();
  });
});

describe('formatTimestamp', () => {
  it.each([
    [0, '0:00'],
    [105, '1:45'],
    [599, '9:59'],
    [3599, '59:59'],
    [3600, '1:00:00'],
    [3723, '1:02:03'],
    [105.9, '1:45'],
    [-5, '0:00'],
    [Number.NaN, '0:00'],
  ])('%j → %j', (seconds, text) => {
    expect(formatTimestamp(seconds)).toBe(text);
  });
});

describe('vttTime and nptTime (WebVTT cues, Podlove chapters)', () => {
  it.each([
    [0, '00:00:00.000', '00:00:00'],
    [105, '00:01:45.000', '00:01:45'],
    [3.5, '00:00:03.500', '00:00:03.500'],
    [3723.0004, '01:02:03.000', '01:02:03'],
    [59.9996, '00:01:00.000', '00:01:00'],
    [360_000, '100:00:00.000', '100:00:00'],
    [-5, '00:00:00.000', '00:00:00'],
  ])('%j → %j / %j', (seconds, vtt, npt) => {
    expect(vttTime(seconds)).toBe(vtt);
    expect(nptTime(seconds)).toBe(npt);
  });

  it('writes the same second as formatTimestamp for whole seconds', () => {
    for (const seconds of [0, 59, 60, 3599, 3600, 86_399]) {
      const [h, m, s] = vttTime(seconds).slice(0, 8).split(':').map(Number) as [number, number, number];
      expect(parseTimestamp(formatTimestamp(seconds))).toBe(h * 3600 + m * 60 + s);
    }
  });
});

// Loose page values (durations, dates, URLs) normalise to the model's shapes or to null, never to nonsense.
import { describe, expect, it } from 'vitest';
import { audioUrl, cleanLabel, httpUrl, isoDate, parseDuration } from '@/utils/sites/values';
import { countTimestamps } from '@/utils/sites/timestamp-blocks';

describe('parseDuration', () => {
  it.each([
    ['PT1H43M6S', 6186],
    ['PT14M38S', 878],
    ['52:20', 3140],
    ['1:43:06', 6186],
    ['1 hr 43 min', 6180],
    ['59 min', 3540],
    ['56min', 3360],
    ['1h 5m', 3900],
    ['3600', 3600],
    [3140, 3140],
  ])('%s → %d s', (raw, seconds) => expect(parseDuration(raw)).toBe(seconds));

  it.each<[unknown]>([[''], ['soon'], ['1:75'], [-5], [Number.NaN], [{}], ['PT']])('%s → null', (raw) =>
    expect(parseDuration(raw)).toBeNull(),
  );
});

describe('isoDate', () => {
  it.each([
    ['2019-11-25T00:00:00+00:00', '2019-11-25'],
    ['Dec 20, 2021', '2021-12-20'],
    ['DEC 20, 2021', '2021-12-20'],
    ['Published on June 1, 2020', '2020-06-01'],
    ['20 September 2021', '2021-09-20'],
  ])('%s → %s', (raw, iso) => expect(isoDate(raw)).toBe(iso));

  it.each(['8 ago 2023', '3 days ago', 'February 31st', '', '2021-13-40'])('%s → null', (raw) =>
    expect(isoDate(raw)).toBeNull(),
  );
});

describe('URLs', () => {
  it('resolves relative URLs and keeps only http(s)', () => {
    expect(httpUrl('/podcast/3-x', 'https://runninginproduction.com/tags/docker')).toBe(
      'https://runninginproduction.com/podcast/3-x',
    );
    expect(httpUrl('javascript:alert(1)', 'https://example.com/')).toBeNull();
    expect(httpUrl('data:audio/mp3;base64,AAAA')).toBeNull();
    expect(httpUrl('http://[broken')).toBeNull();
    expect(httpUrl(null)).toBeNull();
  });

  it('drops the fragment a player appended to an audio URL', () => {
    expect(audioUrl('https://cdn.example.com/a.mp3?x=1#t=0')).toBe('https://cdn.example.com/a.mp3?x=1');
  });
});

describe('labels and counting', () => {
  it('collapses whitespace and cuts megabyte titles', () => {
    expect(cleanLabel('  Meteor \n Cloud ')).toBe('Meteor Cloud');
    expect(cleanLabel('x'.repeat(1_000_000))!.length).toBeLessThanOrEqual(500);
  });

  it('does not count player readouts as timestamps', () => {
    expect(countTimestamps('0:00 / 23:59')).toBe(0);
    expect(countTimestamps('1:45 – Overview 7:01 – Splitting')).toBe(2);
    expect(countTimestamps('version 1.2:30:40:50')).toBe(0);
  });
});

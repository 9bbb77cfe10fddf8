// The small scan on the kinds of text real show notes hold: sermon and sports notes beside chapter lists, times of
// day and of publishing, ranges, frame timecodes, typos, and what the episode's chapter starts settle.
import { describe, expect, it } from 'vitest';
import { parseHTML } from 'linkedom';
import { findPageTimestamps, latestSecond, type PageTimeContext } from '@/utils/overlay/page-time-scan';
import { linkTimestamps } from '@/utils/overlay/page-timestamps';

const found = (text: string, context: PageTimeContext = {}) =>
  findPageTimestamps(text, context).map((hit) => [
    text.slice(hit.index, hit.index + hit.length),
    hit.seconds,
  ]);

const starts = (...seconds: number[]) => ({ chapterStarts: new Set(seconds) });

describe('verses, scores and ratios', () => {
  it('does not link a verse named by its book in a sermon’s notes', () => {
    expect(found('This Sunday we read John 3:16 and Romans 8:28, then 1 Cor 13:13 on love.')).toEqual([]);
  });

  it('does not link a score or a ratio in prose', () => {
    expect(found('Füchse Berlin beat Kiel 28:25 and won 3:1 on aggregate.')).toEqual([]);
    expect(found('Shot in a 16:10 aspect ratio, mixed at a ratio of 1:20.')).toEqual([]);
  });

  it('links a time whose title ends in a book’s name when list times continue through it', () => {
    expect(found('Timestamps:0:00 Intro2:10 The app, developed by Mark4:12 Motivation6:30 Wrap-up')).toEqual([
      ['0:00', 0],
      ['2:10', 130],
      ['4:12', 252],
      ['6:30', 390],
    ]);
  });

  it('links it where the parser made it a chapter start, even alone in its list item', () => {
    expect(found('Mark 4:12 – Motivation', starts(0, 252))).toEqual([['4:12', 252]]);
    expect(found('Mark 4:12 – Motivation', starts(0, 300))).toEqual([]);
  });
});

describe('times of day and of publishing', () => {
  it('skips clock times, time zones and a date’s time', () => {
    expect(found('Live at 10:00 ET, doors 9:30pm, 18:00 Uhr in Berlin, 7:15 p.m. in Austin')).toEqual([]);
    expect(found('Recorded January 19th, 2038 at 03:14:08 and posted 2024-01-05T10:30')).toEqual([]);
  });

  it('skips a player’s remaining time but keeps a range’s end', () => {
    expect(found('-14:36')).toEqual([]);
    expect(found('0:02 (-14:36)')).toEqual([['0:02', 2]]);
    expect(found('12:10-14:36 Deploys')).toEqual([
      ['12:10', 730],
      ['14:36', 876],
    ]);
  });

  it('still links a chapter whose title starts like a time zone or a meridiem past any hour of a clock', () => {
    expect(found('58:57 Am I wrong to not use a framework?')).toEqual([['58:57', 3537]]);
    expect(found('25:21 Z index?')).toEqual([['25:21', 1521]]);
  });
});

describe('ranges and typos', () => {
  it('links the start of a range, and its end', () => {
    expect(found('1:04–1:22 Deploys')).toEqual([
      ['1:04', 64],
      ['1:22', 82],
    ]);
    expect(found('1:04-22 – Various alarms')).toEqual([['1:04', 64]]);
  });

  it('reads a dash typed for a colon as the parser did, among hour-long chapters', () => {
    expect(found('1:04-22 – Various alarms', starts(3690, 3862, 4022))).toEqual([['1:04-22', 3862]]);
  });
});

describe('how the notes write their times, from the chapter starts', () => {
  it('reads minutes:seconds:frames when the chapter list does', () => {
    const notes = '00:11:11 Welcome\n01:29:11 When should you use a CMS?\n08:03:08 Does your business need…';
    expect(found(notes, starts(11, 89, 483))).toEqual([
      ['00:11:11', 11],
      ['01:29:11', 89],
      ['08:03:08', 483],
    ]);
    expect(found(notes)).toEqual([
      ['00:11:11', 671],
      ['01:29:11', 5351],
      ['08:03:08', 28988],
    ]);
  });

  it('keeps a transcript’s stamps plain though one reads as a chapter start as frames', () => {
    const notes =
      '[00:00:00] Introduction\n[00:01:26] Manufacturing\n…\n[00:00:16] Introduction\nAndrew: hello';
    expect(found(notes, starts(0, 86)).map(([, seconds]) => seconds)).toEqual([0, 86, 16]);
  });

  it('reads an hours-and-minutes list as the parser did', () => {
    expect(found('0:00 Doors\n1:30 Keynote\n2:45 Panel', starts(0, 5400, 9900))).toEqual([
      ['0:00', 0],
      ['1:30', 5400],
      ['2:45', 9900],
    ]);
  });
});

describe('the episode’s length', () => {
  it('is a floor when it is whole minutes, as directories round', () => {
    expect(latestSecond(3900)).toBe(3959);
    expect(latestSecond(3903)).toBe(3903);
    expect(latestSecond(null)).toBe(Infinity);
    expect(found('1:05:03 Outro, 1:06:00 bonus', { durationSeconds: 3900 })).toEqual([['1:05:03', 3903]]);
  });

  it('leaves out the later times when linking a page', () => {
    const { document } = parseHTML('<div id="n"><p>0:30 Intro</p><p>2:00:00 Encore</p></div>');
    const notes = document.getElementById('n')!;
    expect(linkTimestamps(notes, { durationSeconds: 3600, chapterStarts: [30, 600] })).toBe(1);
  });
});

describe('cost', () => {
  it('reads a long run of verse references and digit runs without keeping any', () => {
    const text = 'John 3:16 '.repeat(20_000) + '1:2:3:4:5:6:7:8 '.repeat(20_000);
    expect(findPageTimestamps(text, starts(0, 60))).toEqual([]);
  });
});

// False positives: text that holds times which are not a chapter list, and lists that carry a trap beside them.
import { readFileSync, readdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { findTimestamps, parseChapters } from '@/utils/parse/chapters';

const PAGES = resolve(import.meta.dirname, '../../../..', 'shared', 'pages');

const starts = (text: string, durationSeconds?: number): number[] =>
  parseChapters(text, { durationSeconds }).chapters.map((c) => c.start);

describe('text with no chapter list yields no chapters', () => {
  it.each([
    ['times of day', 'Doors open at 10:30 am, the talk starts at 11:45 AM and ends 1:15 PM.'],
    ['times of day, one a line', 'Schedule\n9:30 am – Registration\n10:30 am – Keynote\n12:00 pm – Lunch'],
    ['time zones', 'Live at 18:00 UTC\nRepeat at 20:00 CET\nAnd 14:00 ET'],
    ['verses', 'Read John 3:16 and Romans 8:28, then Psalm 23:10 and Genesis 1:27.'],
    [
      'ratios and scores',
      'Shot in 16:9 and 4:3; aspect ratio 21:9; the final score 21:15 after leading 11:10.',
    ],
    ['versions and decimals', 'Upgraded from v1:20 to v2:30 and python 3.10:45 builds'],
    [
      'URLs',
      'See https://example.com/12:30/45:10 and https://youtu.be/x?t=10:30 and www.example.com/1:00:00',
    ],
    ['a lone timestamp in prose', 'Around 12:30 into the episode we talk about databases at length.'],
    ['two timestamps in prose', 'We get into Postgres at 12:30 and then back to it at 45:10 in passing.'],
    ['a player readout', 'Now playing 0:00 / 23:59'],
    ['a readout side by side', 'PLAY\n00:19 14:38\nDownload'],
    ['elapsed and remaining time', '0:02\nPlayback\n-14:36'],
    ['player readout lines', '00:00\n23:59\nRecast'],
    ['metadata durations', 'Duration: 01:14:31\nPublished 2021-03-04 10:30\nLength 45:10'],
    ['player JSON', '{"duration":"01:14:31","position":"00:00:05","updated":"2021-03-04T10:30:00Z"}'],
    ['ISO date-times', 'Posted 2021-03-04T10:30:00+02:00, edited 2021-03-05T11:45:10Z'],
    ['dates with times', 'Dec 20, 2021 10:30 and 12/20/2021 11:45 and 20.12.2021 12:15'],
    ['invalid values', '1:75 – Not a time\n2:99 – Nor this\n1:2:3 – Nor this'],
    ['frame timecodes with four parts', '00:01:02:24 – A\n00:05:10:12 – B\n00:09:00:01 – C'],
    [
      'other episodes with durations and dates',
      '31:34Talking about drugsDec 09, 2021\n26:44SpikingNov 25, 2021\n44:07Maternal DrinkingNov 11, 2021\n46:21Drugs and SexNov 19, 2020\n47:26Drug regulationNov 05, 2020\n49:01AlcoholOct 22, 2020',
    ],
    [
      'other episodes with durations',
      'Show | 13:32\nEste Perro\nShow | 14:52\nLos coches\nShow | 06:32\nChina\nShow | 05:35',
    ],
    ['verses glued to their book in prose', 'We read Mark4:12 and John3:16, then Psalm23:10 together.'],
    ['a glued score and metadata in prose', 'They won38:50 in the final, the video posted15:09 went viral.'],
    ['comment times', 'Ana said 2 years ago: great episode!\nreply 14:35\nLuis at 09:12: loved it'],
    ['empty', ''],
  ])('%s', (_name, text) => {
    expect(parseChapters(text)).toEqual({ chapters: [], confidence: 0 });
  });
});

describe('a chapter list beside a trap keeps the list and leaves the trap out', () => {
  it('times past a known duration', () => {
    expect(starts('0:00 – Intro\n10:00 – Middle\n20:00 – End\n1:30:00 – Bonus', 1500)).toEqual([
      0, 600, 1200,
    ]);
  });

  it('a player readout above the notes', () => {
    expect(starts('0:00 / 23:59\nTimestamps\n1:10 – Intro\n5:20 – Topic\n9:30 – Outro')).toEqual([
      70, 320, 570,
    ]);
  });

  it('metadata duration and publication time in the header', () => {
    const text =
      'Published Dec 20, 2021 10:30\nDuration: 01:14:31\n\n02:10 – Welcome\n15:45 – The stack\n48:00 – Wrap-up';
    expect(starts(text)).toEqual([130, 945, 2880]);
  });

  it('a time of day and a verse inside titles', () => {
    const text = '0:00 – Intro, recorded at 10:30 am\n4:10 – John 3:16 as a password\n9:00 – Outro';
    expect(starts(text)).toEqual([0, 250, 540]);
  });

  it('a title that starts like a meridiem or a time zone, after a time past any hour of a clock', () => {
    const text = '52:10 Sponsor\n58:57 Am I wrong to not use a framework?\n1:02:40 Sick picks';
    expect(starts(text)).toEqual([3130, 3537, 3760]);
    expect(starts('21:40 Grid\n25:21 Z index?\n27:02 Faking it')).toEqual([1300, 1521, 1622]);
  });

  it('a transcript of hundreds of utterance stamps beside a short table of contents', () => {
    const contents = '(00:00:00) Intro\n(00:04:30) Why Postgres\n(00:19:10) Deploys\n(00:41:00) Wrap-up';
    const transcript = Array.from({ length: 300 }, (_, i) => {
      const t = 2 + i * 9;
      const hh = String(Math.floor(t / 3600)).padStart(2, '0');
      const mm = String(Math.floor((t % 3600) / 60)).padStart(2, '0');
      const ss = String(t % 60).padStart(2, '0');
      return `(${hh}:${mm}:${ss}) Speaker ${i % 2 ? 'A' : 'B'}: and then we talked about the thing we always talk about, at some length.`;
    }).join('\n');
    const text = `Contents\n${contents}\n\nTranscript\n${'This transcript was machine generated. '.repeat(20)}\n${transcript}`;
    expect(starts(text)).toEqual([0, 270, 1150, 2460]);
  });

  it('Apple-style glued text: a verse that breaks the ascending run stays in its title', () => {
    const { chapters } = parseChapters('Timestamps:00:00 Intro05:00 John3:16 as a password12:00 Deploys');
    expect(chapters.map((c) => [c.start, c.title])).toEqual([
      [0, 'Intro'],
      [300, 'John3:16 as a password'],
      [720, 'Deploys'],
    ]);
  });

  it('Apple-style glued text: metadata before or after the list is no chapter', () => {
    expect(starts('Posted12:30 Timestamps:00:00 Intro05:00 Stack12:00 Deploys. Duration45:00')).toEqual([
      0, 300, 720,
    ]);
  });

  it('notes going backwards come out sorted', () => {
    const { chapters } = parseChapters('1:02:03 – Outro\n45:10 – Middle\n12:00 – Start\n0:00 – Intro');
    expect(chapters).toEqual([
      { start: 0, end: 720, title: 'Intro' },
      { start: 720, end: 2710, title: 'Start' },
      { start: 2710, end: 3723, title: 'Middle' },
      { start: 3723, title: 'Outro' },
    ]);
  });

  // A listener reads the topic the notes list, at the time they give: Syntax's ground truth keeps such a typo at its
  // visible time (`55:16 Sick Picks` then `00:16 Shameless Plugs`); it does not start a second list.
  it('one out-of-order time in an ascending list is a typo kept at its visible time, not a new list', () => {
    expect(starts('0:00 – A\n5:00 – B\n2:00 – Typo\n9:00 – C\n14:00 – D')).toEqual([0, 120, 300, 540, 840]);
  });

  // No title stands before a line's first digits to end in one: `19:08` opening a line is never `1` + `9:08`, even
  // where that would make the list ascend (the out-of-order time is the next one, `9:22` typed for `29:22`).
  it('a time opening its line keeps all its digits, even out of order', () => {
    expect(
      starts('1:27 - Question\n4:50 - Relationships\n19:08 - Expertise\n9:22 - Visibility\n38:02 - Other'),
    ).toEqual([87, 290, 562, 1148, 2282]);
  });

  it('a time out of order in prose after a list stays out of it', () => {
    expect(
      starts('0:00 – A\n5:00 – B\n9:00 – C\n14:00 – D\nWe recorded this at 2:00 in the morning.'),
    ).toEqual([0, 300, 540, 840]);
  });

  it('mm:ss:ff frame timecodes past an episode’s length read as minutes and seconds', () => {
    expect(starts('00:00:00 – Intro\n12:30:15 – Middle\n40:10:05 – End', 3000)).toEqual([0, 750, 2410]);
  });
});

describe('findTimestamps', () => {
  it('finds the times in a chapter list, including a typo in sequence', () => {
    const text = '1:01:30 – A\n1:04-22 – B\n1:07:02 – C';
    expect(findTimestamps(text).map((t) => [text.slice(t.index, t.index + t.length), t.seconds])).toEqual([
      ['1:01:30', 3690],
      ['1:04-22', 3862],
      ['1:07:02', 4022],
    ]);
  });

  it('finds a clean timestamp in prose but no time of day, verse, ratio or version', () => {
    const text = 'Skip to 12:30 for the demo; not 10:30 am, John 3:16, 16:9 or v1:20.';
    expect(findTimestamps(text)).toEqual([{ index: 8, length: 5, seconds: 750 }]);
  });
});

describe('real saved pages (none has a chapter list)', () => {
  const pages = readdirSync(PAGES).filter((f) => f.endsWith('.html'));

  it('has the pages', () => {
    expect(pages.length).toBeGreaterThanOrEqual(10);
  });

  it.each(pages)('%s', (file) => {
    const { document } = parseHTML(readFileSync(resolve(PAGES, file), 'utf8'));
    expect(parseChapters(document)).toEqual({ chapters: [], confidence: 0 });
  });
});

// WebVTT chapters: header, one cue per chapter, and titles that can never break the cue structure.
import { describe, expect, it } from 'vitest';
import { toWebVtt, vttText } from '@/utils/export/webvtt';
import { HOSTILE_TITLES, makeEpisode } from './episode';

const TIMING = /^\d{2,}:\d{2}:\d{2}\.\d{3} --> \d{2,}:\d{2}:\d{2}\.\d{3}$/;

/** Blocks of a WebVTT file as a strict reader sees them: separated by blank lines. */
function blocks(vtt: string): string[][] {
  return vtt
    .trimEnd()
    .split(/\n\n/)
    .map((block) => block.split('\n'));
}

describe('toWebVtt', () => {
  it('writes the header, a NOTE naming the episode and numbered cues', () => {
    expect(toWebVtt(makeEpisode())).toBe(
      [
        'WEBVTT',
        '',
        'NOTE Example episode',
        '',
        '1',
        '00:00:00.000 --> 00:01:45.000',
        'Intro',
        '',
        '2',
        '00:01:45.000 --> 00:07:01.000',
        'Overview',
        '',
        '3',
        '00:07:01.000 --> 00:10:00.000',
        'Splitting up compute',
        '',
      ].join('\n'),
    );
  });

  it('lets the last chapter run to the end of the media when the duration is unknown', () => {
    const vtt = toWebVtt(makeEpisode({ durationSeconds: null }));
    expect(vtt).toContain('00:07:01.000 --> 99:59:59.999\nSplitting up compute');
  });

  it('writes hours past 99 with more digits', () => {
    const vtt = toWebVtt(
      makeEpisode({ durationSeconds: 400_000, chapters: [{ start: 360_000, title: 'Late' }] }),
    );
    expect(vtt).toContain('100:00:00.000 --> 111:06:40.000');
  });

  it('keeps hostile titles inside their own cue', () => {
    const chapters = HOSTILE_TITLES.map((title, index) => ({ start: index * 10, title }));
    const vtt = toWebVtt(makeEpisode({ title: 'Ep --> 1\n\nNOTE', chapters, durationSeconds: 1000 }));
    const [header, note, ...cues] = blocks(vtt);
    expect(header).toEqual(['WEBVTT']);
    expect(note).toHaveLength(1);
    expect(note?.[0]).not.toContain('-->');
    expect(cues).toHaveLength(HOSTILE_TITLES.length);
    cues.forEach((cue, index) => {
      expect(cue).toHaveLength(3);
      expect(cue[0]).toBe(String(index + 1));
      expect(cue[1]).toMatch(TIMING);
      expect(cue[2]).not.toContain('-->');
      expect(cue[2]).not.toMatch(/[<\r]|&(?!amp;|lt;|gt;)/);
      expect(cue[2]).not.toContain('\u0000');
    });
    expect(cues[0]?.[2]).toBe('A --&gt; B');
  });

  it('writes just the header for an episode without chapters', () => {
    expect(toWebVtt(makeEpisode({ title: null, chapters: [] }))).toBe('WEBVTT\n');
  });
});

describe('vttText', () => {
  it('escapes the cue-text specials', () => {
    expect(vttText('A --> B & <C>')).toBe('A --&gt; B &amp; &lt;C&gt;');
  });
});

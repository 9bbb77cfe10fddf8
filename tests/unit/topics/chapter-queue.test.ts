// The topic queue's rules: order, where each chapter ends, skip/back at both ends, and an episode without audio.
import { describe, expect, it } from 'vitest';
import {
  buildQueue,
  clockStep,
  queueLabel,
  skipBack,
  skipForward,
  startQueue,
  type QueueEpisode,
} from '@/utils/topics/chapter-queue';

function episode(
  id: string,
  audioUrl: string | null,
  chapters: Array<[number, string, string[]]>,
): QueueEpisode {
  return {
    episode: {
      id,
      title: `Episode ${id}`,
      durationSeconds: 3_000,
      chapters: chapters.map(([start, title, tech]) => ({ start, title, tech })),
    },
    audioUrl,
  };
}

const page = [
  // Chapters out of order on purpose: the queue plays them by start.
  episode('a', 'https://cdn.test/a.mp3', [
    [600, 'Postgres tuning', ['postgres']],
    [0, 'Intro', []],
    [300, 'Postgres upgrades', ['postgres', 'kubernetes']],
    [900, 'Wrap-up', []],
  ]),
  episode('b', null, [
    [0, 'Intro', []],
    [120, 'Postgres on RDS', ['postgres']],
  ]),
  episode('c', 'https://cdn.test/c.mp3', [
    [0, 'Intro', []],
    [200, 'Postgres at the end', ['postgres']],
  ]),
];
const items = buildQueue(page, 'postgres');

describe('buildQueue', () => {
  it('takes the matching chapters episode after episode, each up to the next chapter or the episode’s end', () => {
    expect(items.map((item) => [item.episodeId, item.start, item.end])).toEqual([
      ['a', 300, 600],
      ['a', 600, 900],
      ['b', 120, 3_000],
      ['c', 200, 3_000],
    ]);
    expect(items[0]).toMatchObject({ chapterTitle: 'Postgres upgrades', episodeTitle: 'Episode a' });
    expect(buildQueue(page, 'kubernetes').map((item) => item.start)).toEqual([300]);
    expect(buildQueue(page, 'redis')).toEqual([]);
  });

  it('plays to the end of the audio when the last chapter’s end is unknown', () => {
    const open = buildQueue(
      [{ ...page[2]!, episode: { ...page[2]!.episode, durationSeconds: null } }],
      'postgres',
    );
    expect(open[0]!.end).toBeNull();
  });
});

describe('moving through the queue', () => {
  it('starts on the first item and says where it is', () => {
    const state = startQueue(items);
    expect(state).toEqual({ index: 0, notice: null });
    expect(queueLabel(items, state)).toBe('1 of 4: Postgres upgrades — Episode a');
  });

  it('skips an episode without audio, saying so', () => {
    const state = skipForward(items, { index: 1, notice: null });
    expect(state.index).toBe(3);
    expect(state.notice).toBe('Skipped “Postgres on RDS” — Episode b: no audio Stackcast can play.');
  });

  it('ends after the last item, and back from the end returns to it', () => {
    const over = skipForward(items, { index: 3, notice: null });
    expect(over).toEqual({ index: -1, notice: 'That was the last chapter.' });
    expect(skipForward(items, over)).toBe(over);
    expect(skipBack(items, over).index).toBe(3);
  });

  it('back skips the item without audio, and on the first item replays it', () => {
    expect(skipBack(items, { index: 3, notice: null }).index).toBe(1);
    expect(skipBack(items, { index: 0, notice: null })).toEqual({ index: 0, notice: null });
  });

  it('a queue of nothing playable says so', () => {
    const silent = buildQueue([page[1]!], 'postgres');
    expect(startQueue(silent).index).toBe(-1);
    expect(startQueue(silent).notice).toMatch(/^Skipped .*That was the last chapter\.$/);
    expect(startQueue([])).toEqual({ index: -1, notice: 'No chapter to play.' });
  });
});

describe('clockStep', () => {
  const item = items[0]!; // 300 → 600

  it('advances once the playhead reaches the chapter’s end', () => {
    let step = clockStep(item, false, 300);
    expect(step).toEqual({ armed: true, over: false });
    step = clockStep(item, step.armed, 599.9);
    expect(step.over).toBe(false);
    expect(clockStep(item, step.armed, 600.1)).toEqual({ armed: true, over: true });
  });

  it('ignores a clock still showing the previous position after a seek back', () => {
    expect(clockStep(item, false, 1_500)).toEqual({ armed: false, over: false });
  });

  it('never ends a chapter without an end (the audio’s end does)', () => {
    expect(clockStep({ ...item, end: null }, true, 10_000).over).toBe(false);
  });
});

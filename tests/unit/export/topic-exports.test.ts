// The chapter list formats: the topic reading list (Markdown by technology, each chapter linked to its moment),
// the M3U playlist with start and stop offsets, both reached through the one export registry.
import { describe, expect, it } from 'vitest';
import { toTopicList } from '@/utils/export/topic-list';
import { toM3u } from '@/utils/export/m3u';
import type { ListedChapter } from '@/utils/export/listed-chapter';
import { exportLibrary, LIBRARY_EXPORTS } from '@/utils/library/export';
import { makeSaved } from '../library/generate';

const exportedAt = new Date('2026-12-03T10:00:00.000Z');
const upgrades: ListedChapter = {
  episodeId: 'https://example.test/e/1',
  podcast: 'Running in Production',
  episodeTitle: 'Scaling a *marketplace*',
  title: 'Kubernetes upgrades',
  start: 754,
  end: 1480,
  tech: ['kubernetes'],
  audioUrl: 'https://cdn.example.test/1.mp3',
  pageUrl: 'https://example.test/e/1',
};
const both: ListedChapter = {
  ...upgrades,
  title: 'Postgres on Kubernetes',
  start: 1480,
  end: 2000,
  tech: ['postgres', 'kubernetes'],
};
const intro: ListedChapter = { ...upgrades, title: 'Intro', start: 0, end: 754, tech: [] };
const noAudio: ListedChapter = {
  ...upgrades,
  episodeId: 'https://example.test/e/2',
  podcast: null,
  episodeTitle: null,
  title: 'Postgres tuning\nat scale',
  start: 300,
  end: null,
  tech: ['postgres'],
  audioUrl: null,
  pageUrl: null,
};

describe('topic reading list', () => {
  it('groups chapters under each technology, biggest group first, with a link to each moment', () => {
    expect(toTopicList([upgrades, both, intro, noAudio], { exportedAt })).toBe(
      [
        '# Stackcast topics',
        '',
        'Exported 2026-12-03 · 4 chapters',
        '',
        '## Kubernetes (container)',
        '',
        '- [Kubernetes upgrades](https://cdn.example.test/1.mp3#t=754) — Scaling a \\*marketplace\\* · Running in Production · at 12:34 · 12 min',
        '- [Postgres on Kubernetes](https://cdn.example.test/1.mp3#t=1480) — Scaling a \\*marketplace\\* · Running in Production · at 24:40 · 9 min',
        '',
        '## PostgreSQL (database)',
        '',
        '- [Postgres on Kubernetes](https://cdn.example.test/1.mp3#t=1480) — Scaling a \\*marketplace\\* · Running in Production · at 24:40 · 9 min',
        '- Postgres tuning at scale — at 5:00',
        '',
        '## Chapters without a technology',
        '',
        '- [Intro](https://cdn.example.test/1.mp3#t=0) — Scaling a \\*marketplace\\* · Running in Production · at 0:00 · 13 min',
        '',
      ].join('\n'),
    );
  });

  it("puts the view's technologies first and writes only their groups", () => {
    const text = toTopicList([upgrades, both, intro], { exportedAt, technologies: ['postgres'] });
    expect(text.match(/^## .*$/gm)).toEqual(['## PostgreSQL (database)']);
    expect(text).toContain('- [Postgres on Kubernetes](');
  });

  it("links a known site's page at its own time link", () => {
    const site = { ...upgrades, pageUrl: 'https://runninginproduction.com/podcast/1-episode-1' };
    expect(toTopicList([site], { exportedAt })).toContain(
      '[Kubernetes upgrades](https://runninginproduction.com/podcast/1-episode-1#12:34)',
    );
  });
});

describe('M3U playlist', () => {
  it('writes #EXTINF with the length, VLC start/stop options and a media fragment; skips chapters without audio', () => {
    expect(toM3u([upgrades, noAudio, { ...both, end: null }])).toBe(
      [
        '#EXTM3U',
        '#EXTINF:726,Running in Production - Scaling a *marketplace*: Kubernetes upgrades',
        '#EXTVLCOPT:start-time=754',
        '#EXTVLCOPT:stop-time=1480',
        'https://cdn.example.test/1.mp3#t=754,1480',
        '#EXTINF:-1,Running in Production - Scaling a *marketplace*: Postgres on Kubernetes',
        '#EXTVLCOPT:start-time=1480',
        'https://cdn.example.test/1.mp3#t=1480',
        '',
      ].join('\r\n'),
    );
  });

  it('keeps a title on one line and an address with its own fragment replaced', () => {
    const text = toM3u([
      { ...upgrades, title: 'Line\r\nbreak', audioUrl: 'https://cdn.example.test/a b.mp3#x' },
    ]);
    expect(text.split('\r\n')).toContain(
      '#EXTINF:726,Running in Production - Scaling a *marketplace*: Line break',
    );
    expect(text).toContain('https://cdn.example.test/a%20b.mp3#t=754,1480\r\n');
  });
});

describe('the registry', () => {
  const episode = {
    ...makeSaved(1),
    url: 'https://example.test/e/1',
    audioUrl: 'https://cdn.example.test/1.mp3',
    durationSeconds: 2000,
    chapters: [
      { start: 0, title: 'Intro', tech: [] },
      { start: 754, title: 'Kubernetes upgrades', tech: ['kubernetes'] },
      { start: 1480, title: 'Postgres on Kubernetes', tech: ['postgres', 'kubernetes'] },
    ],
  };

  it('offers both as chapter formats, written from the Chapters filter', () => {
    expect(LIBRARY_EXPORTS['topic-markdown'].listsChapters).toBe(true);
    expect(LIBRARY_EXPORTS.m3u.listsChapters).toBe(true);
    const m3u = exportLibrary('m3u', [episode], { exportedAt, chapterFilter: { tech: ['postgres'] } });
    expect(m3u.name).toBe('stackcast-library-2026-12-03.m3u');
    expect(m3u.type).toBe('audio/x-mpegurl');
    expect(m3u.text.match(/^https:.*$/gm)).toEqual(['https://cdn.example.test/1.mp3#t=1480,2000']);
    const markdown = exportLibrary('topic-markdown', [episode], {
      exportedAt,
      chapterFilter: { tech: ['kubernetes'] },
    });
    expect(markdown.text.match(/^- \[[^\]]+\]/gm)).toEqual([
      '- [Kubernetes upgrades]',
      '- [Postgres on Kubernetes]',
    ]);
  });
});

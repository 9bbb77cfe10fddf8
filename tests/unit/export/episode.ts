// A test episode builder for the export tests: valid by the Episode schema, overridable per test.
import { EpisodeSchema, type Episode } from '@/utils/model';

export function makeEpisode(overrides: Partial<Episode> = {}): Episode {
  return EpisodeSchema.parse({
    id: 'https://runninginproduction.com/podcast/1-example',
    title: 'Example episode',
    podcast: 'Running in Production',
    date: '2019-10-18',
    durationSeconds: 600,
    url: 'https://runninginproduction.com/podcast/1-example',
    audioUrl: 'https://cdn.example.com/audio/1.mp3',
    chapters: [
      { start: 0, title: 'Intro' },
      { start: 105, title: 'Overview' },
      { start: 421, title: 'Splitting up compute' },
    ],
    chapterConfidence: 0.9,
    tech: [],
    ...overrides,
  });
}

/** Titles page text could carry that try to break out of each format. */
export const HOSTILE_TITLES = [
  'A --> B',
  'line one\n\nline two',
  'line\r\n\r\n00:00:01.000 --> 00:00:02.000\r\nInjected',
  '<script>alert(1)</script> & "quotes" \'apostrophes\'',
  '[click](javascript:alert(1)) ![img](x) *bold* _em_ `code` | pipe ~strike~',
  '# heading',
  '1. numbered',
  '- dash',
  'control\u0000\u0007\u001b chars',
  'lone surrogate \ud800 here',
  'unicode ✓ — “quotes” 日本語 🎙️',
];

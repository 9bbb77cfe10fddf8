// Test episodes for the overlay's unit tests (hand-written, not from the corpus).
import type { Episode } from '@/utils/model';
import type { PlaybackTarget } from '@/utils/player';

export function makeEpisode(overrides: Partial<Episode> = {}): Episode {
  return {
    id: 'https://podcasts.example/ep/1',
    title: 'Scaling a tiny SaaS',
    podcast: 'Example Cast',
    date: '2024-05-01',
    durationSeconds: 3_600,
    url: 'https://podcasts.example/ep/1',
    audioUrl: 'https://cdn.example/ep1.mp3',
    chapters: [
      { start: 0, title: 'Intro' },
      { start: 105, title: 'Why Go for the API' },
      { start: 421, title: 'Postgres backups' },
    ],
    chapterConfidence: 0.9,
    tech: [
      { slug: 'go', name: 'Go', category: 'language', source: 'text' },
      { slug: 'postgres', name: 'PostgreSQL', category: 'database', source: 'list' },
    ],
    ...overrides,
  };
}

export function makeTarget(overrides: Partial<PlaybackTarget> = {}): PlaybackTarget {
  return {
    media: null,
    seekable: true,
    audioUrl: 'https://cdn.example/ep1.mp3',
    episodeUrl: 'https://podcasts.example/ep/1',
    siteName: 'Example',
    timeUrl: null,
    ...overrides,
  };
}

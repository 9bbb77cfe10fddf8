// The parse names the technologies only chapters talk about (the panel, without the catalog, offers them as chips).
import { describe, expect, it } from 'vitest';
import { parseEpisodeReading } from '@/utils/sites/episode-parse';
import type { EpisodeReading } from '@/utils/sites/reading';

function reading(notes: string): EpisodeReading {
  return {
    id: 'https://runninginproduction.example/podcast/1',
    title: 'A booking platform on Django',
    podcast: 'Running in Production',
    date: null,
    url: 'https://runninginproduction.example/podcast/1',
    audioUrl: null,
    durationSeconds: 3_000,
    notes: { text: notes, marks: [] },
    tech: { kind: 'notes' },
    hints: { listed: ['django', 'postgres'] },
  };
}

describe('chapter-only technologies', () => {
  it('are named from the catalog, in order of first mention, none the episode lists', () => {
    const episode = parseEpisodeReading(
      reading(
        [
          '0:00 -- Intro',
          '3:34 -- Django vs Flask for the API',
          '12:10 -- Why we did not pick Kubernetes',
          '18:00 -- Considered Heroku but chose a VPS',
          '25:00 -- Postgres backups',
        ].join('\n'),
      ),
    )!;
    expect(episode.tech.map((mention) => mention.slug)).toEqual(['django', 'postgres']);
    expect(episode.chapterTech).toEqual([
      { slug: 'flask', name: 'Flask', category: 'framework', source: 'text' },
      { slug: 'kubernetes', name: 'Kubernetes', category: 'container', source: 'text' },
      { slug: 'heroku', name: 'Heroku', category: 'hosting', source: 'text' },
    ]);
  });

  it('are left out when the chapters name nothing the episode does not list', () => {
    const episode = parseEpisodeReading(
      reading('0:00 -- Intro\n3:34 -- Why Django\n25:00 -- Postgres backups'),
    )!;
    expect(episode.chapters.length).toBe(3);
    expect('chapterTech' in episode).toBe(false);
  });
});

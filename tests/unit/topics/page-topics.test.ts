// The topic bar's counts: technologies of the page's episodes by episodes and chapters.
import { describe, expect, it } from 'vitest';
import { episodeIsAbout, pageTopics } from '@/utils/topics/page-topics';
import type { Episode } from '@/utils/model';

const pg = { slug: 'postgres', name: 'PostgreSQL', category: 'database', source: 'text' } as const;
const go = { slug: 'go', name: 'Go', category: 'language', source: 'list' } as const;
const redis = { slug: 'redis', name: 'Redis', category: 'cache', source: 'tag' } as const;

const episodes: Array<Pick<Episode, 'tech' | 'chapters' | 'chapterTech'>> = [
  {
    tech: [pg, go],
    chapters: [
      { start: 0, title: 'Intro', tech: [] },
      { start: 60, title: 'Postgres', tech: ['postgres'] },
      { start: 120, title: 'More Postgres and Go', tech: ['postgres', 'go'] },
    ],
  },
  // Redis named only by a chapter here: the episode still counts as about Redis.
  { tech: [pg], chapters: [{ start: 0, title: 'Redis caching', tech: ['redis'] }] },
  { tech: [redis], chapters: [] },
  // A slug no episode lists has no name: left out.
  { tech: [], chapters: [{ start: 0, title: 'x', tech: ['nameless'] }] },
  // Only a chapter talks about Heroku; the parse named it.
  {
    tech: [go],
    chapters: [{ start: 0, title: 'Moving off Heroku', tech: ['heroku'] }],
    chapterTech: [{ slug: 'heroku', name: 'Heroku', category: 'hosting', source: 'text' }],
  },
];

describe('pageTopics', () => {
  it('counts episodes and chapters per technology, most episodes first', () => {
    expect(pageTopics(episodes).map((t) => [t.slug, t.episodes, t.chapters])).toEqual([
      ['postgres', 2, 2],
      ['go', 2, 1],
      ['redis', 2, 1],
      ['heroku', 1, 1],
    ]);
    expect(pageTopics(episodes)[0]).toMatchObject({ name: 'PostgreSQL', category: 'database' });
    expect(pageTopics(episodes)[3]).toMatchObject({ name: 'Heroku', category: 'hosting' });
  });

  it('an episode is about a technology its chips or its chapters name', () => {
    expect(episodes.map((e) => episodeIsAbout(e, 'redis'))).toEqual([false, true, true, false, false]);
  });
});

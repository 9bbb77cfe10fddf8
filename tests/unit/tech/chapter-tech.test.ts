// A chapter's technologies: its title with the episode's context rules, the lines nested under it, the stack's vouching.
import { describe, expect, it } from 'vitest';
import { chapterTech, nestedLines } from '@/utils/tech/chapter-tech';
import { parseEpisodeReading } from '@/utils/sites/episode-parse';
import type { EpisodeReading } from '@/utils/messages';

const stack = (...slugs: string[]) => slugs.map((slug) => ({ slug, source: 'list' as const }));

describe('chapterTech', () => {
  it('names the technology a topic title names, by any alias', () => {
    expect(chapterTech({ title: 'Using nginx as a reverse proxy' })).toEqual(['nginx']);
    expect(chapterTech({ title: 'Why Postgres and Redis' })).toEqual(['postgres', 'redis']);
  });

  it('keeps everyday words apart from the technologies they spell', () => {
    expect(chapterTech({ title: 'Go to market' })).toEqual([]);
    expect(chapterTech({ title: 'Life in the Rust belt' })).toEqual([]);
    expect(chapterTech({ title: 'Life in the Rust belt', episodeTech: stack('rust') })).toEqual([]);
  });

  it("lets the episode's stack vouch for an ambiguous name a short title gives no context for", () => {
    expect(chapterTech({ title: 'Go generics' })).toEqual([]);
    expect(chapterTech({ title: 'Go generics', episodeTech: stack('golang') })).toEqual(['golang']);
    // An implied parent is not the author's word: it vouches for nothing.
    expect(
      chapterTech({ title: 'Go generics', episodeTech: [{ slug: 'golang', source: 'implied' }] }),
    ).toEqual([]);
  });

  it('does not imply parents: a Django chapter is not a Python chapter, unless the title spells them', () => {
    expect(chapterTech({ title: 'Upgrading Django' })).toEqual(['django']);
    expect(chapterTech({ title: 'Cold starts on AWS Lambda' })).toEqual(['lambda', 'aws']);
  });

  it('counts what a chapter talks about, where the episode rules count only what is used', () => {
    expect(chapterTech({ title: 'Grappling with Django vs Flask' })).toEqual(['django', 'flask']);
    // The stack rules leave out both sides of a comparison.
    expect(chapterTech({ title: 'Grappling with Django vs Flask', claimedOnly: true })).toEqual([]);
  });

  it('reads the links and lines nested under the chapter', () => {
    const nested = '* [Redux Docs](https://redux.js.org/)\n* What is Redux?';
    expect(chapterTech({ title: 'State management', nested })).toContain('redux');
  });
});

describe('nestedLines', () => {
  it('takes the block under a stamp on its own line, up to a blank line after text', () => {
    const text = '01:00\n\n* Redux Docs\n* Why Redux\n\n06:00\n\n* Immutability';
    expect(nestedLines(text, 0, text.indexOf('06:00'))).toBe('* Redux Docs\n* Why Redux');
  });

  it('takes only the sub-items of a stamp in a list item', () => {
    const text = '- 3:34 -- Deploys\n  - Kubernetes\n- Links\n- 9:00 -- Wrap up';
    expect(nestedLines(text, 2, text.indexOf('9:00'))).toBe('  - Kubernetes');
    expect(nestedLines(text, text.indexOf('9:00'), null)).toBe('');
  });

  it('gives nothing for stamps sharing one line', () => {
    const text = '1:00 Intro 2:00 Postgres 3:00 Outro';
    expect(nestedLines(text, 0, 11)).toBe('');
  });
});

describe('parseEpisodeReading', () => {
  it("gives each chapter its technologies and leaves the episode's as they were", () => {
    const text = [
      'Topics Include',
      '- 0:00 -- Intro',
      '- 3:34 -- Using nginx as a reverse proxy',
      '- 7:01 -- Go to market',
      '- 9:12 -- Deploying with Docker',
      '\t- Kubernetes later on',
    ].join('\n');
    const reading: EpisodeReading = {
      id: 'https://example.test/e/1',
      title: 'An episode',
      podcast: null,
      date: null,
      url: 'https://example.test/e/1',
      audioUrl: null,
      durationSeconds: 1200,
      notes: { text, marks: [] },
      tech: { kind: 'notes' },
      hints: {},
    };
    const episode = parseEpisodeReading(reading)!;
    expect(episode.chapters.map((c) => c.tech)).toEqual([[], ['nginx'], [], ['docker', 'kubernetes']]);
    expect(episode.tech.map((t) => t.slug)).toEqual(expect.arrayContaining(['nginx', 'docker']));
  });
});

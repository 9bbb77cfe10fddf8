// @vitest-environment happy-dom
// Technologies only a chapter talks about get chips too, after the episode's own and marked as such, and choosing
// one marks its chapters as any chip does.
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, render, screen } from '@testing-library/preact';
import { EpisodePanel } from '@/components/EpisodePanel';
import { DEFAULT_OVERLAY_OPTIONS } from '@/utils/overlay/options';
import type { Episode } from '@/utils/model';
import { makeEpisode, makeTarget } from './episode';
import { personClick } from './person';

afterEach(cleanup);

// A runninginproduction-style episode: the stack lists Django and PostgreSQL; chapters compare Flask and tell of
// leaving Heroku, which the stack (what they run) rightly leaves out.
const episode: Episode = makeEpisode({
  chapters: [
    { start: 0, title: 'Intro', tech: [] },
    { start: 214, title: 'Django vs Flask for the API', tech: ['django', 'flask'] },
    { start: 730, title: 'Moving off Heroku', tech: ['heroku'] },
    { start: 1500, title: 'Postgres backups', tech: ['postgres'] },
    { start: 2100, title: 'Heroku’s pricing in hindsight', tech: ['heroku'] },
  ],
  tech: [
    { slug: 'django', name: 'Django', category: 'framework', source: 'list' },
    { slug: 'postgres', name: 'PostgreSQL', category: 'database', source: 'list' },
  ],
  chapterTech: [
    { slug: 'flask', name: 'Flask', category: 'framework', source: 'text' },
    { slug: 'heroku', name: 'Heroku', category: 'hosting', source: 'text' },
  ],
});

const chips = (container: Element) =>
  [...container.querySelectorAll('[data-stackcast-tech]')].map((chip) => [
    chip.getAttribute('data-stackcast-tech'),
    chip.hasAttribute('data-stackcast-in-chapter'),
  ]);
const marked = (container: Element) =>
  [...container.querySelectorAll('[data-stackcast-match]')].map((c) => c.getAttribute('data-start'));

describe('chapter-only technologies in the chip row', () => {
  it('follow the episode’s chips, behind one “In chapters:” label, each saying so', () => {
    const { container } = render(
      <EpisodePanel episode={episode} target={makeTarget()} options={DEFAULT_OVERLAY_OPTIONS} />,
    );
    expect(chips(container)).toEqual([
      ['django', false],
      ['postgres', false],
      ['flask', true],
      ['heroku', true],
    ]);
    expect([...container.querySelectorAll('.chips-label')].map((label) => label.textContent)).toEqual([
      'In chapters:',
    ]);
    const heroku = container.querySelector('[data-stackcast-tech="heroku"]')!;
    expect(heroku.getAttribute('title')).toBe(
      'Heroku: Hosting, talked about in a chapter, not in the episode’s list',
    );
    expect(heroku.textContent).toContain('only in chapters, 2 chapters');
  });

  it('marks the chapters about the chosen one and walks them by its name', () => {
    const { container } = render(
      <EpisodePanel episode={episode} target={makeTarget()} options={DEFAULT_OVERLAY_OPTIONS} />,
    );
    personClick(container.querySelector('[data-stackcast-tech="heroku"]')!);
    expect(marked(container)).toEqual(['730', '2100']);
    expect(screen.getByRole('status').textContent).toBe('2 chapters about Heroku');
    expect(screen.getByRole('button', { name: 'Next Heroku chapter' })).toBeTruthy();
  });

  it('stay in sight beside a stack list longer than the row shows, its rest behind “more”', () => {
    const stack = Array.from({ length: 30 }, (_, i) => ({
      slug: `tool-${i}`,
      name: `Tool ${i}`,
      category: 'other' as const,
      source: 'list' as const,
    }));
    const { container } = render(
      <EpisodePanel
        episode={{ ...episode, tech: [...episode.tech, ...stack] }}
        target={makeTarget()}
        options={DEFAULT_OVERLAY_OPTIONS}
      />,
    );
    const shown = chips(container);
    expect(shown.slice(-2)).toEqual([
      ['flask', true],
      ['heroku', true],
    ]);
    const more = screen.getByRole('button', { name: /more$/ });
    expect(more.textContent).toBe(`+${32 - (shown.length - 2)} more`);
    personClick(more);
    expect(chips(container).length).toBe(34);
    expect(chips(container).slice(-2)).toEqual(shown.slice(-2));
  });

  it('are not offered where the panel has no chapter list, nor when no chapter of the panel names them', () => {
    const plain = render(
      <EpisodePanel
        episode={{ ...episode, chapters: [] }}
        target={makeTarget()}
        options={DEFAULT_OVERLAY_OPTIONS}
      />,
    );
    expect(chips(plain.container)).toEqual([
      ['django', false],
      ['postgres', false],
    ]);
    cleanup();
    const { container } = render(
      <EpisodePanel
        episode={{
          ...episode,
          chapters: episode.chapters.filter((chapter) => !chapter.tech?.includes('heroku')),
        }}
        target={makeTarget()}
        options={DEFAULT_OVERLAY_OPTIONS}
      />,
    );
    expect(chips(container).map(([slug]) => slug)).toEqual(['django', 'postgres', 'flask']);
  });
});

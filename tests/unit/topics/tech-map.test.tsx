// @vitest-environment happy-dom
// The technology map: counts per technology (episodes, chapters) and pairs from episodes; the chart draws a bar
// per technology grouped by category, each a button with a spoken summary, and shows what the chosen one
// appears with; a click selects.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, render, screen, within } from '@testing-library/preact';
import { TechMap } from '@/components/TechMap';
import { groupByCategory, partnersOf, techMapOf, type MappedEpisode } from '@/utils/tech/tech-map';
import { techBySlug } from '@/utils/tech/catalog';
import { TECH_CATEGORIES } from '@/utils/model';

afterEach(cleanup);

const postgres = { slug: 'postgres', name: 'PostgreSQL', category: 'database' as const };
const rails = { slug: 'rails', name: 'Ruby on Rails', category: 'framework' as const };
const redis = { slug: 'redis', name: 'Redis', category: 'cache' as const };
const episodes: MappedEpisode[] = [
  {
    tech: [postgres, rails],
    chapters: [{ tech: ['postgres'] }, { tech: ['postgres', 'rails'] }, { tech: [] }],
  },
  { tech: [postgres, redis], chapters: [{ tech: ['redis'] }] },
  // A chapter naming a technology its episode's list lacks still counts it for that episode.
  { tech: [rails], chapters: [{ tech: ['kubernetes'] }] },
];

describe('techMapOf', () => {
  it('counts episodes and chapters per technology, most episodes first, and the pairs', () => {
    const { counts, pairs } = techMapOf(episodes, techBySlug);
    expect(counts.map((c) => [c.slug, c.episodes, c.chapters])).toEqual([
      ['postgres', 2, 2],
      ['rails', 2, 1],
      ['kubernetes', 1, 1],
      ['redis', 1, 1],
    ]);
    expect(counts.find((c) => c.slug === 'kubernetes')).toMatchObject({
      name: 'Kubernetes',
      category: 'container',
    });
    expect(pairs).toEqual([
      { a: 'kubernetes', b: 'rails', episodes: 1 },
      { a: 'postgres', b: 'rails', episodes: 1 },
      { a: 'postgres', b: 'redis', episodes: 1 },
    ]);
    expect(partnersOf(pairs, 'rails')).toEqual([
      { slug: 'kubernetes', episodes: 1 },
      { slug: 'postgres', episodes: 1 },
    ]);
    expect(groupByCategory(counts, TECH_CATEGORIES).map((g) => g.category)).toEqual([
      'framework',
      'database',
      'cache',
      'container',
    ]);
  });
});

describe('TechMap', () => {
  it('draws a bar per technology under its category, each a button with an accessible summary', () => {
    const { counts, pairs } = techMapOf(episodes, techBySlug);
    render(<TechMap counts={counts} pairs={pairs} onSelect={() => {}} label="Technologies in this show" />);
    expect(screen.getByRole('figure', { name: 'Technologies in this show' })).toBeTruthy();
    const database = screen.getByRole('list', { name: 'Database' });
    expect(
      within(database)
        .getAllByRole('button')
        .map((b) => b.getAttribute('aria-label')),
    ).toEqual(['PostgreSQL: 2 episodes, 2 chapters']);
    expect(screen.getAllByRole('button')).toHaveLength(4);
    const headings = screen.getAllByRole('heading').map((h) => h.textContent);
    expect(headings).toEqual(['Framework', 'Database', 'Cache', 'Containers']);
    // Bars are drawn to scale: the longest episodes bar spans the chart, half as many half of it.
    const width = (slug: string) =>
      document.querySelector(`[data-stackcast-map-tech="${slug}"] rect.episodes`)?.getAttribute('width');
    expect(width('postgres')).toBe('100');
    expect(width('redis')).toBe('50');
    expect(
      document.querySelector('[data-stackcast-map-tech="postgres"] svg')?.getAttribute('aria-hidden'),
    ).toBe('true');
  });

  it('selects on click (and from the keyboard, being a button), pressing the bar and showing its partners', () => {
    const { counts, pairs } = techMapOf(episodes, techBySlug);
    const onSelect = vi.fn();
    const { rerender } = render(<TechMap counts={counts} pairs={pairs} onSelect={onSelect} />);
    fireEvent.click(screen.getByRole('button', { name: 'PostgreSQL: 2 episodes, 2 chapters' }));
    expect(onSelect).toHaveBeenCalledWith('postgres');
    rerender(<TechMap counts={counts} pairs={pairs} selected="postgres" onSelect={onSelect} />);
    expect(
      screen.getByRole('button', { name: 'PostgreSQL: 2 episodes, 2 chapters' }).getAttribute('aria-pressed'),
    ).toBe('true');
    const partners = screen.getByRole('list', { name: 'Appears with PostgreSQL' });
    expect(
      within(partners)
        .getAllByRole('button')
        .map((b) => b.getAttribute('aria-label')),
    ).toEqual(['Ruby on Rails: together in 1 episode', 'Redis: together in 1 episode']);
    fireEvent.click(within(partners).getByRole('button', { name: /Redis/ }));
    expect(onSelect).toHaveBeenLastCalledWith('redis');
  });

  it('says so when nothing is named, and colours a bar by brand when given one', () => {
    const { rerender } = render(<TechMap counts={[]} onSelect={() => {}} />);
    expect(screen.getByText('No technologies named yet.')).toBeTruthy();
    const { counts } = techMapOf(episodes, techBySlug);
    rerender(
      <TechMap
        counts={counts}
        onSelect={() => {}}
        colorOf={(slug) => (slug === 'redis' ? '#FF4438' : undefined)}
      />,
    );
    const style = (slug: string) =>
      document
        .querySelector<HTMLElement>(`[data-stackcast-map-tech="${slug}"]`)!
        .style.getPropertyValue('--bar');
    expect(style('redis')).toBe('#FF4438');
    expect(style('postgres')).toMatch(/^hsl\(150 /);
  });
});

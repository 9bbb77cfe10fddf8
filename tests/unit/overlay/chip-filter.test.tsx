// @vitest-environment happy-dom
// A technology chip as a filter: it marks the chapters about it, says how many, and prev/next walk them.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, render, screen, waitFor } from '@testing-library/preact';
import { EpisodePanel } from '@/components/EpisodePanel';
import { DEFAULT_OVERLAY_OPTIONS } from '@/utils/overlay/options';
import type { Episode } from '@/utils/model';
import { makeEpisode, makeTarget } from './episode';
import { personClick } from './person';

afterEach(cleanup);

const episode: Episode = makeEpisode({
  chapters: [
    { start: 0, title: 'Intro', tech: [] },
    { start: 105, title: 'Why Go for the API', tech: ['go'] },
    { start: 421, title: 'Postgres backups', tech: ['postgres'] },
    { start: 900, title: 'Go and Postgres together', tech: ['go', 'postgres'] },
    { start: 1500, title: 'Wrap-up', tech: [] },
  ],
  tech: [
    { slug: 'go', name: 'Go', category: 'language', source: 'text' },
    { slug: 'postgres', name: 'PostgreSQL', category: 'database', source: 'list' },
    { slug: 'docker', name: 'Docker', category: 'container', source: 'list' },
  ],
});

const marked = (container: Element) =>
  [...container.querySelectorAll('[data-stackcast-match]')].map((c) => c.getAttribute('data-start'));
const currentStart = (container: Element) =>
  container.querySelector('[aria-current="true"]')?.getAttribute('data-start');

describe('chip filter', () => {
  it('puts every chapter’s technologies on it and makes each chip a toggle', () => {
    const { container } = render(
      <EpisodePanel episode={episode} target={makeTarget()} options={DEFAULT_OVERLAY_OPTIONS} />,
    );
    expect(
      [...container.querySelectorAll('[data-stackcast-chapter]')].map((c) => c.getAttribute('data-tech')),
    ).toEqual(['', 'go', 'postgres', 'go postgres', '']);
    const chips = [...container.querySelectorAll('[data-stackcast-tech]')];
    expect(chips.map((chip) => [chip.tagName, chip.getAttribute('aria-pressed')])).toEqual([
      ['BUTTON', 'false'],
      ['BUTTON', 'false'],
      ['BUTTON', 'false'],
    ]);
    expect(marked(container)).toEqual([]);
  });

  it('marks the chosen technology’s chapters, says how many, and a second click clears', () => {
    const { container } = render(
      <EpisodePanel episode={episode} target={makeTarget()} options={DEFAULT_OVERLAY_OPTIONS} />,
    );
    const chip = container.querySelector('[data-stackcast-tech="postgres"]')!;
    personClick(chip);
    expect(chip.getAttribute('aria-pressed')).toBe('true');
    expect(marked(container)).toEqual(['421', '900']);
    expect(screen.getByRole('status').textContent).toBe('2 chapters about PostgreSQL');
    // Another chip replaces the choice.
    personClick(container.querySelector('[data-stackcast-tech="go"]')!);
    expect(chip.getAttribute('aria-pressed')).toBe('false');
    expect(marked(container)).toEqual(['105', '900']);
    personClick(container.querySelector('[data-stackcast-tech="go"]')!);
    expect(marked(container)).toEqual([]);
    expect(screen.getByRole('status').textContent).toBe('');
  });

  it('a chip no chapter names says so and marks nothing', () => {
    const { container } = render(
      <EpisodePanel episode={episode} target={makeTarget()} options={DEFAULT_OVERLAY_OPTIONS} />,
    );
    personClick(container.querySelector('[data-stackcast-tech="docker"]')!);
    expect(screen.getByRole('status').textContent).toBe('No chapter is about Docker');
    expect(marked(container)).toEqual([]);
    expect((screen.getByRole('button', { name: 'Next Docker chapter' }) as HTMLButtonElement).disabled).toBe(
      true,
    );
  });

  it('prev/next walk only the marked chapters', async () => {
    const play = vi.spyOn(HTMLMediaElement.prototype, 'play').mockResolvedValue(undefined);
    const { container } = render(
      <EpisodePanel episode={episode} target={makeTarget()} options={DEFAULT_OVERLAY_OPTIONS} />,
    );
    personClick(container.querySelector('[data-stackcast-tech="postgres"]')!);
    const next = screen.getByRole('button', { name: 'Next PostgreSQL chapter' }) as HTMLButtonElement;
    const previous = screen.getByRole('button', { name: 'Previous PostgreSQL chapter' }) as HTMLButtonElement;
    expect(previous.disabled).toBe(true);
    personClick(next);
    await waitFor(() => expect(currentStart(container)).toBe('421'));
    personClick(next);
    await waitFor(() => expect(currentStart(container)).toBe('900'));
    expect(next.disabled).toBe(true);
    personClick(previous);
    await waitFor(() => expect(currentStart(container)).toBe('421'));
    play.mockRestore();
  });

  it('shows marked chapters beyond a listing’s five-chapter preview', () => {
    const chapters = Array.from({ length: 12 }, (_, i) => ({
      start: i * 60,
      title: `Part ${i}`,
      tech: i === 10 ? ['postgres'] : [],
    }));
    const { container } = render(
      <EpisodePanel
        episode={{ ...episode, chapters }}
        target={makeTarget()}
        options={DEFAULT_OVERLAY_OPTIONS}
        listing
      />,
    );
    expect(container.querySelector('[data-start="600"]')).toBeNull();
    personClick(container.querySelector('[data-stackcast-tech="postgres"]')!);
    expect(marked(container)).toEqual(['600']);
  });

  it('ignores a click the page’s script makes', () => {
    const { container } = render(
      <EpisodePanel episode={episode} target={makeTarget()} options={DEFAULT_OVERLAY_OPTIONS} />,
    );
    const chip = container.querySelector<HTMLElement>('[data-stackcast-tech="go"]')!;
    chip.click();
    expect(chip.getAttribute('aria-pressed')).toBe('false');
  });

  it('chips stay plain labels when the episode has no chapter list', () => {
    const { container } = render(
      <EpisodePanel
        episode={{ ...episode, chapters: [] }}
        target={makeTarget()}
        options={DEFAULT_OVERLAY_OPTIONS}
      />,
    );
    const chip = container.querySelector('[data-stackcast-tech="go"]')!;
    expect(chip.tagName).toBe('LI');
    expect(chip.hasAttribute('aria-pressed')).toBe(false);
  });
});

// @vitest-environment happy-dom
// The overlay panel rendered on its own: the test contract, keyboard-reachable controls, hostile text.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, render, screen, waitFor } from '@testing-library/preact';
import { EpisodePanel } from '@/components/EpisodePanel';
import { DEFAULT_OVERLAY_OPTIONS } from '@/utils/overlay/options';
import { CHAPTERS_PER_PAGE, LISTING_CHAPTERS_SHOWN, TITLE_MAX_CHARS } from '@/components/panel-limits';
import { makeEpisode, makeTarget } from './episode';
import { personClick } from './person';

afterEach(cleanup);

describe('EpisodePanel', () => {
  it('shows every chapter with data-stackcast-chapter, data-start and its title, and chips by slug', () => {
    const { container } = render(
      <EpisodePanel episode={makeEpisode()} target={makeTarget()} options={DEFAULT_OVERLAY_OPTIONS} />,
    );
    const chapters = [...container.querySelectorAll('[data-stackcast-chapter]')];
    expect(chapters.map((c) => c.getAttribute('data-start'))).toEqual(['0', '105', '421']);
    expect(chapters[1]!.textContent).toContain('1:45');
    expect(chapters[1]!.textContent).toContain('Why Go for the API');
    expect(
      [...container.querySelectorAll('[data-stackcast-tech]')].map((c) =>
        c.getAttribute('data-stackcast-tech'),
      ),
    ).toEqual(['go', 'postgres']);
    expect(chapters.every((c) => c.tagName === 'BUTTON')).toBe(true);
  });

  it('collapses and expands from a button that reports its state', () => {
    render(<EpisodePanel episode={makeEpisode()} target={makeTarget()} options={DEFAULT_OVERLAY_OPTIONS} />);
    const toggle = screen.getByRole('button', { expanded: true });
    personClick(toggle);
    expect(toggle.getAttribute('aria-expanded')).toBe('false');
    expect(document.getElementById(toggle.getAttribute('aria-controls')!)!.hidden).toBe(true);
  });

  it('plays the audio URL in the mini player from the chapter start when the page has no player', async () => {
    const { container } = render(
      <EpisodePanel episode={makeEpisode()} target={makeTarget()} options={DEFAULT_OVERLAY_OPTIONS} />,
    );
    const play = vi.spyOn(HTMLMediaElement.prototype, 'play').mockResolvedValue(undefined);
    personClick(container.querySelector('[data-start="105"]')!);
    const audio = await waitFor(() =>
      container.querySelector<HTMLAudioElement>('audio[data-stackcast-player]')!,
    );
    expect(audio.getAttribute('src')).toBe('https://cdn.example/ep1.mp3');
    await waitFor(() => expect(audio.currentTime).toBe(105));
    expect(play).toHaveBeenCalled();
    // The clicked chapter is now the current one.
    expect(container.querySelector('[aria-current="true"]')?.getAttribute('data-start')).toBe('105');
    play.mockRestore();
  });

  it('seeks the page player when there is one, and shows its failure instead of failing silently', async () => {
    const media = document.createElement('audio');
    Object.defineProperty(media, 'currentTime', {
      set() {
        throw new DOMException('seeking is broken', 'InvalidStateError');
      },
      get: () => 0,
    });
    const { container } = render(
      <EpisodePanel
        episode={makeEpisode()}
        target={makeTarget({ media })}
        options={DEFAULT_OVERLAY_OPTIONS}
      />,
    );
    personClick(container.querySelector('[data-start="421"]')!);
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('refused to move to 7:01');
    expect(container.querySelector('audio[data-stackcast-player]')).toBeNull();
  });

  it('explains why it cannot play when there is no audio and no time link', async () => {
    const { container } = render(
      <EpisodePanel
        episode={makeEpisode({ audioUrl: null })}
        target={makeTarget({ audioUrl: null, seekable: false, siteName: 'Spotify' })}
        options={DEFAULT_OVERLAY_OPTIONS}
      />,
    );
    personClick(container.querySelector('[data-start="105"]')!);
    expect((await screen.findByRole('alert')).textContent).toMatch(
      /Spotify's player cannot be controlled.*1:45/,
    );
  });

  it('moves to the next and previous chapter', async () => {
    const play = vi.spyOn(HTMLMediaElement.prototype, 'play').mockResolvedValue(undefined);
    const { container } = render(
      <EpisodePanel episode={makeEpisode()} target={makeTarget()} options={DEFAULT_OVERLAY_OPTIONS} />,
    );
    const previous = screen.getByRole('button', { name: 'Previous chapter' }) as HTMLButtonElement;
    expect(previous.disabled).toBe(true);
    personClick(screen.getByRole('button', { name: 'Next chapter' }));
    await waitFor(() =>
      expect(container.querySelector('[aria-current="true"]')?.getAttribute('data-start')).toBe('0'),
    );
    personClick(screen.getByRole('button', { name: 'Next chapter' }));
    await waitFor(() =>
      expect(container.querySelector('[aria-current="true"]')?.getAttribute('data-start')).toBe('105'),
    );
    personClick(previous);
    await waitFor(() =>
      expect(container.querySelector('[aria-current="true"]')?.getAttribute('data-start')).toBe('0'),
    );
    play.mockRestore();
  });

  it('renders hostile show notes as text, truncated, and caps 10,000 chapters behind "Show more"', () => {
    const hostile = '<img src=x onerror="globalThis.pwned=1">';
    const chapters = Array.from({ length: 10_000 }, (_, i) => ({
      start: i * 3,
      title: i === 0 ? hostile : `שלום 🎙️ ${i}`,
    }));
    const huge = 'x'.repeat(1_000_000);
    const { container } = render(
      <EpisodePanel
        episode={makeEpisode({ title: huge, chapters, tech: [] })}
        target={makeTarget()}
        options={DEFAULT_OVERLAY_OPTIONS}
      />,
    );
    expect(container.querySelector('img')).toBeNull();
    expect((globalThis as Record<string, unknown>).pwned).toBeUndefined();
    const first = container.querySelector('[data-stackcast-chapter]')!;
    expect(first.textContent).toContain(hostile);
    expect(container.querySelectorAll('[data-stackcast-chapter]')).toHaveLength(CHAPTERS_PER_PAGE);
    expect(container.querySelector('.title')!.textContent!.length).toBeLessThanOrEqual(TITLE_MAX_CHARS);
    personClick(screen.getByRole('button', { name: /Show 100 more/ }));
    expect(container.querySelectorAll('[data-stackcast-chapter]')).toHaveLength(2 * CHAPTERS_PER_PAGE);
  });

  it('on a listing page starts with a short chapter preview; "All N chapters" shows the rest, and the playing one is never hidden', async () => {
    const chapters = Array.from({ length: 12 }, (_, i) => ({ start: i * 60, title: `Topic ${i}` }));
    const media = document.createElement('audio');
    const { container } = render(
      <EpisodePanel
        episode={makeEpisode({ chapters })}
        target={makeTarget({ media })}
        options={DEFAULT_OVERLAY_OPTIONS}
        listing
      />,
    );
    const starts = () =>
      [...container.querySelectorAll('[data-stackcast-chapter]')].map((c) =>
        Number(c.getAttribute('data-start')),
      );
    expect(starts()).toEqual([0, 60, 120, 180, 240].slice(0, LISTING_CHAPTERS_SHOWN));
    // The page's player reaching chapter 9 reveals the list up to it, so the current chapter is always on screen.
    Object.defineProperty(media, 'currentTime', { value: 545, configurable: true });
    media.dispatchEvent(new Event('timeupdate'));
    await waitFor(() =>
      expect(container.querySelector('[aria-current="true"]')?.getAttribute('data-start')).toBe('540'),
    );
    personClick(screen.getByRole('button', { name: 'All 12 chapters' }));
    expect(starts()).toHaveLength(12);
    expect(screen.queryByRole('button', { name: /All 12 chapters|more/ })).toBeNull();
  });

  it('a click anywhere in a chapter row (its time or title) plays that chapter', async () => {
    const { container } = render(
      <EpisodePanel episode={makeEpisode()} target={makeTarget()} options={DEFAULT_OVERLAY_OPTIONS} />,
    );
    vi.spyOn(HTMLMediaElement.prototype, 'play').mockResolvedValue(undefined);
    personClick(container.querySelector('[data-start="421"] .time')!);
    await waitFor(() =>
      expect(container.querySelector('[aria-current="true"]')?.getAttribute('data-start')).toBe('421'),
    );
    // The list's own padding is not a chapter.
    personClick(container.querySelector('ol.chapters')!);
    expect(container.querySelector('[aria-current="true"]')?.getAttribute('data-start')).toBe('421');
    vi.restoreAllMocks();
  });

  it('renders the Save slot it is given', () => {
    render(
      <EpisodePanel
        episode={makeEpisode()}
        target={makeTarget()}
        options={DEFAULT_OVERLAY_OPTIONS}
        save={<button data-stackcast-save="">Save</button>}
      />,
    );
    expect(screen.getByRole('button', { name: 'Save' })).toBeTruthy();
  });
});

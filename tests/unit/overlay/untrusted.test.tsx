// @vitest-environment happy-dom
// A page's script can dispatch clicks and keys (`el.click()`, `dispatchEvent`): the browser marks those
// untrusted, and no control of the overlay may act on them. The same controls still work for a person.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { EpisodePanel } from '@/components/EpisodePanel';
import { DEFAULT_OVERLAY_OPTIONS } from '@/utils/overlay/options';
import { mountPanel } from '@/utils/overlay/mount';
import { timestampActivation } from '@/utils/overlay/page-timestamps';
import { makeEpisode, makeTarget } from './episode';
import { personClick, personKey } from './person';

afterEach(() => {
  cleanup();
  vi.restoreAllMocks();
  document.body.innerHTML = '';
});

const current = (container: Element) =>
  container.querySelector('[aria-current="true"]')?.getAttribute('data-start') ?? null;

describe('panel controls ignore synthetic events', () => {
  it('a synthetic click on a chapter, next/previous or the header changes nothing; a person’s does', async () => {
    const play = vi.spyOn(HTMLMediaElement.prototype, 'play').mockResolvedValue(undefined);
    const { container } = render(
      <EpisodePanel episode={makeEpisode()} target={makeTarget()} options={DEFAULT_OVERLAY_OPTIONS} />,
    );
    const chapter = container.querySelector('[data-start="105"]')!;
    fireEvent.click(chapter);
    (chapter as HTMLElement).click();
    fireEvent.click(screen.getByRole('button', { name: 'Next chapter' }));
    const toggle = screen.getByRole('button', { expanded: true });
    fireEvent.click(toggle);
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(current(container)).toBeNull();
    expect(container.querySelector('audio[data-stackcast-player]')).toBeNull();
    expect(toggle.getAttribute('aria-expanded')).toBe('true');
    expect(play).not.toHaveBeenCalled();

    personClick(chapter);
    await waitFor(() => expect(current(container)).toBe('105'));
    expect(play).toHaveBeenCalled();
  });

  it('"Show more", "All N chapters" and "+N more" chips do not open for a synthetic click', () => {
    const chapters = Array.from({ length: 12 }, (_, i) => ({ start: i * 60, title: `Topic ${i}` }));
    const tech = Array.from({ length: 30 }, (_, i) => ({
      slug: `t${i}`,
      name: `Tech ${i}`,
      category: 'other' as const,
      source: 'text' as const,
    }));
    const { container } = render(
      <EpisodePanel
        episode={makeEpisode({ chapters, tech })}
        target={makeTarget()}
        options={DEFAULT_OVERLAY_OPTIONS}
        listing
      />,
    );
    const chapterCount = () => container.querySelectorAll('[data-stackcast-chapter]').length;
    const chipCount = () => container.querySelectorAll('[data-stackcast-tech]').length;
    const [shown, chips] = [chapterCount(), chipCount()];
    fireEvent.click(screen.getByRole('button', { name: 'All 12 chapters' }));
    fireEvent.click(screen.getByRole('button', { name: /more$/ }));
    expect([chapterCount(), chipCount()]).toEqual([shown, chips]);
    personClick(screen.getByRole('button', { name: 'All 12 chapters' }));
    personClick(screen.getByRole('button', { name: /more$/ }));
    expect([chapterCount(), chipCount()]).toEqual([12, 30]);
  });

  it('the mini player’s buttons ignore synthetic clicks', async () => {
    const play = vi.spyOn(HTMLMediaElement.prototype, 'play').mockResolvedValue(undefined);
    const pause = vi.spyOn(HTMLMediaElement.prototype, 'pause').mockImplementation(() => {});
    const { container } = render(
      <EpisodePanel
        episode={makeEpisode()}
        target={makeTarget()}
        options={{ ...DEFAULT_OVERLAY_OPTIONS, playOnClick: false }}
      />,
    );
    personClick(container.querySelector('[data-start="105"]')!);
    const audio = await waitFor(() =>
      container.querySelector<HTMLAudioElement>('audio[data-stackcast-player]')!,
    );
    await waitFor(() => expect(audio.currentTime).toBe(105));
    for (const name of ['Back 30 seconds', 'Forward 30 seconds', 'Play', /Playback speed/, 'Close player']) {
      fireEvent.click(screen.getByRole('button', { name }));
    }
    expect(audio.currentTime).toBe(105);
    expect(audio.playbackRate).toBe(1);
    expect(play).not.toHaveBeenCalled();
    expect(pause).not.toHaveBeenCalled();
    expect(container.querySelector('audio[data-stackcast-player]')).not.toBeNull();
    personClick(screen.getByRole('button', { name: 'Forward 30 seconds' }));
    expect(audio.currentTime).toBe(135);
  });
});

describe('mounted panels', () => {
  it('live in a closed shadow root: the page sees no root, the content script holds it', () => {
    const anchor = document.createElement('article');
    document.body.append(anchor);
    const panel = mountPanel(anchor, 'after', {
      episode: makeEpisode(),
      target: makeTarget(),
      options: DEFAULT_OVERLAY_OPTIONS,
    });
    expect(panel.host.shadowRoot).toBeNull();
    expect(panel.root.mode).toBe('closed');
    expect(panel.root.querySelectorAll('[data-stackcast-chapter]')).toHaveLength(3);
    // No Save slot: the keyboard shortcut says so.
    expect(panel.save()).toBe(false);
    panel.unmount();
  });
});

describe('in-page timestamps', () => {
  function linked() {
    document.body.innerHTML =
      '<p id="notes"><span data-stackcast-seek="105" data-stackcast-own="" role="button" tabindex="0">1:45</span></p>';
    return document.querySelector('span')!;
  }
  const page = 'https://podcasts.example/ep/1';

  it('a synthetic click or key on a linked timestamp asks for nothing', () => {
    const span = linked();
    const seen: Array<ReturnType<typeof timestampActivation>> = [];
    window.addEventListener('click', (event) => seen.push(timestampActivation(event, page)), { once: true });
    span.click();
    window.addEventListener('keydown', (event) => seen.push(timestampActivation(event, page)), {
      once: true,
    });
    span.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true }));
    expect(seen).toEqual([null, null]);
  });

  it('a person’s click, Enter or Space plays from its time', () => {
    const span = linked();
    const seen: number[] = [];
    const listen = (event: Event) => {
      const hit = timestampActivation(event, page);
      if (hit) seen.push(hit.seconds);
    };
    window.addEventListener('click', listen);
    window.addEventListener('keydown', listen);
    personClick(span);
    personKey(span, 'Enter');
    personKey(span, ' ');
    personKey(span, 'a');
    window.removeEventListener('click', listen);
    window.removeEventListener('keydown', listen);
    expect(seen).toEqual([105, 105, 105]);
  });
});

describe('every overlay control', () => {
  it('handles clicks only through trusted() or an isPersonEvent check (a new handler cannot forget it)', async () => {
    const { readFileSync } = await import('node:fs');
    const files = [
      'EpisodePanel',
      'ChapterList',
      'ChapterNav',
      'TechChips',
      'SaveButton',
      'MiniPlayer',
      'TopicBar',
      'QueuePlayer',
    ].map((name) => `components/${name}.tsx`);
    const unguarded: string[] = [];
    let handlers = 0;
    for (const file of files) {
      const source = readFileSync(file, 'utf8');
      for (const [handler] of source.matchAll(
        /on(?:Click|KeyDown|KeyUp|PointerUp|MouseDown|Input|Change)=\{[^}]*\}?/g,
      )) {
        handlers += 1;
        const guarded = /^on\w+=\{trusted\(/.test(handler) || handler === 'onClick={play}';
        if (!guarded) unguarded.push(`${file}: ${handler}`);
      }
    }
    expect(handlers).toBeGreaterThanOrEqual(12);
    expect(unguarded).toEqual([]);
    // The one delegated handler checks the event itself.
    expect(readFileSync('components/ChapterList.tsx', 'utf8')).toMatch(
      /const play = \(event: MouseEvent\) => \{\n\s+if \(!isPersonEvent\(event\)\) return;/,
    );
  });
});

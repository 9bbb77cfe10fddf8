// @vitest-environment happy-dom
// On a listing the panels in or near the viewport are drawn by the scan, the others hold their place empty and
// are drawn as they come near it (an IntersectionObserver, faked here so the test says what is on screen).
import { h } from 'preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { OverlayController } from '@/utils/overlay/controller';
import { DEFAULT_OVERLAY_OPTIONS } from '@/utils/overlay/options';
import { findPageEpisodes, parseEpisodeReading, readEpisode } from '@/utils/sites/scan';

const URL_OF_PAGE = new URL('https://podcasts.example/show/stack-talk');
const EPISODES = 12;
/** The episodes the fake viewport shows (with its margin). */
const ON_SCREEN = new Set(['Episode 0', 'Episode 1', 'Episode 2']);

type Callback = (entries: Array<{ target: Element; isIntersecting: boolean }>) => void;

/** Every observer made, by its root margin, with what it observes: the test decides what intersects. */
const observers: Array<{ margin: string; callback: Callback; targets: Set<Element> }> = [];

class FakeIntersectionObserver {
  private readonly record: (typeof observers)[number];
  private pending: Array<{ target: Element; isIntersecting: boolean }> = [];
  constructor(callback: Callback, options: { rootMargin?: string } = {}) {
    this.record = { margin: options.rootMargin ?? '', callback, targets: new Set() };
    observers.push(this.record);
  }
  observe(target: Element) {
    this.record.targets.add(target);
    // The episodes' watch hears about what is on screen before the first answers are drawn.
    if (this.record.margin === '50% 0px') {
      const title = target.closest('li')?.querySelector('h3')?.textContent ?? '';
      if (this.pending.length === 0) queueMicrotask(() => this.record.callback(this.pending.splice(0)));
      this.pending.push({ target, isIntersecting: ON_SCREEN.has(title) });
    }
  }
  unobserve(target: Element) {
    this.record.targets.delete(target);
  }
  disconnect() {
    this.record.targets.clear();
  }
}

function writeListing(): void {
  document.body.innerHTML = `<ol>${Array.from(
    { length: EPISODES },
    (_, i) =>
      `<li><h3><a href="/show/stack-talk/${i}">Episode ${i}</a></h3><p>0:00 – Intro 4:10 – Queues with Redis 12:30 – Postgres 25:00 – Wrap-up</p></li>`,
  ).join('')}</ol>`;
}

/** Save buttons built so far: only a drawn panel needs one. */
let saveButtons = 0;

function makeController(): OverlayController {
  saveButtons = 0;
  return new OverlayController(document, {
    save: () => {
      saveButtons += 1;
      return h('button', { 'data-stackcast-save': '' }, 'Save');
    },
    find: (doc, url) => findPageEpisodes(doc, url),
    read: readEpisode,
    parse: (readings) => readings.map(parseEpisodeReading),
    report: () => {},
    options: () => ({ ...DEFAULT_OVERLAY_OPTIONS, linkPageTimestamps: false }),
  });
}

beforeEach(() => {
  observers.length = 0;
  vi.stubGlobal('IntersectionObserver', FakeIntersectionObserver);
});

afterEach(() => {
  vi.unstubAllGlobals();
  document.body.innerHTML = '';
});

describe('panels far below the viewport', () => {
  it('hold their place undrawn until they come near, then show their chapters', async () => {
    writeListing();
    const overlay = makeController();
    const summary = await overlay.scanInSlices({ yieldToPage: () => Promise.resolve() }, URL_OF_PAGE);
    expect(summary).toMatchObject({ episodes: EPISODES, panels: EPISODES, drawnPanels: ON_SCREEN.size });
    expect(document.querySelectorAll('[data-stackcast]').length).toBe(EPISODES);

    const entries = [...overlay.panels.values()];
    const near = entries.filter((entry) => ON_SCREEN.has(entry.detected.episode.title ?? ''));
    const far = entries.find((entry) => entry.detected.episode.title === 'Episode 9')!;
    for (const entry of near) expect(entry.panel.root.textContent).toContain('Queues with Redis');
    expect(saveButtons).toBe(ON_SCREEN.size);
    expect(far.panel.drawn).toBe(false);
    expect(far.panel.root.textContent).toBe('');

    const approach = observers.find((observer) => observer.margin === '100% 0px')!;
    expect(approach.targets.has(far.panel.host)).toBe(true);
    expect(near.some((entry) => approach.targets.has(entry.panel.host))).toBe(false);
    approach.callback([{ target: far.panel.host, isIntersecting: true }]);
    expect(far.panel.drawn).toBe(true);
    expect(far.panel.root.textContent).toContain('Queues with Redis');
    expect(far.panel.root.querySelector('[data-stackcast-save]')).not.toBeNull();
    expect(saveButtons).toBe(ON_SCREEN.size + 1);
    expect(approach.targets.has(far.panel.host)).toBe(false);
  });

  it('is drawn at once when a command is meant for it, and a rescan keeps it as it is', async () => {
    writeListing();
    const overlay = makeController();
    await overlay.scanInSlices({ yieldToPage: () => Promise.resolve() }, URL_OF_PAGE);
    const far = [...overlay.panels.values()].find((entry) => entry.detected.episode.title === 'Episode 7')!;
    expect(far.panel.drawn).toBe(false);
    const again = await overlay.scanInSlices({ yieldToPage: () => Promise.resolve() }, URL_OF_PAGE);
    expect(again).toMatchObject({ mounted: 0, removed: 0 });
    expect(far.panel.drawn).toBe(false);
    far.panel.command({ type: 'next' });
    expect(far.panel.drawn).toBe(true);
    expect(far.panel.root.textContent).toContain('Postgres');
    overlay.teardown();
    expect(document.querySelectorAll('[data-stackcast]').length).toBe(0);
  });

  it('keeps a topic chosen on the page for its first draw instead of drawing for it', async () => {
    writeListing();
    const overlay = makeController();
    await overlay.scanInSlices({ yieldToPage: () => Promise.resolve() }, URL_OF_PAGE);
    const far = [...overlay.panels.values()].find((entry) => entry.detected.episode.title === 'Episode 8')!;
    const slug = far.detected.episode.chapters.flatMap((chapter) => chapter.tech ?? [])[0];
    expect(slug).toBeDefined();
    far.panel.command({ type: 'topic', slug: 'nothing-here' });
    far.panel.command({ type: 'topic', slug: slug! });
    expect(far.panel.drawn).toBe(false);
    far.panel.draw();
    await vi.waitFor(() => expect(far.panel.root.querySelector('[data-stackcast-match]')).not.toBeNull());
  });
});

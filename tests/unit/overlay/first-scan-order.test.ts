// @vitest-environment happy-dom
// The first scan's order: it reads and sends episodes while the settings are still being read, and draws only
// once they are known; until the panels in or near the viewport are drawn it reads only those episodes (the
// first batch in page order before the observer reports), so the page's thread is free when their answer comes.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Episode } from '@/utils/model';
import { OverlayController } from '@/utils/overlay/controller';
import { DEFAULT_OVERLAY_OPTIONS, type OverlayOptions } from '@/utils/overlay/options';
import type { EpisodeReading } from '@/utils/sites/reading';
import { findPageEpisodes, parseEpisodeReading, readEpisode } from '@/utils/sites/scan';

const EPISODES = 20;
const PAGE_URL = new URL('https://podcasts.example/show/stack-talk');

type Callback = (entries: Array<{ target: Element; isIntersecting: boolean }>) => void;

/** The episodes the fake viewport shows; the observer reports them a microtask after it starts watching. */
let onScreen = new Set<number>();

class FakeIntersectionObserver {
  private pending: Array<{ target: Element; isIntersecting: boolean }> = [];
  constructor(
    private readonly callback: Callback,
    private readonly options: { rootMargin?: string } = {},
  ) {}
  observe(target: Element) {
    if (this.options.rootMargin !== '50% 0px') return;
    const index = Number(target.closest('li')?.getAttribute('data-index'));
    if (this.pending.length === 0) queueMicrotask(() => this.callback(this.pending.splice(0)));
    this.pending.push({ target, isIntersecting: onScreen.has(index) });
  }
  unobserve() {}
  disconnect() {}
}

function writeListing(): void {
  document.body.innerHTML = `<ol>${Array.from(
    { length: EPISODES },
    (_, i) =>
      `<li data-index="${i}"><h3><a href="/show/stack-talk/${i}">Episode ${i}</a></h3><p>0:00 – Intro 4:10 – Queues with Redis 12:30 – Postgres 25:00 – Wrap-up</p></li>`,
  ).join('')}</ol>`;
}

/** A promise with its resolve handle, for answers and settings the test hands over when it chooses. */
function deferred<T>() {
  let resolve!: (value: T) => void;
  const promise = new Promise<T>((done) => (resolve = done));
  return { promise, resolve };
}

/** Let every pending task and microtask run (the scan yields through message-channel tasks). */
const settle = () => new Promise((done) => setTimeout(done, 20));
/** How long a step may take on a busy machine (a panel's first render in happy-dom is slow). */
const PATIENCE = { timeout: 10_000 };

const indexOf = (reading: EpisodeReading) => Number(/\/(\d+)$/.exec(reading.url ?? '')?.[1]);

function harness(options: () => OverlayOptions | Promise<OverlayOptions>) {
  const reads: number[] = [];
  const batches: Array<{ indices: number[]; answer: ReturnType<typeof deferred<Array<Episode | null>>> }> =
    [];
  const overlay = new OverlayController(document, {
    find: (doc, url) => findPageEpisodes(doc, url),
    read: (page, index) => {
      reads.push(index);
      return readEpisode(page, index);
    },
    parse: (readings) => {
      const answer = deferred<Array<Episode | null>>();
      batches.push({ indices: readings.map(indexOf), answer });
      return answer.promise;
    },
    report: () => {},
    options,
  });
  const answered = new Set<number>();
  /** Answer batch `n` the way the background would. */
  const answer = (n: number) => {
    const batch = batches[n]!;
    answered.add(n);
    const page = findPageEpisodes(document, PAGE_URL)!;
    batch.answer.resolve(batch.indices.map((index) => parseEpisodeReading(readEpisode(page, index)!)));
  };
  /** Answer every batch, those still to come included, until `scan` ends; its summary. */
  const answerAll = async <T>(scan: Promise<T>): Promise<T> => {
    let done = false;
    void scan.finally(() => (done = true));
    while (!done) {
      for (let n = 0; n < batches.length; n++) if (!answered.has(n)) answer(n);
      await settle();
    }
    return scan;
  };
  const panels = () => document.querySelectorAll('[data-stackcast]').length;
  return { overlay, reads, batches, answer, answerAll, panels };
}

beforeEach(() => {
  vi.stubGlobal('IntersectionObserver', FakeIntersectionObserver);
  writeListing();
});

afterEach(() => {
  vi.unstubAllGlobals();
  document.body.innerHTML = '';
});

describe('the first scan', () => {
  it('reads only the episodes on screen until their panels are drawn, then the rest', async () => {
    onScreen = new Set([6, 7, 8]);
    const { overlay, reads, batches, answer, answerAll, panels } = harness(() => ({
      ...DEFAULT_OVERLAY_OPTIONS,
      linkPageTimestamps: false,
    }));
    const scan = overlay.scanInSlices({}, PAGE_URL);
    await vi.waitFor(() => expect(batches.length).toBe(2), PATIENCE);
    await settle();
    // Before the observer said what is on screen: the first batch in page order; then the three on screen.
    expect(batches.map((batch) => batch.indices)).toEqual([
      [0, 1, 2, 3],
      [6, 7, 8],
    ]);
    expect(reads).toEqual([0, 1, 2, 3, 6, 7, 8]);
    answer(1);
    // The panels on screen are drawn: now the others are read.
    await vi.waitFor(() => expect(panels()).toBe(3), PATIENCE);
    await vi.waitFor(() => expect(reads.length).toBe(EPISODES), PATIENCE);
    const summary = await answerAll(scan);
    expect(summary?.panels).toBe(EPISODES);
    expect(summary?.visibleAt).toBeLessThanOrEqual(summary!.startedAt + summary!.milliseconds);
  });

  it('reads and sends while the settings are read, and draws only once they are known', async () => {
    onScreen = new Set([0, 1]);
    const settings = deferred<OverlayOptions>();
    let known: OverlayOptions | null = null;
    void settings.promise.then((options) => (known = options));
    const { overlay, batches, answer, answerAll, panels } = harness(() => known ?? settings.promise);
    const scan = overlay.scanInSlices({}, PAGE_URL);
    await vi.waitFor(() => expect(batches.length).toBe(1), PATIENCE);
    expect(batches[0]?.indices).toEqual([0, 1, 2, 3]);
    answer(0);
    await settle();
    expect(panels()).toBe(0);
    settings.resolve({ ...DEFAULT_OVERLAY_OPTIONS, linkPageTimestamps: false });
    await vi.waitFor(() => expect(panels()).toBeGreaterThanOrEqual(2), PATIENCE);
    expect((await answerAll(scan))?.panels).toBe(EPISODES);
  });

  it('draws nothing when the settings say the site is switched off', async () => {
    onScreen = new Set([0, 1]);
    const settings = deferred<OverlayOptions>();
    const { overlay, batches, answer, panels } = harness(() => settings.promise);
    const scan = overlay.scanInSlices({}, PAGE_URL);
    await vi.waitFor(() => expect(batches.length).toBe(1), PATIENCE);
    answer(0);
    settings.resolve({ ...DEFAULT_OVERLAY_OPTIONS, enabled: false });
    const summary = await scan;
    expect(panels()).toBe(0);
    expect(summary?.panels).toBe(0);
    expect(batches.length).toBe(1);
  });
});

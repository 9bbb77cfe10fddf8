// @vitest-environment happy-dom
// The overlay's sliced scan on a listing written for this test: every episode gets one panel, work is cut
// into slices that yield to the page, panels join the page in batches, a newer scan or teardown stops an
// older one, and rescans reuse panels instead of duplicating them.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { OverlayController, type OverlayDeps } from '@/utils/overlay/controller';
import { DEFAULT_OVERLAY_OPTIONS } from '@/utils/overlay/options';
import { runInSlices } from '@/utils/overlay/slices';
import { LISTING_CHAPTERS_SHOWN } from '@/components/panel-limits';
import { LISTING_MIN_EPISODES } from '@/utils/overlay/limits';
import { findPageEpisodes, parseEpisodeReading, readEpisode, type EpisodeReading } from '@/utils/sites/scan';
import type { Episode } from '@/utils/model';
import { ParseCache } from '@/utils/background/parse-cache';
import { parseReadings } from '@/utils/background/parse-episodes';

const URL_OF_PAGE = new URL('https://podcasts.example/show/stack-talk');

function writeListing(count: number): void {
  document.body.innerHTML = `<h1>Stack Talk</h1><ol>${Array.from(
    { length: count },
    (_, i) =>
      `<li><h3><a href="/show/stack-talk/${i}">Episode ${i}</a></h3><p>0:00 – Intro 4:10 – Queues with Redis 12:30 – Postgres 25:00 – Wrap-up</p></li>`,
  ).join('')}</ol>`;
}

function makeController(reports: Episode[][] = []): { overlay: OverlayController; deps: OverlayDeps } {
  const deps: OverlayDeps = {
    find: (doc, url) => findPageEpisodes(doc, url),
    read: readEpisode,
    parse: (readings) => readings.map(parseEpisodeReading),
    report: (episodes) => reports.push(episodes),
    options: () => ({ ...DEFAULT_OVERLAY_OPTIONS, linkPageTimestamps: false }),
  };
  return { overlay: new OverlayController(document, deps), deps };
}

const hosts = () => document.querySelectorAll('[data-stackcast]');
/** A panel's closed shadow root, as the content script holds it (the page sees `host.shadowRoot === null`). */
function rootOf(overlay: OverlayController, host: Element): ShadowRoot {
  const entry = [...overlay.panels.values()].find((candidate) => candidate.panel.host === host);
  if (!entry) throw new Error('no panel for this host');
  return entry.panel.root;
}
/** Yields that only let microtasks run: enough for the job to resume, deterministic in tests. */
const quickYield = () => Promise.resolve();

afterEach(() => {
  document.body.innerHTML = '';
});

describe('OverlayController.scanInSlices', () => {
  it('gives every episode one panel beside it and reports them once, in page order', async () => {
    writeListing(6);
    const reports: Episode[][] = [];
    const { overlay } = makeController(reports);
    const summary = await overlay.scanInSlices({ yieldToPage: quickYield }, URL_OF_PAGE);
    expect(summary).toMatchObject({ episodes: 6, panels: 6, mounted: 6, removed: 0 });
    expect(hosts().length).toBe(6);
    for (const host of hosts()) expect(host.previousElementSibling?.tagName).toBe('LI');
    // Closed roots: the page's script cannot read or press the panels.
    for (const host of hosts()) {
      expect(host.shadowRoot).toBeNull();
      expect(rootOf(overlay, host).mode).toBe('closed');
    }
    expect(reports.length).toBe(1);
    expect(reports[0]!.map((episode) => episode.title)).toEqual(
      [0, 1, 2, 3, 4, 5].map((i) => `Episode ${i}`),
    );
    overlay.teardown();
    expect(hosts().length).toBe(0);
  });

  it('shows a short chapter preview per panel on a listing, and every chapter on a page with one episode', async () => {
    const chapterCount = (overlay: OverlayController) => (host: Element) =>
      rootOf(overlay, host).querySelectorAll('[data-stackcast-chapter]').length;
    const longNotes = Array.from({ length: 9 }, (_, i) => `${i * 5}:00 – Topic ${i}`).join(' ');
    document.body.innerHTML = `<h1>Stack Talk</h1><ol>${Array.from({ length: LISTING_MIN_EPISODES }, (_, i) => `<li><h3>Episode ${i}</h3><p>${longNotes}</p></li>`).join('')}</ol>`;
    const listing = makeController().overlay;
    await listing.scanInSlices({ yieldToPage: quickYield }, URL_OF_PAGE);
    expect([...hosts()].map(chapterCount(listing))).toEqual(
      Array(LISTING_MIN_EPISODES).fill(LISTING_CHAPTERS_SHOWN),
    );
    listing.teardown();

    document.body.innerHTML = `<h1>Episode 1</h1><div class="notes"><p>${longNotes}</p></div>`;
    const single = makeController().overlay;
    await single.scanInSlices({ yieldToPage: quickYield }, URL_OF_PAGE);
    expect([...hosts()].map(chapterCount(single))).toEqual([9]);
    single.teardown();
  });

  it('sends readings to the parser in batches, a small first one; an unchanged episode is parsed once (the background remembers it) and not drawn again', async () => {
    writeListing(20);
    const batches: number[] = [];
    const { overlay, deps } = makeController();
    // As the background does: its one parse cache, and an answer that arrives later, in another task.
    const cache = new ParseCache();
    let fromMemory = 0;
    deps.parse = async (readings: EpisodeReading[]) => {
      batches.push(readings.length);
      await new Promise((resolve) => setTimeout(resolve, 1));
      const { episodes, cached } = parseReadings(readings, cache);
      fromMemory += cached;
      return episodes;
    };
    const first = await overlay.scanInSlices({ yieldToPage: quickYield }, URL_OF_PAGE);
    expect(batches).toEqual([4, 12, 4]);
    expect(first).toMatchObject({ episodes: 20, panels: 20, parsed: 20 });
    expect(fromMemory).toBe(0);
    expect(hosts().length).toBe(20);

    const updates = [...overlay.panels.values()].map((entry) => vi.spyOn(entry.panel, 'update'));
    const again = await overlay.scanInSlices({ yieldToPage: quickYield }, URL_OF_PAGE);
    expect(fromMemory).toBe(20);
    expect(again).toMatchObject({ panels: 20, mounted: 0, removed: 0 });
    for (const update of updates) expect(update).not.toHaveBeenCalled();

    document.querySelector('li p')!.textContent = '0:00 – Intro 9:00 – Kafka 20:00 – Outro';
    const changed = await overlay.scanInSlices({ yieldToPage: quickYield }, URL_OF_PAGE);
    // One episode changed: parsed anew and drawn again; the other nineteen come from memory, untouched.
    expect(fromMemory).toBe(20 + 19);
    expect(changed).toMatchObject({ panels: 20, mounted: 0 });
    expect(updates.filter((update) => update.mock.calls.length > 0).length).toBe(1);
    const chapters = [...rootOf(overlay, hosts()[0]!).querySelectorAll('[data-stackcast-chapter]')].map(
      (chapter) => chapter.getAttribute('data-start'),
    );
    expect(chapters).toEqual(['0', '540', '1200']);
    overlay.teardown();
  });

  it('leaves episodes the parser could not answer for without a panel, and asks again on the next scan', async () => {
    writeListing(3);
    const { overlay, deps } = makeController();
    let reachable = false;
    deps.parse = async (readings: EpisodeReading[]) => {
      if (!reachable) throw new Error('Extension context invalidated.');
      return readings.map(parseEpisodeReading);
    };
    const debug = vi.spyOn(console, 'debug').mockImplementation(() => {});
    const failed = await overlay.scanInSlices({ yieldToPage: quickYield }, URL_OF_PAGE);
    expect(failed).toMatchObject({ episodes: 3, panels: 0 });
    expect(hosts().length).toBe(0);
    expect(debug).toHaveBeenCalledWith('[stackcast] could not parse episodes:', expect.any(Error));
    debug.mockRestore();
    reachable = true;
    const recovered = await overlay.scanInSlices({ yieldToPage: quickYield }, URL_OF_PAGE);
    expect(recovered).toMatchObject({ panels: 3, parsed: 3 });
    overlay.teardown();
  });

  it('cuts the work into slices that yield to the page, with panels attached by the end', async () => {
    writeListing(5);
    const { overlay } = makeController();
    let clock = 0;
    const pauses: number[] = [];
    // Every reading of this clock moves it 5 "ms": an 8 ms budget lets two steps of the job into a slice.
    const summary = await overlay.scanInSlices(
      {
        budgetMs: 8,
        now: () => (clock += 5),
        yieldToPage: async () => {
          pauses.push(hosts().length);
        },
      },
      URL_OF_PAGE,
    );
    expect(summary!.slices).toBeGreaterThan(2);
    // Between two slices the job either yields to the page or waits for the parser.
    expect(pauses.length).toBeGreaterThan(1);
    expect(pauses.length).toBeLessThanOrEqual((summary!.slices ?? 0) - 1);
    expect(hosts().length).toBe(5);
  });

  it('stops an older scan when a newer one starts, and repeated scans never duplicate panels', async () => {
    writeListing(8);
    const { overlay } = makeController();
    const older = overlay.scanInSlices({ budgetMs: 0, yieldToPage: quickYield }, URL_OF_PAGE);
    const newer = overlay.scanInSlices({ budgetMs: 0, yieldToPage: quickYield }, URL_OF_PAGE);
    expect(await older).toBeNull();
    expect((await newer)!.panels).toBe(8);
    const again = await overlay.scanInSlices({ yieldToPage: quickYield }, URL_OF_PAGE);
    expect(again).toMatchObject({ panels: 8, mounted: 0, removed: 0 });
    expect(hosts().length).toBe(8);
  });

  it('removes the panel of an episode that left the page', async () => {
    writeListing(3);
    const { overlay } = makeController();
    await overlay.scanInSlices({ yieldToPage: quickYield }, URL_OF_PAGE);
    document.querySelector('li')!.remove();
    const summary = await overlay.scanInSlices({ yieldToPage: quickYield }, URL_OF_PAGE);
    expect(summary).toMatchObject({ panels: 2, removed: 1 });
    expect(hosts().length).toBe(2);
  });

  it('stops at teardown without leaving panels behind', async () => {
    writeListing(6);
    const { overlay } = makeController();
    let pauses = 0;
    const running = overlay.scanInSlices(
      {
        budgetMs: 0,
        yieldToPage: async () => {
          if (++pauses === 3) overlay.teardown();
        },
      },
      URL_OF_PAGE,
    );
    expect(await running).toBeNull();
    expect(hosts().length).toBe(0);
  });
});

describe('runInSlices', () => {
  it('reports the value, the slices and the time spent in them; cancellation closes the job', async () => {
    let clock = 0;
    const steps: number[] = [];
    const job = function* () {
      for (let i = 0; i < 6; i++) {
        steps.push(i);
        clock += 4;
        yield;
      }
      return 'done';
    };
    const report = await runInSlices(job(), { budgetMs: 8, now: () => clock, yieldToPage: quickYield });
    expect(report).toMatchObject({ value: 'done', cancelled: false, slices: 4, busyMs: 24 });
    expect(report.longestSliceMs).toBe(8);

    const cleanup = vi.fn();
    const endless = function* () {
      try {
        for (;;) yield;
      } finally {
        cleanup();
      }
    };
    let slices = 0;
    const stopped = await runInSlices(endless(), {
      budgetMs: 0,
      yieldToPage: quickYield,
      cancelled: () => ++slices > 3,
    });
    expect(stopped.cancelled).toBe(true);
    expect(cleanup).toHaveBeenCalledOnce();
  });
});

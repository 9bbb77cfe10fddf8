// Start the overlay in a content-script context: scan, then keep in step with navigation and DOM changes.
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { browser } from 'wxt/browser';
import type { Episode } from '../model';
import { isContentCommand, type ContentCommand } from '../content-commands';
import { askBackground } from '../ask-background';
import { findPageEpisodes, readEpisode } from '../sites/reading';
import { OverlayController } from './controller';
import { DEFAULT_OVERLAY_OPTIONS, type OverlayOptions } from './options';
import { timestampActivation } from './page-timestamps';
import { loadOverlayOptions } from './preferences';
import { tabEpisodesMessage } from './report';
import { findAhead } from './find-ahead';
import { backgroundParse, parseInBackground } from './parse-remote';
import { createRescanScheduler } from './rescan';
import { saveButtonFor } from './save-slot';
import { SLICE_BUDGET_MS, yieldToPage } from './slices';

/** Performance marks read by the benchmark (bench/overlay.bench.ts). */
export const MARK_START = 'stackcast:start';
export const MARK_RENDERED = 'stackcast:rendered';
/** Finding and reading the episodes on the page (the parse itself runs in the background: MEASURE_BACKGROUND). */
export const MEASURE_PARSE = 'stackcast:parse';
/** Time the background spent parsing this page's episodes (its own CPU, off the page's main thread). */
export const MEASURE_BACKGROUND = 'stackcast:background-parse';
/** Wall time the first scan waited for the background with nothing else to do. */
export const MEASURE_WAIT = 'stackcast:wait';
export const MEASURE_DRAW = 'stackcast:draw';
/** When the episodes in or near the viewport had their panels (the rest follow in later slices). */
export const MARK_VISIBLE = 'stackcast:visible';
/** Time spent in the first scan's slices (its `detail` says how many slices and the longest). */
export const MEASURE_BUSY = 'stackcast:busy';

/** Notes text parsed per episode in the page: enough for any real show notes, bounded on a 5 MB page. */
const OVERLAY_NOTES_CHARS = 100_000;

/** Set by the popup's "Scan this page" just before it injects this script: run even where disabled. */
const ON_DEMAND_FLAG = '__stackcastScanRequested';

/**
 * Run the overlay until `ctx` is invalidated (extension reload/update, or a newer injection of this script).
 * @example
 * export default defineContentScript({ matches, main: (ctx) => startOverlay(ctx) });
 */
export async function startOverlay(ctx: ContentScriptContext): Promise<void> {
  performance.mark(MARK_START);
  const onDemand = Boolean((globalThis as Record<string, unknown>)[ON_DEMAND_FLAG]);
  delete (globalThis as Record<string, unknown>)[ON_DEMAND_FLAG];
  let options: OverlayOptions = { ...DEFAULT_OVERLAY_OPTIONS };
  let settingsChanged = () => {};
  const settings = loadOverlayOptions(location.hostname, onDemand, ctx, (next) => {
    options = next;
    settingsChanged();
  });
  // Awaited after the early find below; a failure meanwhile is not "unhandled" (the await still sees it).
  settings.catch(() => {});
  const findOnPage = (doc: Document, url: string | URL) =>
    findPageEpisodes(doc, url, { maxNotesChars: OVERLAY_NOTES_CHARS });
  // While storage answers, walk the page (read only); the first scan uses that unless the page changed.
  // On a site the listener switched off this walk is wasted: a rare case, traded for every other page.
  // It runs in a task of its own, after the one that evaluated this script.
  await yieldToPage();
  const ahead = findAhead(() => findOnPage(document, location.href), document.documentElement, location.href);
  try {
    options = await settings;
  } catch (error) {
    // Storage can fail (quota, a corrupt profile): the overlay still works with defaults.
    console.warn('[stackcast] settings unavailable, using defaults:', error);
  }
  // The scan's first slice starts in a fresh task, not after the early find in the same one.
  await yieldToPage();
  // A switched-off site never scans: stop watching for changes that would void the early find.
  if (ctx.isInvalid || !options.enabled) ahead.stop();
  if (ctx.isInvalid) return;

  let aheadMilliseconds = 0;
  const overlay = new OverlayController(document, {
    find: (doc, url) => {
      const early = ahead.take(url.href);
      if (!early) return findOnPage(doc, url);
      aheadMilliseconds = early.milliseconds;
      return early.page;
    },
    read: readEpisode,
    parse: parseInBackground,
    report: (episodes) => void report(episodes),
    options: () => options,
    save: (episode) => saveButtonFor(episode, new URL(location.href)),
  });

  const observer = new MutationObserver(() => {
    if (!rescans.pending) rescans.request('mutation');
  });
  const observe = () => observer.observe(document.documentElement, { childList: true, subtree: true });
  // Our own DOM writes (hosts, timestamp spans) are not page changes: stop listening while we write.
  const unobserved = (work: () => void) => {
    observer.disconnect();
    try {
      work();
    } finally {
      observer.takeRecords();
      if (ctx.isValid) observe();
    }
  };
  let first = true;
  const scan = async (): Promise<number> => {
    try {
      const summary = await overlay.scanInSlices({ around: unobserved, cancelled: () => ctx.isInvalid });
      if (!summary) return 0;
      if (first) {
        // For the benchmark: where the first scan's time went, and how it was sliced.
        first = false;
        const { startedAt } = summary;
        performance.mark(MARK_VISIBLE, { startTime: summary.visibleAt });
        // The first find may have run ahead, while the settings were read: its time counts here too.
        performance.measure(MEASURE_PARSE, {
          start: startedAt,
          duration: aheadMilliseconds + summary.findMilliseconds + summary.readMilliseconds,
        });
        performance.measure(MEASURE_DRAW, { start: startedAt, duration: summary.drawMilliseconds });
        performance.measure(MEASURE_BACKGROUND, {
          start: startedAt,
          duration: backgroundParse.milliseconds,
          detail: { requests: backgroundParse.requests, cached: backgroundParse.cached },
        });
        performance.measure(MEASURE_WAIT, { start: startedAt, duration: summary.waitMilliseconds });
        performance.measure(MEASURE_BUSY, {
          start: startedAt,
          duration: summary.busyMilliseconds ?? summary.milliseconds,
          detail: {
            slices: summary.slices,
            longest: summary.longestSliceMilliseconds,
            find: aheadMilliseconds + summary.findMilliseconds,
          },
        });
      }
      scheduleLinking();
      // The rescan spacing follows the work done, not the wall time the slices were spread over.
      return summary.busyMilliseconds ?? summary.milliseconds;
    } catch (error) {
      console.warn('[stackcast] scan failed:', error);
      return 50;
    }
  };
  // In-page timestamp links come after the panels, in idle slices, so drawing is not delayed by them.
  let linking = false;
  const scheduleLinking = () => {
    if (linking) return;
    linking = true;
    ctx.requestIdleCallback(
      (deadline) => {
        linking = false;
        observer.disconnect();
        let more = false;
        // One slice per callback, even in a long idle period or when forced by the timeout on a busy page.
        const until =
          performance.now() +
          (deadline.didTimeout ? SLICE_BUDGET_MS : Math.min(SLICE_BUDGET_MS, deadline.timeRemaining() - 2));
        try {
          more = overlay.linkPageTimestamps(() => performance.now() < until);
        } finally {
          observer.takeRecords();
          if (ctx.isValid) observe();
        }
        if (more) scheduleLinking();
      },
      { timeout: 1_000 },
    );
  };
  const rescans = createRescanScheduler(scan, {
    now: () => performance.now(),
    setTimeout: (callback, ms) => ctx.setTimeout(callback, ms),
    clearTimeout: (handle) => clearTimeout(handle as number),
  });

  settingsChanged = () => rescans.request('navigation');
  // Listen for page changes from the start; each slice of a scan pauses the observer while it writes.
  observe();
  await rescans.runNow();
  if (ctx.isInvalid) return;
  performance.mark(MARK_RENDERED);

  const navigated = () => {
    // The background clears the badge when a tab navigates: report again even if nothing changed.
    overlay.forgetReport();
    rescans.request('navigation');
  };
  ctx.addEventListener(window, 'wxt:locationchange', navigated);
  ctx.addEventListener(window, 'popstate', navigated);
  ctx.addEventListener(window, 'pageshow', navigated);
  ctx.addEventListener(document, 'turbolinks:load', navigated);
  ctx.addEventListener(document, 'turbo:load', navigated);

  // Keyboard shortcuts arrive from the background as `command:run` (checked here by hand: no zod in pages).
  const onMessage = (raw: unknown, sender: { id?: string }) => {
    if (sender.id !== browser.runtime.id) return undefined;
    const command = commandOf(raw);
    if (!command) return undefined;
    return Promise.resolve({ ok: overlay.runCommand(command) });
  };
  browser.runtime.onMessage.addListener(onMessage);
  ctx.onInvalidated(() => browser.runtime.onMessage.removeListener(onMessage));

  // In-page timestamps: one delegated listener (wrapped spans survive Turbolinks snapshots as clones).
  const activate = (event: Event) => {
    const hit = timestampActivation(event, location.href);
    if (hit && overlay.playFromPage(hit.element, hit.seconds)) event.preventDefault();
  };
  // Bubble phase on window runs after the page's own handlers, so our (correctly parsed) time wins.
  ctx.addEventListener(window, 'click', activate);
  ctx.addEventListener(window, 'keydown', activate);

  ctx.onInvalidated(() => {
    rescans.cancel();
    observer.disconnect();
    overlay.teardown();
  });
}

async function report(episodes: Episode[]): Promise<void> {
  try {
    await askBackground(tabEpisodesMessage(episodes));
  } catch (error) {
    // The extension was reloaded under us (or the report was refused): nothing to tell anymore.
    console.debug('[stackcast] could not report episodes:', error);
  }
}

function commandOf(raw: unknown): ContentCommand | null {
  if (typeof raw !== 'object' || raw === null) return null;
  const { type, command } = raw as { type?: unknown; command?: unknown };
  if (type !== 'command:run') return null;
  return isContentCommand(command) ? command : null;
}

// Start the overlay in a content-script context: read the settings (finding the episodes meanwhile), scan,
// then start every overlay behaviour (features/index.ts), all stopped when the context is invalidated.
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import type { Episode } from '../model';
import { askBackground } from '../ask-background';
import { findPageEpisodes, readEpisode } from '../sites/reading';
import { markRendered, markStart, measureFirstScan } from './bench-marks';
import { OverlayController } from './controller';
import { OVERLAY_FEATURES, type OverlayContext, type OverlayFeature } from './features';
import { findAhead } from './find-ahead';
import { DEFAULT_OVERLAY_OPTIONS, type OverlayOptions } from './options';
import { createPageWatch } from './page-watch';
import { parseInBackground } from './parse-remote';
import { loadOverlayOptions } from './preferences';
import { tabEpisodesMessage } from './report';
import { saveButtonFor } from './save-slot';
import { createScans } from './scans';
import { yieldToPage } from './slices';

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
  markStart();
  const onDemand = Boolean((globalThis as Record<string, unknown>)[ON_DEMAND_FLAG]);
  delete (globalThis as Record<string, unknown>)[ON_DEMAND_FLAG];
  let options: OverlayOptions = { ...DEFAULT_OVERLAY_OPTIONS };
  const settingsListeners: Array<() => void> = [];
  const settings = loadOverlayOptions(location.hostname, onDemand, ctx, (next) => {
    options = next;
    for (const listener of settingsListeners) listener();
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

  let earlyFind = 0;
  const overlay = new OverlayController(document, {
    find: (doc, url) => {
      const early = ahead.take(url.href);
      if (!early) return findOnPage(doc, url);
      earlyFind = early.milliseconds;
      return early.page;
    },
    read: readEpisode,
    parse: parseInBackground,
    report: (episodes) => void report(episodes),
    options: () => options,
    save: (episode) => saveButtonFor(episode, new URL(location.href)),
  });
  const pageWatch = createPageWatch(document.documentElement, () => ctx.isValid);
  const scans = createScans(ctx, overlay, pageWatch);
  let first = true;
  scans.onScanned((summary) => {
    if (first) measureFirstScan(summary, earlyFind);
    first = false;
  });
  const context: OverlayContext = {
    ctx,
    signal: ctx.signal,
    overlay,
    scans,
    pageWatch,
    settings: { current: () => options, onChange: (listener) => void settingsListeners.push(listener) },
  };
  const start = (when: OverlayFeature['starts']) => {
    for (const feature of OVERLAY_FEATURES) if (feature.starts === when) feature.init(context);
  };

  start('with-overlay');
  // Listen for page changes from the start; each slice of a scan pauses the watch while it writes.
  pageWatch.start();
  await scans.first();
  if (ctx.isInvalid) return;
  markRendered();
  start('after-first-scan');
  ctx.onInvalidated(() => {
    scans.cancel();
    pageWatch.stop();
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

// Start the overlay in a content-script context: scan (the settings are read meanwhile), then start every
// overlay behaviour (features/index.ts), all stopped when the context is invalidated.
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import type { Episode } from '../model';
import { askBackground } from '../ask-background';
import { findPageEpisodes, readEpisode } from '../sites/reading';
import { markRendered, markStart, measureFirstScan } from './bench-marks';
import { OverlayController } from './controller';
import { OVERLAY_FEATURES, type OverlayContext, type OverlayFeature } from './features';
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
  let options: OverlayOptions | null = null;
  const settingsListeners: Array<() => void> = [];
  const settings = loadOverlayOptions(location.hostname, onDemand, ctx, (next) => {
    options = next;
    for (const listener of settingsListeners) listener();
  }).catch((error: unknown) => {
    // Storage can fail (quota, a corrupt profile): the overlay still works with defaults.
    console.warn('[stackcast] settings unavailable, using defaults:', error);
    return { ...DEFAULT_OVERLAY_OPTIONS };
  });
  void settings.then((known) => (options ??= known));
  // The first scan finds, reads and sends episodes to the parser while storage answers, and waits for the
  // settings only to draw. It starts in a task of its own, after the one that evaluated this script.
  await yieldToPage();
  if (ctx.isInvalid) return;

  const overlay = new OverlayController(document, {
    find: (doc, url) => findPageEpisodes(doc, url, { maxNotesChars: OVERLAY_NOTES_CHARS }),
    read: readEpisode,
    parse: parseInBackground,
    report: (episodes) => void report(episodes),
    options: () => options ?? settings,
    save: (episode) => saveButtonFor(episode, new URL(location.href)),
  });
  const pageWatch = createPageWatch(document.documentElement, () => ctx.isValid);
  const scans = createScans(ctx, overlay, pageWatch);
  let first = true;
  scans.onScanned((summary) => {
    if (first) measureFirstScan(summary);
    first = false;
  });
  const context: OverlayContext = {
    ctx,
    signal: ctx.signal,
    overlay,
    scans,
    pageWatch,
    settings: {
      current: () => options ?? DEFAULT_OVERLAY_OPTIONS,
      onChange: (listener) => void settingsListeners.push(listener),
    },
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

// When the overlay scans: the first scan now, later ones when asked (navigation, page changes, settings),
// spaced by utils/overlay/rescan.ts; each scan runs in slices with the page watch paused while it writes.
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import type { OverlayController, ScanSummary } from './controller';
import type { PageWatch } from './page-watch';
import { createRescanScheduler, type RescanReason } from './rescan';

export interface Scans {
  /** Ask for a scan; it comes when the spacing allows. */
  request(reason: RescanReason): void;
  /** Whether a scan is already due. */
  readonly pending: boolean;
  /** Call `listener` after every scan that completed, with its summary. */
  onScanned(listener: (summary: ScanSummary) => void): void;
  /** The first scan, now: resolves when it is done. */
  first(): Promise<void>;
  cancel(): void;
}

/** The rescan spacing after a scan that failed, in milliseconds (as if it had cost this much). */
const FAILED_SCAN_COST_MS = 50;

/**
 * Scans of the page by `overlay`, until `ctx` is invalidated.
 * @example
 * const scans = createScans(ctx, overlay, pageWatch); scans.onScanned(linkLater); await scans.first();
 */
export function createScans(ctx: ContentScriptContext, overlay: OverlayController, watch: PageWatch): Scans {
  const listeners: Array<(summary: ScanSummary) => void> = [];
  const scan = async (): Promise<number> => {
    try {
      const summary = await overlay.scanInSlices({
        around: watch.unobserved,
        cancelled: () => ctx.isInvalid,
      });
      if (!summary) return 0;
      for (const listener of listeners) listener(summary);
      // The rescan spacing follows the work done, not the wall time the slices were spread over.
      return summary.busyMilliseconds ?? summary.milliseconds;
    } catch (error) {
      console.warn('[stackcast] scan failed:', error);
      return FAILED_SCAN_COST_MS;
    }
  };
  const rescans = createRescanScheduler(scan, {
    now: () => performance.now(),
    setTimeout: (callback, ms) => ctx.setTimeout(callback, ms),
    clearTimeout: (handle) => clearTimeout(handle as number),
  });
  return {
    request: (reason) => rescans.request(reason),
    get pending() {
      return rescans.pending;
    },
    onScanned: (listener) => void listeners.push(listener),
    first: async () => void (await rescans.runNow()),
    cancel: () => rescans.cancel(),
  };
}

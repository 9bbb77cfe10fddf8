// In-page timestamp links come after the panels, in idle slices, so drawing is not delayed by them.
import { SLICE_BUDGET_MS } from '../slices';
import type { OverlayFeature } from './feature';

/** Longest a pending link waits for an idle period on a busy page, in milliseconds. */
const IDLE_TIMEOUT_MS = 1_000;

export const idleLinks: OverlayFeature = {
  name: 'idle-links',
  starts: 'with-overlay',
  init({ ctx, overlay, scans, pageWatch }) {
    let linking = false;
    const scheduleLinking = () => {
      if (linking) return;
      linking = true;
      ctx.requestIdleCallback(
        (deadline) => {
          linking = false;
          let more = false;
          // One slice per callback, even in a long idle period or when forced by the timeout on a busy page.
          const until =
            performance.now() +
            (deadline.didTimeout ? SLICE_BUDGET_MS : Math.min(SLICE_BUDGET_MS, deadline.timeRemaining() - 2));
          pageWatch.unobserved(() => {
            more = overlay.linkPageTimestamps(() => performance.now() < until);
          });
          if (more) scheduleLinking();
        },
        { timeout: IDLE_TIMEOUT_MS },
      );
    };
    scans.onScanned(scheduleLinking);
  },
};

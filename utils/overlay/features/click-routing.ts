// A click (or Enter) on a timestamp in the page's own show notes plays that episode's panel from that time.
import { timestampActivation } from '../page-timestamps';
import type { OverlayFeature } from './feature';

export const clickRouting: OverlayFeature = {
  name: 'click-routing',
  starts: 'after-first-scan',
  init({ ctx, overlay }) {
    // One delegated listener: wrapped spans survive Turbolinks snapshots as clones.
    const activate = (event: Event) => {
      const hit = timestampActivation(event, location.href);
      if (hit && overlay.playFromPage(hit.element, hit.seconds)) event.preventDefault();
    };
    // Bubble phase on window runs after the page's own handlers, so our (correctly parsed) time wins.
    ctx.addEventListener(window, 'click', activate);
    ctx.addEventListener(window, 'keydown', activate);
  },
};

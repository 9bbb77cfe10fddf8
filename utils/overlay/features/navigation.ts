// Scan again when the page navigates without a reload: history API, back/forward cache, Turbolinks and Turbo.
import type { OverlayFeature } from './feature';

export const navigation: OverlayFeature = {
  name: 'navigation',
  starts: 'after-first-scan',
  init({ ctx, overlay, scans }) {
    const navigated = () => {
      // The background clears the badge when a tab navigates: report again even if nothing changed.
      overlay.forgetReport();
      scans.request('navigation');
    };
    ctx.addEventListener(window, 'wxt:locationchange', navigated);
    ctx.addEventListener(window, 'popstate', navigated);
    ctx.addEventListener(window, 'pageshow', navigated);
    ctx.addEventListener(document, 'turbolinks:load', navigated);
    ctx.addEventListener(document, 'turbo:load', navigated);
  },
};

// Scan again when the page's DOM changes (a listing that loads more episodes, a player swapped in).
import type { OverlayFeature } from './feature';

export const mutationRescan: OverlayFeature = {
  name: 'mutation-rescan',
  starts: 'with-overlay',
  init({ pageWatch, scans }) {
    // A burst of mutations asks once: the scheduler already waits for the page to settle.
    pageWatch.onChange(() => {
      if (!scans.pending) scans.request('mutation');
    });
  },
};

// Redraw the panels when the listener changes a setting (theme, position, collapsed, …) or switches the site off.
import type { OverlayFeature } from './feature';

export const settingsRescan: OverlayFeature = {
  name: 'settings-rescan',
  starts: 'with-overlay',
  init({ settings, scans }) {
    settings.onChange(() => scans.request('navigation'));
  },
};

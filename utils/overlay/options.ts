// Overlay preferences and their defaults in one place, so the settings page can wire them without hunting.
import type { PanelOptions } from '@/components/EpisodePanel';

/** What a listener can change about the overlay (utils/settings.ts stores these per user and per site). */
export interface OverlayOptions extends PanelOptions {
  /** Draw overlays on this site at all. */
  enabled: boolean;
  /** Where the panel goes relative to the episode block (never over it). */
  position: 'after' | 'before';
  /** 'auto' follows prefers-color-scheme. */
  theme: 'auto' | 'light' | 'dark';
  /** Make timestamps in the page's own show notes clickable. */
  linkPageTimestamps: boolean;
}

export const DEFAULT_OVERLAY_OPTIONS: Readonly<OverlayOptions> = Object.freeze({
  enabled: true,
  collapsed: false,
  playOnClick: true,
  position: 'after',
  theme: 'auto',
  linkPageTimestamps: true,
});

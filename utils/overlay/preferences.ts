// The listener's settings (stored by utils/settings.ts in storage.sync under "settings"), read as overlay
// options. Read by hand, not through utils/settings.ts: that module carries zod, which alone would
// exceed the content script's size budget. Anything unexpected falls back to the defaults.
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { browser } from 'wxt/browser';
import { adapterFor } from '../sites/index';
import { DEFAULT_OVERLAY_OPTIONS, type OverlayOptions } from './options';

/** storage.sync key of utils/settings.ts's item (`sync:settings`). */
const SETTINGS_KEY = 'settings';

/**
 * Map stored settings (any shape) to overlay options. A site the listener disabled gets no overlay unless
 * they asked for a scan from the popup. 'floating-right' is drawn inline too: the overlay never covers the page.
 * @example
 * toOverlayOptions({ collapsedByDefault: true }, 'podcasts.apple.com', false).collapsed // true
 */
export function toOverlayOptions(
  stored: unknown,
  hostname: string,
  onDemand: boolean,
  adapterId?: string,
): OverlayOptions {
  const raw = (stored !== null && typeof stored === 'object' ? stored : {}) as Record<string, unknown>;
  const disabled = Array.isArray(raw.disabledSites)
    ? raw.disabledSites.filter((s): s is string => typeof s === 'string')
    : [];
  const theme = raw.theme === 'light' || raw.theme === 'dark' ? raw.theme : 'auto';
  return {
    enabled: onDemand || !isDisabled(disabled, hostname, adapterId),
    collapsed:
      typeof raw.collapsedByDefault === 'boolean'
        ? raw.collapsedByDefault
        : DEFAULT_OVERLAY_OPTIONS.collapsed,
    playOnClick: typeof raw.playOnClick === 'boolean' ? raw.playOnClick : DEFAULT_OVERLAY_OPTIONS.playOnClick,
    position: raw.overlayPosition === 'inline-before' ? 'before' : 'after',
    theme,
    linkPageTimestamps: DEFAULT_OVERLAY_OPTIONS.linkPageTimestamps,
  };
}

/** Same rule as utils/settings.ts isSiteEnabled: a hostname covers its subdomains; adapter ids match too. */
function isDisabled(disabledSites: readonly string[], hostname: string, adapterId?: string): boolean {
  const host = hostname.toLowerCase().replace(/\.$/, '');
  return disabledSites.some((entry) => {
    const disabled = entry.toLowerCase();
    return disabled === adapterId?.toLowerCase() || disabled === host || host.endsWith(`.${disabled}`);
  });
}

/**
 * Read the settings now and call `onChange` when they change, until `ctx` ends.
 * @example
 * const options = await loadOverlayOptions(location.hostname, false, ctx, rerender);
 */
export async function loadOverlayOptions(
  hostname: string,
  onDemand: boolean,
  ctx: ContentScriptContext,
  onChange: (options: OverlayOptions) => void,
): Promise<OverlayOptions> {
  const adapterId = adapterFor(new URL(location.href)).id;
  const listener = (changes: Record<string, { newValue?: unknown }>, area: string) => {
    if (area === 'sync' && SETTINGS_KEY in changes) {
      onChange(toOverlayOptions(changes[SETTINGS_KEY]!.newValue, hostname, onDemand, adapterId));
    }
  };
  browser.storage.onChanged.addListener(listener);
  ctx.onInvalidated(() => browser.storage.onChanged.removeListener(listener));
  const stored = await browser.storage.sync.get(SETTINGS_KEY);
  return toOverlayOptions(stored[SETTINGS_KEY], hostname, onDemand, adapterId);
}

// The listener's settings: one versioned item in `storage.sync`, validated on every read.
//
// How to consume (content script, popup, library, background):
//
//   import { getSettings, watchSettings, isSiteEnabled } from '@/utils/settings';
//   const settings = await getSettings();
//   if (!isSiteEnabled(settings, location.hostname, adapter.id)) return; // leave the page alone
//   const unwatch = watchSettings((next) => rerender(next)); // call unwatch() on ctx invalidation
//
// Every value handed out is complete and valid (unknown or broken fields fall back to defaults),
// so callers never have to check for missing fields.
import './zod-setup';
import { z } from 'zod';
import { storage } from '@wxt-dev/storage';

export const OVERLAY_POSITIONS = ['inline-after', 'inline-before', 'floating-right'] as const;
export type OverlayPosition = (typeof OVERLAY_POSITIONS)[number];
export const THEMES = ['system', 'light', 'dark'] as const;
export type Theme = (typeof THEMES)[number];

export interface Settings {
  /** Supported sites the listener switched off: hostnames (`podcasts.apple.com`) or adapter ids (`apple`). */
  disabledSites: string[];
  /** Where the panel sits relative to the episode: after it, before it, or floating at the right edge. */
  overlayPosition: OverlayPosition;
  /** Panels start collapsed (only the header row) until the listener opens them. */
  collapsedByDefault: boolean;
  /** Clicking a time seeks and plays; false = seek only, leaving play/pause to the listener. */
  playOnClick: boolean;
  theme: Theme;
  /** Origin match patterns (`https://example.com/*`) the listener granted on the options page. */
  enabledSites: string[];
}

export const DEFAULT_SETTINGS: Readonly<Settings> = Object.freeze({
  disabledSites: [],
  overlayPosition: 'inline-after',
  collapsedByDefault: false,
  playOnClick: true,
  theme: 'system',
  enabledSites: [],
});

/** Current version of the stored shape; bump it and add a migration when the shape changes. */
export const SETTINGS_VERSION = 2;

/**
 * Version 1, the shape of the 0.0.x development builds: kept so their stored settings migrate.
 * `position` lacked the floating option, and `seekOnly` was the inverse of today's `playOnClick`.
 */
export interface SettingsV1 {
  disabledSites: string[];
  position: 'after' | 'before';
  collapsed: boolean;
  seekOnly: boolean;
  theme: Theme;
}

/** A granted-origin match pattern: scheme, one host (optionally `*.`-prefixed), any path. */
export const ORIGIN_PATTERN = /^https?:\/\/(\*\.)?[a-z0-9-]+(\.[a-z0-9-]+)*(:\d{1,5})?\/\*$/;

const SiteListSchema = z.array(z.string().min(1).max(253)).max(1_000);

// Each field falls back on its own, so one bad value (a hand-edited sync store, a newer build's
// value read by an older one) does not throw away the rest of the listener's choices.
const SettingsSchema = z.object({
  disabledSites: SiteListSchema.catch(() => [...DEFAULT_SETTINGS.disabledSites]),
  overlayPosition: z.enum(OVERLAY_POSITIONS).catch(DEFAULT_SETTINGS.overlayPosition),
  collapsedByDefault: z.boolean().catch(DEFAULT_SETTINGS.collapsedByDefault),
  playOnClick: z.boolean().catch(DEFAULT_SETTINGS.playOnClick),
  theme: z.enum(THEMES).catch(DEFAULT_SETTINGS.theme),
  enabledSites: z
    .array(z.string().regex(ORIGIN_PATTERN))
    .max(1_000)
    .catch(() => [...DEFAULT_SETTINGS.enabledSites]),
});

/**
 * Turn whatever is stored into complete, valid settings.
 * @example
 * normalizeSettings({ theme: 'neon' }).theme; // 'system'
 */
export function normalizeSettings(raw: unknown): Settings {
  const input = raw !== null && typeof raw === 'object' ? raw : {};
  return SettingsSchema.parse(input);
}

/**
 * v1 → v2: `position` becomes `overlayPosition` (with the `inline-` prefix), `collapsed` becomes
 * `collapsedByDefault`, `seekOnly` is inverted into `playOnClick`, and `enabledSites` starts empty.
 * @example
 * migrateSettingsV1({ disabledSites: [], position: 'before', collapsed: true, seekOnly: true, theme: 'dark' })
 * // { disabledSites: [], overlayPosition: 'inline-before', collapsedByDefault: true, playOnClick: false, theme: 'dark', enabledSites: [] }
 */
export function migrateSettingsV1(old: Partial<SettingsV1> | null | undefined): Settings {
  const v1 = old ?? {};
  return normalizeSettings({
    disabledSites: v1.disabledSites,
    overlayPosition: v1.position === 'before' ? 'inline-before' : 'inline-after',
    collapsedByDefault: v1.collapsed ?? DEFAULT_SETTINGS.collapsedByDefault,
    playOnClick: v1.seekOnly === undefined ? DEFAULT_SETTINGS.playOnClick : !v1.seekOnly,
    theme: v1.theme,
    enabledSites: [],
  });
}

/**
 * Define the storage item. Migrations run when it is defined, so tests call this after seeding
 * storage; product code uses the shared `settingsItem`.
 * @example
 * const item = defineSettingsItem(); await item.getValue();
 */
export function defineSettingsItem() {
  return storage.defineItem<Settings>('sync:settings', {
    fallback: DEFAULT_SETTINGS,
    version: SETTINGS_VERSION,
    migrations: { 2: migrateSettingsV1 },
  });
}

export const settingsItem = defineSettingsItem();

/**
 * The listener's settings, complete and valid.
 * @example
 * const { playOnClick } = await getSettings();
 */
export async function getSettings(): Promise<Settings> {
  return normalizeSettings(await settingsItem.getValue());
}

/**
 * Change some settings, keeping the rest. Returns what was stored.
 * @example
 * await updateSettings({ theme: 'dark' });
 */
export async function updateSettings(patch: Partial<Settings>): Promise<Settings> {
  const next = normalizeSettings({ ...(await getSettings()), ...patch });
  await settingsItem.setValue(next);
  return next;
}

/**
 * Call `callback` with the new settings whenever they change in any context (sync included).
 * Returns the function that stops watching.
 * @example
 * const unwatch = watchSettings((s) => panel.setTheme(s.theme)); ctx.onInvalidated(unwatch);
 */
export function watchSettings(callback: (settings: Settings) => void): () => void {
  return settingsItem.watch((value) => callback(normalizeSettings(value)));
}

/**
 * Whether Stackcast should run on this host: false when the listener disabled it by hostname (a
 * parent domain covers its subdomains) or by the adapter's id.
 * @example
 * isSiteEnabled(settings, 'play.pocketcasts.com', 'pocketcasts'); // false if 'pocketcasts.com' is disabled
 */
export function isSiteEnabled(
  settings: Pick<Settings, 'disabledSites'>,
  hostname: string,
  adapterId?: string,
): boolean {
  const host = hostname.toLowerCase().replace(/\.$/, '');
  return !settings.disabledSites.some((entry) => {
    const disabled = entry.toLowerCase();
    return disabled === adapterId?.toLowerCase() || disabled === host || host.endsWith(`.${disabled}`);
  });
}

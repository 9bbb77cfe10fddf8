// Settings: defaults, validation of whatever is stored, the v1 → v2 migration, watching, site checks.
import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import {
  DEFAULT_SETTINGS,
  SETTINGS_VERSION,
  defineSettingsItem,
  getSettings,
  isSiteEnabled,
  migrateSettingsV1,
  normalizeSettings,
  updateSettings,
  watchSettings,
  type Settings,
  type SettingsV1,
} from '@/utils/settings';

beforeEach(() => {
  fakeBrowser.reset();
});

describe('getSettings', () => {
  it('returns the defaults when nothing is stored', async () => {
    expect(await getSettings()).toEqual(DEFAULT_SETTINGS);
  });

  it('returns a copy: changing it does not change the defaults', async () => {
    const settings = await getSettings();
    settings.disabledSites.push('overcast.fm');
    expect(DEFAULT_SETTINGS.disabledSites).toEqual([]);
  });

  it('keeps good fields and replaces broken ones from a damaged store', async () => {
    await fakeBrowser.storage.sync.set({
      settings: {
        theme: 'dark',
        overlayPosition: 'sideways',
        playOnClick: 'yes',
        enabledSites: ['javascript:alert(1)'],
      },
    });
    const settings = await getSettings();
    expect(settings.theme).toBe('dark');
    expect(settings.overlayPosition).toBe(DEFAULT_SETTINGS.overlayPosition);
    expect(settings.playOnClick).toBe(DEFAULT_SETTINGS.playOnClick);
    expect(settings.enabledSites).toEqual([]);
  });
});

describe('updateSettings', () => {
  it('changes only the given fields and stores them in sync storage', async () => {
    await updateSettings({ theme: 'light', disabledSites: ['podcasts.apple.com'] });
    await updateSettings({ playOnClick: false });
    const { settings } = await fakeBrowser.storage.sync.get('settings');
    expect(settings).toEqual({
      ...DEFAULT_SETTINGS,
      theme: 'light',
      disabledSites: ['podcasts.apple.com'],
      playOnClick: false,
    });
  });

  it('refuses to store an invalid value, falling back for that field', async () => {
    const stored = await updateSettings({ theme: 'neon' as Settings['theme'] });
    expect(stored.theme).toBe('system');
  });
});

describe('migration v1 → v2', () => {
  const v1: SettingsV1 = {
    disabledSites: ['overcast.fm'],
    position: 'before',
    collapsed: true,
    seekOnly: true,
    theme: 'dark',
  };

  it('maps every v1 field onto its v2 meaning', () => {
    expect(migrateSettingsV1(v1)).toEqual({
      disabledSites: ['overcast.fm'],
      overlayPosition: 'inline-before',
      collapsedByDefault: true,
      playOnClick: false,
      theme: 'dark',
      enabledSites: [],
    });
    expect(migrateSettingsV1({ ...v1, position: 'after', seekOnly: false }).overlayPosition).toBe(
      'inline-after',
    );
    expect(migrateSettingsV1({ ...v1, seekOnly: false }).playOnClick).toBe(true);
  });

  it('migrates a stored v1 value when the item is defined, and records the new version', async () => {
    await fakeBrowser.storage.sync.set({ settings: v1, settings$: { v: 1 } });
    const item = defineSettingsItem();
    expect(await item.getValue()).toEqual(migrateSettingsV1(v1));
    const stored = await fakeBrowser.storage.sync.get(['settings', 'settings$']);
    expect(stored.settings$).toEqual({ v: SETTINGS_VERSION });
    expect(stored.settings).toEqual(migrateSettingsV1(v1));
  });

  it('treats an unversioned stored value as v1', async () => {
    await fakeBrowser.storage.sync.set({ settings: { ...v1, seekOnly: false } });
    const item = defineSettingsItem();
    expect((await item.getValue()).playOnClick).toBe(true);
    expect((await fakeBrowser.storage.sync.get('settings$')).settings$).toEqual({ v: SETTINGS_VERSION });
  });

  it('leaves a current v2 value untouched', async () => {
    const v2: Settings = { ...DEFAULT_SETTINGS, theme: 'light', enabledSites: ['https://example.com/*'] };
    await fakeBrowser.storage.sync.set({ settings: v2, settings$: { v: SETTINGS_VERSION } });
    expect(await defineSettingsItem().getValue()).toEqual(v2);
  });

  it('survives a partial v1 value', () => {
    expect(migrateSettingsV1({ theme: 'light' })).toEqual({ ...DEFAULT_SETTINGS, theme: 'light' });
    expect(migrateSettingsV1(null)).toEqual(DEFAULT_SETTINGS);
  });
});

describe('watchSettings', () => {
  it('reports each change, normalised, until unwatched', async () => {
    const seen: Settings[] = [];
    const unwatch = watchSettings((settings) => seen.push(settings));
    await updateSettings({ theme: 'dark' });
    await fakeBrowser.storage.sync.set({ settings: { theme: 'light', playOnClick: 3 } });
    unwatch();
    await updateSettings({ theme: 'system' });
    expect(seen.map((s) => s.theme)).toEqual(['dark', 'light']);
    expect(seen[1]?.playOnClick).toBe(DEFAULT_SETTINGS.playOnClick);
  });
});

describe('isSiteEnabled', () => {
  const settings = normalizeSettings({ disabledSites: ['pocketcasts.com', 'apple', 'Overcast.FM'] });

  it('is true for sites the listener did not disable', () => {
    expect(isSiteEnabled(settings, 'runninginproduction.com', 'runninginproduction')).toBe(true);
    expect(isSiteEnabled(DEFAULT_SETTINGS, 'podcasts.apple.com')).toBe(true);
  });

  it('is false for a disabled hostname and its subdomains, case-insensitively', () => {
    expect(isSiteEnabled(settings, 'pocketcasts.com')).toBe(false);
    expect(isSiteEnabled(settings, 'play.pocketcasts.com')).toBe(false);
    expect(isSiteEnabled(settings, 'overcast.fm.')).toBe(false);
  });

  it('does not treat a look-alike domain as a subdomain', () => {
    expect(isSiteEnabled(settings, 'notpocketcasts.com')).toBe(true);
  });

  it('is false when the adapter id is disabled', () => {
    expect(isSiteEnabled(settings, 'podcasts.apple.com', 'apple')).toBe(false);
  });
});

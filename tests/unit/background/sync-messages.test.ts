// The sync messages: checked by the message schema, answered only for Stackcast's own pages, and turning sync
// on starts a sync while saving unchanged settings does not.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { parseRequest } from '@/utils/messages';
import { syncHandlers } from '@/utils/background/sync-handlers';
import { syncRunner } from '@/utils/background/sync-background';
import {
  DEFAULT_SYNC_SETTINGS,
  NEVER_SYNCED_STATUS,
  readSyncSettings,
} from '@/utils/background/sync-settings';
import { EXTENSION_CALLER, type Caller } from '@/utils/background/caller';

const PAGE: Caller = { kind: 'page', tabId: 3, page: new URL('https://podcast.example/ep/1') };
const SETTINGS = {
  ...DEFAULT_SYNC_SETTINGS,
  serverUrl: 'https://dav.example.test/',
  user: 'ann',
  password: 'secret',
};

beforeEach(() => fakeBrowser.reset());
afterEach(() => vi.restoreAllMocks());

describe('sync messages', () => {
  it('are validated: a wrong type or an oversized field is refused', () => {
    expect(parseRequest({ type: 'sync:save-settings', settings: SETTINGS }).ok).toBe(true);
    expect(parseRequest({ type: 'sync:save-settings', settings: { ...SETTINGS, enabled: 'yes' } }).ok).toBe(
      false,
    );
    expect(
      parseRequest({ type: 'sync:test', settings: { ...SETTINGS, password: 'x'.repeat(5_000) } }).ok,
    ).toBe(false);
  });

  it('are refused to web pages: a page never learns where the library syncs, nor starts a sync', async () => {
    await expect(syncHandlers['sync:get-settings']({ type: 'sync:get-settings' }, PAGE)).rejects.toThrow(
      /own pages/,
    );
    await expect(syncHandlers['sync:now']({ type: 'sync:now' }, PAGE)).rejects.toThrow(/own pages/);
    await expect(
      syncHandlers['sync:save-settings']({ type: 'sync:save-settings', settings: SETTINGS }, PAGE),
    ).rejects.toThrow(/own pages/);
  });

  it('turning sync on stores the settings and starts a sync; saving them again does not', async () => {
    const run = vi.spyOn(syncRunner(), 'run').mockResolvedValue({ ...NEVER_SYNCED_STATUS });
    const on = { ...SETTINGS, enabled: true };
    await syncHandlers['sync:save-settings']({ type: 'sync:save-settings', settings: on }, EXTENSION_CALLER);
    expect(await readSyncSettings()).toEqual(on);
    expect(run.mock.calls).toEqual([['settings']]);
    await syncHandlers['sync:save-settings']({ type: 'sync:save-settings', settings: on }, EXTENSION_CALLER);
    expect(run).toHaveBeenCalledTimes(1);
    await syncHandlers['sync:save-settings'](
      { type: 'sync:save-settings', settings: { ...on, folder: 'Elsewhere' } },
      EXTENSION_CALLER,
    );
    expect(run).toHaveBeenCalledTimes(2);
  });
});

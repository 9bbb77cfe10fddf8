// What starts a sync in the background: a burst of library changes becomes one sync after the debounce, the
// periodic alarm is created once, and the alarms and browser start each ask the runner.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { browser } from 'wxt/browser';
import {
  CHANGE_DEBOUNCE_MS,
  SYNC_ALARM,
  SYNC_PERIOD_MINUTES,
  SYNC_RETRY_ALARM,
  registerSync,
  syncRunner,
} from '@/utils/background/sync-background';
import { NEVER_SYNCED_STATUS } from '@/utils/background/sync-settings';
import { announceLibraryChange } from '@/utils/library/revision';

beforeEach(() => {
  fakeBrowser.reset();
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
  vi.restoreAllMocks();
});

describe('registerSync', () => {
  it('turns a burst of library changes into one sync, after the debounce', async () => {
    const run = vi.spyOn(syncRunner(), 'run').mockResolvedValue({ ...NEVER_SYNCED_STATUS });
    registerSync();
    await announceLibraryChange(['https://example.test/1']);
    await vi.advanceTimersByTimeAsync(CHANGE_DEBOUNCE_MS / 2);
    await announceLibraryChange(['https://example.test/2']);
    await vi.advanceTimersByTimeAsync(CHANGE_DEBOUNCE_MS - 1);
    expect(run).not.toHaveBeenCalled();
    await vi.advanceTimersByTimeAsync(1);
    expect(run.mock.calls).toEqual([['change']]);
  });

  it('creates the periodic alarm, and the alarms and the browser starting each ask for a sync', async () => {
    const run = vi.spyOn(syncRunner(), 'run').mockResolvedValue({ ...NEVER_SYNCED_STATUS });
    registerSync();
    await vi.advanceTimersByTimeAsync(0);
    expect((await browser.alarms.get(SYNC_ALARM))?.periodInMinutes).toBe(SYNC_PERIOD_MINUTES);
    await fakeBrowser.alarms.onAlarm.trigger({ name: SYNC_ALARM, scheduledTime: Date.now() });
    await fakeBrowser.alarms.onAlarm.trigger({ name: SYNC_RETRY_ALARM, scheduledTime: Date.now() });
    await fakeBrowser.alarms.onAlarm.trigger({ name: 'someone-else', scheduledTime: Date.now() });
    await fakeBrowser.runtime.onStartup.trigger();
    expect(run.mock.calls).toEqual([['alarm'], ['alarm'], ['startup']]);
  });
});

// When syncs run: one at a time, only when sync is on (but for "Sync now"), and after a failure not before
// the back-off ends, which doubles per failure up to its cap.
import { describe, expect, it } from 'vitest';
import {
  BACKOFF_BASE_MS,
  BACKOFF_CAP_MS,
  SyncRunner,
  backoffMs,
  type SyncRunnerPorts,
} from '@/utils/background/sync-runner';
import {
  DEFAULT_SYNC_SETTINGS,
  NEVER_SYNCED_STATUS,
  type SyncSettings,
  type SyncStatus,
} from '@/utils/background/sync-settings';

const ON: SyncSettings = { ...DEFAULT_SYNC_SETTINGS, serverUrl: 'https://dav.example.test/', enabled: true };

function ports(settings: SyncSettings, sync: SyncRunnerPorts['sync']) {
  let status: SyncStatus = { ...NEVER_SYNCED_STATUS };
  let clock = Date.UTC(2026, 11, 3, 17);
  const retries: number[] = [];
  const seen: SyncStatus['state'][] = [];
  const fake: SyncRunnerPorts = {
    readSettings: async () => settings,
    readStatus: async () => status,
    writeStatus: async (next) => {
      status = next;
      seen.push(next.state);
    },
    hasChanges: async () => true,
    sync,
    describe: (error) => (error instanceof Error ? error.message : String(error)),
    retryAt: (time) => void retries.push(time),
    now: () => clock,
  };
  return {
    fake,
    retries,
    seen,
    status: () => status,
    advance: (ms: number) => (clock += ms),
  };
}

describe('backoffMs', () => {
  it('doubles from the base per failure and stops at the cap', () => {
    expect([0, 1, 2, 3].map(backoffMs)).toEqual([
      0,
      BACKOFF_BASE_MS,
      2 * BACKOFF_BASE_MS,
      4 * BACKOFF_BASE_MS,
    ]);
    expect(backoffMs(50)).toBe(BACKOFF_CAP_MS);
  });
});

describe('SyncRunner', () => {
  it('records a success with its counts, and a failure with its reason and next try', async () => {
    let fail = false;
    const io = ports(ON, async () => {
      if (fail) throw new Error('The server refused this user name or password.');
      return { sent: 3, received: 2 };
    });
    const runner = new SyncRunner(io.fake);
    const ok = await runner.run('alarm');
    expect(ok).toMatchObject({ state: 'ok', sent: 3, received: 2, error: null, failures: 0 });
    expect(io.seen).toEqual(['running', 'ok']);
    fail = true;
    const failed = await runner.run('now');
    expect(failed).toMatchObject({ state: 'failed', failures: 1, sent: 3, lastSync: ok.lastSync });
    expect(failed.error).toContain('refused');
    expect(io.retries).toEqual([Date.parse(failed.retryAt!)]);
  });

  it('automatic syncs wait out the back-off; Sync now does not', async () => {
    let calls = 0;
    const io = ports(ON, async () => {
      calls++;
      throw new Error('down');
    });
    const runner = new SyncRunner(io.fake);
    await runner.run('alarm');
    await runner.run('alarm');
    await runner.run('change');
    expect(calls).toBe(1);
    await runner.run('now');
    expect(calls).toBe(2);
    expect(io.status().failures).toBe(2);
    io.advance(backoffMs(2));
    await runner.run('alarm');
    expect(calls).toBe(3);
  });

  it('does nothing automatically while sync is off', async () => {
    let calls = 0;
    const io = ports({ ...ON, enabled: false }, async () => {
      calls++;
      return { sent: 0, received: 0 };
    });
    const runner = new SyncRunner(io.fake);
    await runner.run('startup');
    await runner.run('change');
    expect(calls).toBe(0);
    await runner.run('now');
    expect(calls).toBe(1);
  });

  it('runs one sync at a time: asks made meanwhile become one more sync after it', async () => {
    let running = 0;
    let most = 0;
    let calls = 0;
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const io = ports(ON, async () => {
      calls++;
      most = Math.max(most, ++running);
      await gate;
      running--;
      return { sent: 0, received: 0 };
    });
    const runner = new SyncRunner(io.fake);
    const first = runner.run('now');
    const asks = [runner.run('change'), runner.run('alarm'), runner.run('now')];
    release();
    await Promise.all([first, ...asks]);
    expect(most).toBe(1);
    expect(calls).toBe(2);
  });
});

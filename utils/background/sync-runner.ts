// When a sync runs and what it leaves in the status: one at a time, automatic ones only when sync is on and
// the server is not being given a rest after failing, each failure doubling that rest up to a cap.
import type { SyncSettings, SyncStatus } from './sync-settings';

/**
 * Why a sync starts. Only `now` (the listener's button) runs while sync is off; `now` and `settings` (sync
 * just turned on or pointed elsewhere) do not wait out a back-off.
 */
export type SyncReason = 'now' | 'change' | 'startup' | 'alarm' | 'settings';

/** The first wait after a failure; each further failure doubles it. */
export const BACKOFF_BASE_MS = 60_000;
/** The longest wait between automatic tries of a failing server. */
export const BACKOFF_CAP_MS = 60 * 60_000;

/**
 * How long to leave the server alone after `failures` failures in a row.
 * @example
 * backoffMs(1) // 60_000; backoffMs(3) // 240_000; backoffMs(20) // BACKOFF_CAP_MS
 */
export function backoffMs(failures: number): number {
  if (failures <= 0) return 0;
  return Math.min(BACKOFF_BASE_MS * 2 ** Math.min(failures - 1, 30), BACKOFF_CAP_MS);
}

export interface SyncRunnerPorts {
  readSettings(): Promise<SyncSettings>;
  readStatus(): Promise<SyncStatus>;
  writeStatus(status: SyncStatus): Promise<void>;
  /** Whether the library changed since the last sync (a change-triggered sync with nothing to send skips). */
  hasChanges(settings: SyncSettings): Promise<boolean>;
  /** One sync with these settings; throws what went wrong. */
  sync(settings: SyncSettings): Promise<{ sent: number; received: number }>;
  /** The listener's words for a failure. */
  describe(error: unknown): string;
  /** Ask to be woken at this time to try again (an alarm in the extension). */
  retryAt(time: number): void;
  now(): number;
}

/** Settings complete enough to try a sync. */
export function isConfigured(settings: SyncSettings): boolean {
  return settings.serverUrl !== '' && settings.folder !== '';
}

/**
 * Runs syncs one at a time: a sync asked for while one runs waits for it and then runs once more (its
 * changes may have come after the running sync read the library), however many asked meanwhile.
 * @example
 * const runner = new SyncRunner(ports); await runner.run('now');
 */
export class SyncRunner {
  private running: Promise<SyncStatus> | null = null;
  private queued: Promise<SyncStatus> | null = null;

  constructor(private readonly ports: SyncRunnerPorts) {}

  run(reason: SyncReason): Promise<SyncStatus> {
    if (!this.running) {
      this.running = this.attempt(reason).finally(() => (this.running = null));
      return this.running;
    }
    this.queued ??= this.running
      .catch(() => undefined)
      .then(() => {
        this.queued = null;
        return this.run(reason);
      });
    return this.queued;
  }

  private async attempt(reason: SyncReason): Promise<SyncStatus> {
    const { ports } = this;
    const settings = await ports.readSettings();
    const before = await ports.readStatus();
    if (reason !== 'now') {
      if (!settings.enabled || !isConfigured(settings)) return before;
      const resting = before.retryAt !== null && Date.parse(before.retryAt) > ports.now();
      if (resting && reason !== 'settings') return before;
      if (reason === 'change' && !(await ports.hasChanges(settings))) return before;
    }
    await ports.writeStatus({ ...before, state: 'running' });
    try {
      const { sent, received } = await ports.sync(settings);
      const done: SyncStatus = {
        ...before,
        state: 'ok',
        lastSync: new Date(ports.now()).toISOString(),
        lastAttempt: new Date(ports.now()).toISOString(),
        sent,
        received,
        error: null,
        failures: 0,
        retryAt: null,
      };
      await ports.writeStatus(done);
      return done;
    } catch (error) {
      const failures = before.failures + 1;
      const retry = ports.now() + backoffMs(failures);
      const failed: SyncStatus = {
        ...before,
        state: 'failed',
        lastAttempt: new Date(ports.now()).toISOString(),
        error: ports.describe(error),
        failures,
        retryAt: new Date(retry).toISOString(),
      };
      await ports.writeStatus(failed);
      ports.retryAt(retry);
      return failed;
    }
  }
}

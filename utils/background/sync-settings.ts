// Sync settings and status in extension storage. Both live in storage.local, never storage.sync: the
// password and the passphrase stay on this device (docs/privacy.md), and the status is this device's own.
import '@/utils/zod-setup';
import { z } from 'zod';
import { browser } from 'wxt/browser';

export const SYNC_SETTINGS_KEY = 'stackcast:sync-settings';
export const SYNC_STATUS_KEY = 'stackcast:sync-status';

/** What the listener types on the options page. Limits keep a hostile message from storing megabytes. */
export const SyncSettingsSchema = z.object({
  serverUrl: z.string().trim().max(2_000),
  user: z.string().max(500),
  /** Password or app password: sent to the server only, over the connection the address names. */
  password: z.string().max(1_000),
  folder: z.string().trim().max(1_000),
  /** Optional end-to-end encryption: empty means the folder holds plaintext records. */
  passphrase: z.string().max(1_000),
  enabled: z.boolean(),
});
export type SyncSettings = z.infer<typeof SyncSettingsSchema>;

export const DEFAULT_SYNC_SETTINGS: Readonly<SyncSettings> = Object.freeze({
  serverUrl: '',
  user: '',
  password: '',
  folder: 'Stackcast',
  passphrase: '',
  enabled: false,
});

/** How the last sync went, shown on the options page and in the popup. */
export interface SyncStatus {
  /** `running` while a sync is in progress; otherwise how the last one ended (`never`: none yet). */
  state: 'never' | 'running' | 'ok' | 'failed';
  /** When the last successful sync finished (ISO), null before the first. */
  lastSync: string | null;
  /** When the last sync, successful or not, finished (ISO). */
  lastAttempt: string | null;
  /** Episodes the last successful sync sent to and received from the folder. */
  sent: number;
  received: number;
  /** Why the last sync failed, in the listener's words; null when it did not. */
  error: string | null;
  /** Failures in a row: automatic syncs wait longer after each (see sync-runner.ts). */
  failures: number;
  /** No automatic sync before this time (ISO); "Sync now" does not wait. */
  retryAt: string | null;
}

export const NEVER_SYNCED_STATUS: Readonly<SyncStatus> = Object.freeze({
  state: 'never',
  lastSync: null,
  lastAttempt: null,
  sent: 0,
  received: 0,
  error: null,
  failures: 0,
  retryAt: null,
});

/** The stored settings (defaults for anything missing or malformed). */
export async function readSyncSettings(): Promise<SyncSettings> {
  const stored = (await browser.storage.local.get(SYNC_SETTINGS_KEY))[SYNC_SETTINGS_KEY];
  const parsed = SyncSettingsSchema.safeParse({ ...DEFAULT_SYNC_SETTINGS, ...(stored as object) });
  return parsed.success ? parsed.data : { ...DEFAULT_SYNC_SETTINGS };
}

export async function writeSyncSettings(settings: SyncSettings): Promise<void> {
  await browser.storage.local.set({ [SYNC_SETTINGS_KEY]: SyncSettingsSchema.parse(settings) });
}

export async function readSyncStatus(): Promise<SyncStatus> {
  const stored = (await browser.storage.local.get(SYNC_STATUS_KEY))[SYNC_STATUS_KEY];
  return { ...NEVER_SYNCED_STATUS, ...(stored as Partial<SyncStatus> | undefined) };
}

/** Store the status: every page that watches it (options, popup) updates from the storage event. */
export async function writeSyncStatus(status: SyncStatus): Promise<void> {
  await browser.storage.local.set({ [SYNC_STATUS_KEY]: status });
}

/**
 * Call `listener` with each new status; returns the unsubscribe function.
 * @example
 * const stop = watchSyncStatus(setStatus);
 */
export function watchSyncStatus(listener: (status: SyncStatus) => void): () => void {
  const handle = (changes: Record<string, { newValue?: unknown }>, area: string) => {
    const change = changes[SYNC_STATUS_KEY];
    if (area === 'local' && change)
      listener({ ...NEVER_SYNCED_STATUS, ...(change.newValue as Partial<SyncStatus> | undefined) });
  };
  browser.storage.onChanged.addListener(handle);
  return () => browser.storage.onChanged.removeListener(handle);
}

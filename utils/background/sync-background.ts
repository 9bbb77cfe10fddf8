// Sync in the background service worker: the runner wired to the library, the WebDAV folder and storage,
// and what starts it (a library change, debounced; the browser starting; an alarm; the listener's button).
import { browser } from 'wxt/browser';
import { libraryDb } from '../library/db';
import { announceLibraryChange, onLibraryChange } from '../library/revision';
import { LibrarySyncStore } from '../library/sync-store';
import { syncOnce } from '../sync/engine';
import { createWebDavClient } from '../sync/webdav';
import { webDavRemoteFolder } from '../sync/webdav-remote';
import { syncFolderUrl } from '../sync/webdav-connection';
import { WebDavError } from '../sync/webdav-errors';
import { CONNECTION_PROBLEM_MESSAGES } from '../sync/webdav-messages';
import { hasSyncServerAccess } from '../sync/host-permission';
import { t } from '../i18n';
import { SyncRunner } from './sync-runner';
import { readSyncSettings, readSyncStatus, writeSyncStatus, type SyncSettings } from './sync-settings';

/** The periodic sync's alarm, and the one-off alarm that ends a back-off. */
export const SYNC_ALARM = 'stackcast-sync';
export const SYNC_RETRY_ALARM = 'stackcast-sync-retry';
/** Between automatic syncs when nothing else starts one (another device's changes arrive this often). */
export const SYNC_PERIOD_MINUTES = 15;
/** A burst of edits (typing a note, tagging ten episodes) becomes one sync this long after the last. */
export const CHANGE_DEBOUNCE_MS = 5_000;

function storeFor(settings: SyncSettings): LibrarySyncStore {
  const folderUrl = syncFolderUrl(settings);
  if (!folderUrl) throw new Error(t('optionsSyncInvalidUrl'));
  return new LibrarySyncStore(libraryDb(), folderUrl, announceLibraryChange);
}

async function syncWith(settings: SyncSettings): Promise<{ sent: number; received: number }> {
  const local = storeFor(settings);
  if (!(await hasSyncServerAccess(settings.serverUrl))) throw new Error(t('syncNoHostAccess'));
  const client = createWebDavClient({
    folderUrl: local.folderUrl,
    user: settings.user,
    password: settings.password,
  });
  const clock = await local.clock();
  const remote = webDavRemoteFolder(client, { owner: `Stackcast ${clock.device}` });
  try {
    return await syncOnce({ local, remote, clock, passphrase: settings.passphrase || undefined });
  } finally {
    await local.keepClock(clock);
  }
}

/** The listener's words for a failed sync: the server's problem as "Test connection" words it, else the error's. */
export function describeSyncError(error: unknown): string {
  if (error instanceof WebDavError) return t(CONNECTION_PROBLEM_MESSAGES[error.problem]);
  return error instanceof Error ? error.message : String(error);
}

let runner: SyncRunner | undefined;

/** The background's one runner (one sync at a time across every trigger). */
export function syncRunner(): SyncRunner {
  runner ??= new SyncRunner({
    readSettings: readSyncSettings,
    readStatus: readSyncStatus,
    writeStatus: writeSyncStatus,
    hasChanges: (settings) => storeFor(settings).hasChanges(),
    sync: syncWith,
    describe: describeSyncError,
    retryAt: (when) => void browser.alarms.create(SYNC_RETRY_ALARM, { when }),
    now: Date.now,
  });
  return runner;
}

/**
 * Start syncing on its triggers. Call once when the service worker starts.
 * @example
 * registerSync();
 */
export function registerSync(): void {
  const sync = syncRunner();
  browser.runtime.onStartup.addListener(() => void sync.run('startup'));
  browser.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name === SYNC_ALARM || alarm.name === SYNC_RETRY_ALARM) void sync.run('alarm');
  });
  // Creating it again would restart its period each time the service worker wakes.
  void browser.alarms.get(SYNC_ALARM).then((existing) => {
    if (!existing) void browser.alarms.create(SYNC_ALARM, { periodInMinutes: SYNC_PERIOD_MINUTES });
  });
  let debounce: ReturnType<typeof setTimeout> | undefined;
  onLibraryChange(() => {
    clearTimeout(debounce);
    debounce = setTimeout(() => void sync.run('change'), CHANGE_DEBOUNCE_MS);
  });
  // A service worker stopped mid-sync left `running`: that sync did not finish.
  void readSyncStatus().then((status) => {
    if (status.state === 'running')
      void writeSyncStatus({ ...status, state: status.error ? 'failed' : status.lastSync ? 'ok' : 'never' });
  });
}

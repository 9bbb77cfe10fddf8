// The background's answers to the sync messages: Stackcast's own pages only (a web page never learns or
// changes where the library syncs to, nor starts a sync).
import type { Answer, Request } from '../messages';
import { createSyncFolder, testConnection } from '../sync/webdav-connection';
import { syncRunner } from './sync-background';
import { readSyncSettings, readSyncStatus, writeSyncSettings, type SyncSettings } from './sync-settings';
import type { Caller } from './caller';

type SyncRequest = Extract<Request, { type: `sync:${string}` }>;
type SyncHandlers = {
  [K in SyncRequest['type']]: (request: Extract<Request, { type: K }>, caller: Caller) => Promise<Answer<K>>;
};

function ownPagesOnly(caller: Caller): void {
  if (caller.kind !== 'extension') throw new Error("sync is only for Stackcast's own pages");
}

/** A change that makes the next sync a different one: to another folder, as another user, or with a key. */
function changesFolder(before: SyncSettings, after: SyncSettings): boolean {
  return (
    before.serverUrl !== after.serverUrl ||
    before.folder !== after.folder ||
    before.user !== after.user ||
    before.password !== after.password ||
    before.passphrase !== after.passphrase
  );
}

export const syncHandlers: SyncHandlers = {
  async 'sync:status'(_request, caller) {
    ownPagesOnly(caller);
    return readSyncStatus();
  },
  async 'sync:now'(_request, caller) {
    ownPagesOnly(caller);
    return syncRunner().run('now');
  },
  async 'sync:get-settings'(_request, caller) {
    ownPagesOnly(caller);
    return readSyncSettings();
  },
  async 'sync:save-settings'({ settings }, caller) {
    ownPagesOnly(caller);
    const before = await readSyncSettings();
    await writeSyncSettings(settings);
    // Turning sync on, or pointing it elsewhere, syncs at once; the answer does not wait for that sync.
    if (settings.enabled && (!before.enabled || changesFolder(before, settings)))
      void syncRunner().run('settings');
    return settings;
  },
  async 'sync:test'({ settings, createFolder }, caller) {
    ownPagesOnly(caller);
    return createFolder ? createSyncFolder(settings) : testConnection(settings);
  },
};

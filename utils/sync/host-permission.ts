// Host access for the sync server: one origin, asked for when the listener clicks "Test connection", through
// the manifest's optional_host_permissions (https://*/* and http://*/*), never at install time.
import { browser } from 'wxt/browser';
import { originPattern } from './webdav-connection';

/**
 * Ask for the sync server's origin. Call it first thing in the click handler, before any `await`: browsers
 * grant a permission request only inside the user's gesture (Firefox refuses it after an await).
 * Resolves false when the listener declines or the address is not http(s).
 */
export function requestSyncServerAccess(serverUrl: string): Promise<boolean> {
  const pattern = originPattern(serverUrl);
  if (!pattern) return Promise.resolve(false);
  return browser.permissions.request({ origins: [pattern] });
}

/** True when the browser already lets Stackcast reach the sync server (the background checks before a sync). */
export async function hasSyncServerAccess(serverUrl: string): Promise<boolean> {
  const pattern = originPattern(serverUrl);
  return pattern ? browser.permissions.contains({ origins: [pattern] }) : false;
}

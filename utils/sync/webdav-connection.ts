// "Test connection" on the options page: one answer saying exactly what is wrong, or that the folder is ready
// and how the server keeps two devices' writes apart. It writes and removes one small probe file.
import { MANIFEST_PATH } from './layout';
import { WebDavError, type WebDavProblem } from './webdav-errors';
import { probeWriteGuard, type WriteGuard } from './webdav-guard';
import { createWebDavClient, folderUrlOf, type WebDavClient } from './webdav';

/** What the listener typed on the options page. */
export interface SyncServerSettings {
  serverUrl: string;
  folder: string;
  user: string;
  password: string;
}

/**
 * The problems of WebDavProblem, and: `invalid-url` (not an http(s) address); `folder-missing` (the server
 * answers, the folder is not there: offer to create it); `not-a-folder` (the path names a file).
 */
export type ConnectionProblem = WebDavProblem | 'invalid-url' | 'folder-missing' | 'not-a-folder';

export type ConnectionResult =
  | {
      ok: true;
      folderUrl: string;
      writeGuard: WriteGuard;
      /** Files and folders already in the folder (the probe file not counted). */
      entries: number;
      /** The folder holds a Stackcast library: the first sync merges with it. */
      hasLibrary: boolean;
      /** Password and library travel unencrypted over http to a host other than this machine. */
      plainHttp: boolean;
    }
  | { ok: false; problem: ConnectionProblem; folderUrl?: string; status?: number };

const LOOPBACK = /^(localhost|127(?:\.\d{1,3}){3}|\[::1\])$/;

/** True when the password and library would cross a network unencrypted: http to a host not this machine. */
export function sendsInPlainText(url: string): boolean {
  const parsed = new URL(url);
  return parsed.protocol === 'http:' && !LOOPBACK.test(parsed.hostname);
}

/** The sync folder's address, or undefined when the server address is not an http(s) URL. */
export function syncFolderUrl(
  settings: Pick<SyncServerSettings, 'serverUrl' | 'folder'>,
): string | undefined {
  try {
    const url = new URL(settings.serverUrl.trim());
    if (url.protocol !== 'http:' && url.protocol !== 'https:') return undefined;
    if (url.username || url.password) return undefined;
    return folderUrlOf(url.href, settings.folder);
  } catch {
    return undefined;
  }
}

/**
 * The match pattern to request as an optional host permission for the sync server: its scheme and host,
 * without the port (Firefox refuses ports in match patterns; a host's pattern covers all its ports).
 * @example
 * originPattern('https://cloud.example.com:8443/remote.php/dav/files/ann/'); // 'https://cloud.example.com/*'
 */
export function originPattern(serverUrl: string): string | undefined {
  try {
    const url = new URL(serverUrl.trim());
    if (url.protocol !== 'http:' && url.protocol !== 'https:') return undefined;
    return `${url.protocol}//${url.hostname}/*`;
  } catch {
    return undefined;
  }
}

function failure(error: unknown, folderUrl: string): ConnectionResult {
  if (error instanceof WebDavError)
    return { ok: false, problem: error.problem, folderUrl, status: error.status };
  throw error;
}

/** 404 on the folder: is the folder missing, or is the server address itself wrong? */
async function missingFolderOrServer(
  settings: SyncServerSettings,
  folderUrl: string,
): Promise<ConnectionResult> {
  const server = createWebDavClient({
    ...settings,
    folderUrl: folderUrlOf(settings.serverUrl, ''),
    timeoutMs: 15_000,
  });
  try {
    await server.list('', 0);
    return { ok: false, problem: 'folder-missing', folderUrl };
  } catch (error) {
    return failure(error, folderUrl);
  }
}

/**
 * Check the settings against the server: reach it, sign in, find the folder, write and remove a probe file.
 * Never throws for a server's or network's failure; the result names it.
 * @example
 * const result = await testConnection({ serverUrl: 'https://dav.example.com/', folder: 'Stackcast', user, password });
 * if (!result.ok && result.problem === 'folder-missing') await createSyncFolder(settings);
 */
export async function testConnection(
  settings: SyncServerSettings,
  options: { timeoutMs?: number } = {},
): Promise<ConnectionResult> {
  const folderUrl = syncFolderUrl(settings);
  if (!folderUrl) return { ok: false, problem: 'invalid-url' };
  const client: WebDavClient = createWebDavClient({
    ...settings,
    folderUrl,
    timeoutMs: options.timeoutMs ?? 15_000,
  });
  try {
    const [folder] = await client.list('', 0);
    if (folder && !folder.isCollection) return { ok: false, problem: 'not-a-folder', folderUrl };
    const members = (await client.list('', 1)).filter((entry) => entry.path !== '');
    const writeGuard = await probeWriteGuard(client);
    return {
      ok: true,
      folderUrl,
      writeGuard,
      entries: members.length,
      hasLibrary: members.some((entry) => entry.path === MANIFEST_PATH && !entry.isCollection),
      plainHttp: sendsInPlainText(folderUrl),
    };
  } catch (error) {
    if (error instanceof WebDavError && error.problem === 'not-found')
      return missingFolderOrServer(settings, folderUrl);
    return failure(error, folderUrl);
  }
}

/** Create the sync folder (and missing parents) after "Test connection" reported it missing, then test again. */
export async function createSyncFolder(
  settings: SyncServerSettings,
  options: { timeoutMs?: number } = {},
): Promise<ConnectionResult> {
  const folderUrl = syncFolderUrl(settings);
  if (!folderUrl) return { ok: false, problem: 'invalid-url' };
  try {
    await createWebDavClient({ ...settings, folderUrl, timeoutMs: options.timeoutMs ?? 15_000 }).makeFolder(
      '',
    );
  } catch (error) {
    return failure(error, folderUrl);
  }
  return testConnection(settings, options);
}

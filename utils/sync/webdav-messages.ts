// The options page's words for each "Test connection" answer, as message keys so they are translated.
import type { MessageKey } from '../i18n';
import type { ConnectionProblem, ConnectionResult } from './webdav-connection';

/** The message that explains each problem and what to change. */
export const CONNECTION_PROBLEM_MESSAGES: Record<ConnectionProblem, MessageKey> = {
  'invalid-url': 'optionsSyncInvalidUrl',
  unreachable: 'optionsSyncUnreachable',
  tls: 'optionsSyncTls',
  timeout: 'optionsSyncTimeout',
  interrupted: 'optionsSyncInterrupted',
  unauthorized: 'optionsSyncUnauthorized',
  forbidden: 'optionsSyncForbidden',
  'not-found': 'optionsSyncNotFound',
  'folder-missing': 'optionsSyncFolderMissing',
  'not-a-folder': 'optionsSyncNotAFolder',
  conflict: 'optionsSyncConflict',
  'not-webdav': 'optionsSyncNotWebdav',
  stale: 'optionsSyncStale',
  locked: 'optionsSyncLocked',
  'server-full': 'optionsSyncServerFull',
  'server-error': 'optionsSyncServerError',
  'too-large': 'optionsSyncTooLarge',
  unexpected: 'optionsSyncUnexpected',
};

/**
 * The messages to show for a result, most important first: the problem, or "connected" followed by what the
 * listener should know (a library already there, a server that cannot guard writes, plain http).
 * @example
 * connectionMessages(await testConnection(settings)).map((key) => t(key));
 */
export function connectionMessages(result: ConnectionResult): MessageKey[] {
  if (!result.ok) return [CONNECTION_PROBLEM_MESSAGES[result.problem]];
  const keys: MessageKey[] = ['optionsSyncConnected'];
  if (result.hasLibrary) keys.push('optionsSyncHasLibrary');
  if (result.writeGuard === 'none') keys.push('optionsSyncNoWriteGuard');
  if (result.plainHttp) keys.push('optionsSyncPlainHttp');
  return keys;
}

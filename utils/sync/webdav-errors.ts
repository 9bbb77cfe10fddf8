// What went wrong talking to the listener's WebDAV server, in the words "Test connection" and the sync status
// need: each failure is one kind the options page can explain and the engine can act on (retry, back off, stop).

/**
 * - `unreachable`: no answer at all (name not found, connection refused; in a browser also a blocked request).
 * - `tls`: the secure connection failed (certificate not trusted, expired, wrong host; or http spoken to https).
 * - `timeout`: the server took longer than the configured time.
 * - `interrupted`: the connection dropped mid-request; the request may or may not have reached the server.
 * - `unauthorized` (401): wrong user or password. `forbidden` (403): signed in, but no permission there.
 * - `not-found` (404): the folder or file is missing. `conflict` (409): its parent folder is missing.
 * - `not-webdav`: 405/501, or an answer to PROPFIND that is not a multistatus (a web page, not a WebDAV folder).
 * - `stale` (412): the file changed since it was read; the engine reads again, merges and retries.
 * - `locked` (423): another device holds the lock; try again later.
 * - `server-full` (507, or 413 for a request too large). `server-error`: any other 5xx.
 * - `too-large`: the answer is larger than Stackcast accepts. `unexpected`: any other answer.
 */
export type WebDavProblem =
  | 'unreachable'
  | 'tls'
  | 'timeout'
  | 'interrupted'
  | 'unauthorized'
  | 'forbidden'
  | 'not-found'
  | 'conflict'
  | 'not-webdav'
  | 'stale'
  | 'locked'
  | 'server-full'
  | 'server-error'
  | 'too-large'
  | 'unexpected';

/** A failed WebDAV request: the problem's kind, and the method, address and status for logs. */
export class WebDavError extends Error {
  constructor(
    readonly problem: WebDavProblem,
    readonly method: string,
    readonly url: string,
    readonly status?: number,
    options?: { cause?: unknown },
  ) {
    super(`${method} ${url}: ${problem}${status ? ` (HTTP ${status})` : ''}`, options);
    this.name = 'WebDavError';
  }
}

/** The write lost a race: the file's ETag is no longer the one read (412). The engine re-reads and merges. */
export function isStaleWrite(error: unknown): boolean {
  return error instanceof WebDavError && error.problem === 'stale';
}

/** Failures worth retrying later with back-off; the others need the listener to change something. */
export function isTransient(problem: WebDavProblem): boolean {
  return ['unreachable', 'timeout', 'interrupted', 'stale', 'locked', 'server-error'].includes(problem);
}

/** The kind of an HTTP error status. */
export function problemOfStatus(status: number): WebDavProblem {
  if (status === 401) return 'unauthorized';
  if (status === 403) return 'forbidden';
  if (status === 404 || status === 410) return 'not-found';
  if (status === 405 || status === 501) return 'not-webdav';
  if (status === 409) return 'conflict';
  if (status === 412) return 'stale';
  if (status === 423) return 'locked';
  if (status === 507 || status === 413) return 'server-full';
  if (status >= 500) return 'server-error';
  return 'unexpected';
}

const UNREACHABLE_CODES = new Set([
  'ENOTFOUND',
  'EAI_AGAIN',
  'ECONNREFUSED',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'EADDRNOTAVAIL',
  'UND_ERR_CONNECT_TIMEOUT',
]);
const INTERRUPTED_CODES = new Set([
  'ECONNRESET',
  'EPIPE',
  'UND_ERR_SOCKET',
  'UND_ERR_CLOSED',
  'ECONNABORTED',
]);

/** Error codes along the `cause` chain (Node's fetch puts the socket's code two levels down). */
function causeCodes(error: unknown): string[] {
  const codes: string[] = [];
  let current: unknown = error;
  for (let depth = 0; depth < 5 && current && typeof current === 'object'; depth++) {
    const { code, errors, cause } = current as { code?: unknown; errors?: unknown; cause?: unknown };
    if (typeof code === 'string') codes.push(code);
    // Connecting to a name with several addresses fails with an AggregateError of each attempt.
    if (Array.isArray(errors)) codes.push(...errors.flatMap((inner) => causeCodes(inner)));
    current = cause;
  }
  return codes;
}

/**
 * The kind of a request that got no HTTP answer. Node's fetch names the socket error; a browser says only
 * "Failed to fetch" (refused, unknown name, untrusted certificate and missing host permission look the same),
 * which is `unreachable`, and the message for it names the certificate as one possible cause.
 */
export function problemOfNetworkError(error: unknown): WebDavProblem {
  const name = (error as { name?: unknown } | null)?.name;
  if (name === 'TimeoutError') return 'timeout';
  const codes = causeCodes(error);
  if (
    codes.some((code) =>
      /^(ERR_SSL|ERR_TLS|CERT_|EPROTO$)|CERT|SELF_SIGNED|UNABLE_TO_(GET|VERIFY)/.test(code),
    )
  )
    return 'tls';
  if (codes.some((code) => INTERRUPTED_CODES.has(code))) return 'interrupted';
  if (codes.some((code) => UNREACHABLE_CODES.has(code))) return 'unreachable';
  const message = String((error as { message?: unknown } | null)?.message ?? '');
  if (/certificate|ssl|tls/i.test(message)) return 'tls';
  return 'unreachable';
}

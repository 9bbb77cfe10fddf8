// A small WebDAV client over fetch, for the sync folder on the listener's own server: the background service
// worker and the CLI both have fetch, and a full WebDAV library would bring XML and Node dependencies along.
// Paths are relative to the sync folder (`manifest.json`, `shards/3f.json`) and never leave it.
import { WebDavError, problemOfNetworkError, problemOfStatus } from './webdav-errors';
import { isMultistatus, lockTokenOf, parseMultistatus, type MultistatusEntry } from './webdav-xml';

export interface WebDavConfig {
  /** The sync folder's address, e.g. `https://cloud.example.com/remote.php/dav/files/ann/Stackcast/`. */
  folderUrl: string;
  user: string;
  /** Password or app password. */
  password: string;
  /** Per request, answer body included. */
  timeoutMs?: number;
  /** Larger answers are refused: a sync folder holds small JSON files, and a wrong URL may serve a huge one. */
  maxResponseBytes?: number;
}

export const DEFAULT_TIMEOUT_MS = 30_000;
export const DEFAULT_MAX_RESPONSE_BYTES = 64 * 1024 * 1024;

/** A member of the sync folder, path relative to it (`shards/3f.json`; a folder without its trailing `/`). */
export interface WebDavEntry {
  path: string;
  isCollection: boolean;
  etag?: string;
  size?: number;
  lastModified?: Date;
}

export interface WebDavFile {
  body: Uint8Array;
  /** From the GET answer; null when the server sends none (webdav-server 2.6 only lists ETags in PROPFIND). */
  etag: string | null;
}

export interface WriteConditions {
  /** Write only if the file still has this ETag (412 → `stale` otherwise). */
  ifMatch?: string;
  /** Write only if no file is there yet (412 → `stale` otherwise). */
  ifNoneMatch?: boolean;
  /** The token of a LOCK this device holds on the target (servers refuse writes to a locked file without it). */
  lockToken?: string;
}

export interface WebDavLock {
  token: string;
  path: string;
}

export interface WebDavClient {
  readonly folderUrl: string;
  /** The entry itself (depth 0) or it and its direct members (depth 1). A missing path → `not-found`. */
  list(path: string, depth: 0 | 1): Promise<WebDavEntry[]>;
  /** The file, or null when there is none. */
  get(path: string): Promise<WebDavFile | null>;
  put(
    path: string,
    body: Uint8Array | string,
    conditions?: WriteConditions,
  ): Promise<{ etag: string | null }>;
  /** Rename within the folder, replacing the target (the server makes this atomic, unlike a PUT mid-upload). */
  move(from: string, to: string, conditions?: Pick<WriteConditions, 'lockToken'>): Promise<void>;
  /** Remove a file or folder; false when it was already gone. */
  remove(path: string, conditions?: Pick<WriteConditions, 'lockToken'>): Promise<boolean>;
  /** Create a folder and any missing parents (the sync folder itself with path ''). */
  makeFolder(path: string): Promise<void>;
  /** An exclusive write lock; `locked` when another holder has it. Servers may grant a longer timeout. */
  lock(path: string, options: { owner: string; timeoutSeconds: number }): Promise<WebDavLock>;
  unlock(lock: WebDavLock): Promise<void>;
}

/** The folder URL for a server address and a folder typed apart, each folder name percent-encoded. */
export function folderUrlOf(serverUrl: string, folder: string): string {
  const base = new URL(serverUrl.trim());
  const names = folder.split('/').filter((name) => name.trim() !== '');
  const basePath = base.pathname.replace(/\/*$/, '/');
  base.pathname = basePath + names.map((name) => encodeURIComponent(name.trim())).join('/');
  base.search = '';
  base.hash = '';
  return base.href.replace(/\/*$/, '/');
}

/** `Basic` credentials from UTF-8 bytes, so a password with `ä` or `€` is sent as servers decode it. */
export function basicAuthorization(user: string, password: string): string {
  const bytes = new TextEncoder().encode(`${user}:${password}`);
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return `Basic ${btoa(binary)}`;
}

/** The address of a path inside the folder; `..`, `.` and empty names are refused so nothing leaves it. */
function addressOf(folderUrl: string, path: string): string {
  if (path === '') return folderUrl;
  const names = path.replace(/\/$/, '').split('/');
  if (names.some((name) => name === '' || name === '.' || name === '..'))
    throw new Error(`invalid sync path ${JSON.stringify(path)}`);
  return new URL(names.map(encodeURIComponent).join('/'), folderUrl).href;
}

function decodedNames(pathname: string): string[] {
  return pathname
    .split('/')
    .filter(Boolean)
    .map((name) => {
      try {
        return decodeURIComponent(name);
      } catch {
        return name;
      }
    });
}

/** A listed href as a path relative to the folder, or undefined when the server lists something outside it. */
function relativePath(folderUrl: string, href: string): string | undefined {
  const folder = decodedNames(new URL(folderUrl).pathname);
  const target = decodedNames(new URL(href, folderUrl).pathname);
  if (target.length < folder.length || folder.some((name, i) => target[i] !== name)) return undefined;
  return target.slice(folder.length).join('/');
}

const LOCK_BODY = (owner: string): string =>
  '<?xml version="1.0" encoding="utf-8"?><D:lockinfo xmlns:D="DAV:"><D:lockscope><D:exclusive/></D:lockscope>' +
  `<D:locktype><D:write/></D:locktype><D:owner>${owner.replace(/[<>&]/g, '')}</D:owner></D:lockinfo>`;

const PROPFIND_BODY =
  '<?xml version="1.0" encoding="utf-8"?><D:propfind xmlns:D="DAV:"><D:prop><D:resourcetype/><D:getetag/>' +
  '<D:getcontentlength/><D:getlastmodified/></D:prop></D:propfind>';

/** A client for one sync folder. */
export function createWebDavClient(config: WebDavConfig): WebDavClient {
  const folderUrl = config.folderUrl.replace(/\/*$/, '/');
  const authorization = basicAuthorization(config.user, config.password);
  const timeoutMs = config.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const maxBytes = config.maxResponseBytes ?? DEFAULT_MAX_RESPONSE_BYTES;

  interface Answer {
    status: number;
    headers: Headers;
    body: Uint8Array;
  }

  /** One request: an HTTP error becomes a WebDavError unless its status is one the caller expects. */
  async function request(
    method: string,
    url: string,
    init: { headers?: Record<string, string>; body?: Uint8Array | string; accept?: number[] } = {},
  ): Promise<Answer> {
    const signal = AbortSignal.timeout(timeoutMs);
    let response: Response;
    try {
      response = await fetch(url, {
        method,
        headers: { Authorization: authorization, ...init.headers },
        body: init.body as BodyInit | undefined,
        signal,
        // The browser's HTTP cache must never answer for the server: a cached manifest is a lost update.
        cache: 'no-store',
        credentials: 'omit',
      });
    } catch (error) {
      throw new WebDavError(problemOfNetworkError(error), method, url, undefined, { cause: error });
    }
    const body = await readCapped(response, method, url);
    if (!response.ok && !init.accept?.includes(response.status))
      throw new WebDavError(problemOfStatus(response.status), method, url, response.status);
    return { status: response.status, headers: response.headers, body };
  }

  /** The answer body, refused past the size cap before and while it streams in. */
  async function readCapped(response: Response, method: string, url: string): Promise<Uint8Array> {
    const declared = Number(response.headers.get('content-length') ?? 0);
    if (declared > maxBytes) {
      await response.body?.cancel().catch(() => undefined);
      throw new WebDavError('too-large', method, url, response.status);
    }
    const chunks: Uint8Array[] = [];
    let total = 0;
    try {
      const reader = response.body?.getReader();
      for (let part = await reader?.read(); part && !part.done; part = await reader!.read()) {
        total += part.value.byteLength;
        if (total > maxBytes) {
          await reader!.cancel().catch(() => undefined);
          throw new WebDavError('too-large', method, url, response.status);
        }
        chunks.push(part.value);
      }
    } catch (error) {
      if (error instanceof WebDavError) throw error;
      throw new WebDavError(problemOfNetworkError(error), method, url, response.status, { cause: error });
    }
    const body = new Uint8Array(total);
    let offset = 0;
    for (const chunk of chunks) {
      body.set(chunk, offset);
      offset += chunk.byteLength;
    }
    return body;
  }

  function writeHeaders(conditions: WriteConditions = {}, target?: string): Record<string, string> {
    const headers: Record<string, string> = {};
    if (conditions.ifMatch) headers['If-Match'] = conditions.ifMatch;
    if (conditions.ifNoneMatch) headers['If-None-Match'] = '*';
    // A tagged list (`<url> (<token>)`): webdav-server 2.6 crashes on the untagged form `(<token>)`.
    if (conditions.lockToken && target) headers.If = `<${target}> (<${conditions.lockToken}>)`;
    return headers;
  }

  async function list(path: string, depth: 0 | 1): Promise<WebDavEntry[]> {
    const url = addressOf(folderUrl, path);
    const answer = await request('PROPFIND', depth === 1 ? url.replace(/\/*$/, '/') : url, {
      headers: { Depth: String(depth), 'Content-Type': 'application/xml; charset=utf-8' },
      body: PROPFIND_BODY,
    });
    const xml = new TextDecoder().decode(answer.body);
    if (answer.status !== 207 || !isMultistatus(xml))
      throw new WebDavError('not-webdav', 'PROPFIND', url, answer.status);
    return parseMultistatus(xml).flatMap(({ href, ...properties }: MultistatusEntry) => {
      const relative = relativePath(folderUrl, href);
      return relative === undefined ? [] : [{ ...properties, path: relative }];
    });
  }

  async function makeFolder(path: string): Promise<void> {
    const url = addressOf(folderUrl, path).replace(/\/*$/, '/');
    // 405: it exists already. 409: a parent is missing, so make that first (up to the server's root).
    const answer = await request('MKCOL', url, { accept: [405, 409] });
    if (answer.status === 405) return;
    if (answer.status === 409) {
      const parent = new URL('..', url).href;
      if (parent === url || !parent.startsWith(new URL('/', url).href) || new URL(parent).pathname === '/')
        throw new WebDavError('conflict', 'MKCOL', url, 409);
      await createWebDavClient({ ...config, folderUrl: parent }).makeFolder('');
      await request('MKCOL', url, { accept: [405] });
    }
  }

  return {
    folderUrl,
    list,
    async get(path) {
      const answer = await request('GET', addressOf(folderUrl, path), { accept: [404] });
      if (answer.status === 404) return null;
      return { body: answer.body, etag: answer.headers.get('etag') };
    },
    async put(path, body, conditions) {
      const url = addressOf(folderUrl, path);
      const answer = await request('PUT', url, { headers: writeHeaders(conditions, url), body });
      return { etag: answer.headers.get('etag') };
    },
    async move(from, to, conditions) {
      const url = addressOf(folderUrl, from);
      const destination = addressOf(folderUrl, to);
      await request('MOVE', url, {
        headers: { Destination: destination, Overwrite: 'T', ...writeHeaders(conditions, destination) },
      });
    },
    async remove(path, conditions) {
      const url = addressOf(folderUrl, path);
      const answer = await request('DELETE', url, { headers: writeHeaders(conditions, url), accept: [404] });
      return answer.status !== 404;
    },
    makeFolder,
    async lock(path, { owner, timeoutSeconds }) {
      const url = addressOf(folderUrl, path);
      const answer = await request('LOCK', url, {
        headers: {
          Depth: '0',
          Timeout: `Second-${timeoutSeconds}`,
          'Content-Type': 'application/xml; charset=utf-8',
        },
        body: LOCK_BODY(owner),
      });
      // RFC 4918 wraps the token in <>; webdav-server 2.6 sends it bare. The body has it either way.
      const header = answer.headers.get('lock-token')?.trim().replace(/^<|>$/g, '');
      const token = header || lockTokenOf(new TextDecoder().decode(answer.body));
      if (!token) throw new WebDavError('not-webdav', 'LOCK', url, answer.status);
      return { token, path };
    },
    async unlock({ token, path }) {
      const url = addressOf(folderUrl, path);
      // An expired or already released lock is no longer held either way.
      await request('UNLOCK', url, { headers: { 'Lock-Token': `<${token}>` }, accept: [409, 412] });
    },
  };
}

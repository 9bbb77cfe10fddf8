// The failures a sync server shows in real life, staged on 127.0.0.1: a cut upload, a stale ETag, a slow or
// closed server, refusals, a web page where WebDAV was expected, TLS spoken to plain HTTP, a huge answer.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { afterEach, describe, expect, it } from 'vitest';
import { PreconditionFailedError } from '../../../utils/sync/ports';
import { createWebDavClient, type WebDavConfig } from '../../../utils/sync/webdav';
import { WebDavError, isStaleWrite, type WebDavProblem } from '../../../utils/sync/webdav-errors';
import { webDavRemoteFolder } from '../../../utils/sync/webdav-remote';
import {
  freePort,
  startConditionalServer,
  startCuttingProxy,
  startFaultServer,
  startWebDavServer,
  type FaultHandler,
} from '../../fixtures/webdav-servers';

const stops: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const stop of stops.splice(0)) await stop();
});

async function serve(handler: FaultHandler): Promise<string> {
  const server = await startFaultServer(handler);
  stops.push(server.stop);
  return server.url;
}

function client(folderUrl: string, options: Partial<WebDavConfig> = {}) {
  return createWebDavClient({ folderUrl, user: 'ann', password: 'secret', ...options });
}

async function problemOf(attempt: Promise<unknown>): Promise<WebDavProblem | 'none'> {
  try {
    await attempt;
    return 'none';
  } catch (error) {
    if (error instanceof WebDavError) return error.problem;
    throw error;
  }
}

/** Answers every request with this status (and reads the body first, as a server does). */
function status(code: number): FaultHandler {
  return (request: IncomingMessage, response: ServerResponse) => {
    request.resume();
    request.on('end', () => response.writeHead(code).end());
  };
}

describe('a request the server refuses', () => {
  it.each([
    [401, 'unauthorized'],
    [403, 'forbidden'],
    [404, 'not-found'],
    [405, 'not-webdav'],
    [409, 'conflict'],
    [412, 'stale'],
    [423, 'locked'],
    [501, 'not-webdav'],
    [507, 'server-full'],
    [500, 'server-error'],
    [503, 'server-error'],
  ] as const)('HTTP %i is %s', async (code, problem) => {
    const url = await serve(status(code));
    expect(await problemOf(client(url).put('manifest.json', '{}'))).toBe(problem);
  });

  it('a stale If-Match is a typed error the engine retries on', async () => {
    const url = await serve(status(412));
    const error = await client(url)
      .put('manifest.json', '{}', { ifMatch: '"old"' })
      .catch((caught: unknown) => caught);
    expect(isStaleWrite(error)).toBe(true);
  });

  it('a web page answering PROPFIND is not a WebDAV server', async () => {
    const url = await serve((request, response) => {
      request.resume();
      response.writeHead(200, { 'Content-Type': 'text/html' }).end('<!doctype html><title>Welcome</title>');
    });
    expect(await problemOf(client(url).list('', 1))).toBe('not-webdav');
  });
});

describe('a server that does not answer', () => {
  it('a closed port is unreachable', async () => {
    const port = await freePort();
    expect(await problemOf(client(`http://127.0.0.1:${port}/`).list('', 0))).toBe('unreachable');
  });

  it('a server slower than the configured timeout is a timeout, before the answer or mid-body', async () => {
    const silent = await serve((request) => request.resume());
    expect(await problemOf(client(silent, { timeoutMs: 150 }).get('manifest.json'))).toBe('timeout');
    const trickle = await serve((request, response) => {
      request.resume();
      response.writeHead(200, { 'Content-Type': 'application/json' });
      response.write('{"started":');
    });
    expect(await problemOf(client(trickle, { timeoutMs: 150 }).get('manifest.json'))).toBe('timeout');
  });

  it('https spoken to a plain-HTTP port is a TLS failure', async () => {
    const url = await serve(status(200));
    expect(await problemOf(client(url.replace('http:', 'https:')).list('', 0))).toBe('tls');
  });

  it('a connection dropped halfway through an upload is interrupted', async () => {
    const url = await serve((request) => {
      let received = 0;
      request.on('data', (chunk: Buffer) => {
        received += chunk.length;
        if (received > 64 * 1024) request.socket.destroy();
      });
    });
    const body = new Uint8Array(4 * 1024 * 1024).fill(0x61);
    expect(await problemOf(client(url).put('shards/00.json', body))).toBe('interrupted');
  });
});

describe('an answer too large to be a sync file', () => {
  it('is refused by its declared length and while it streams', async () => {
    const declared = await serve((request, response) => {
      request.resume();
      response.writeHead(200, { 'Content-Length': 4096 }).end(Buffer.alloc(4096));
    });
    expect(await problemOf(client(declared, { maxResponseBytes: 1024 }).get('manifest.json'))).toBe(
      'too-large',
    );
    const chunked = await serve((request, response) => {
      request.resume();
      response.writeHead(200);
      for (let i = 0; i < 8; i++) response.write(Buffer.alloc(512));
      response.end();
    });
    expect(await problemOf(client(chunked, { maxResponseBytes: 1024 }).get('manifest.json'))).toBe(
      'too-large',
    );
  });
});

describe('a sync cut mid-upload', () => {
  it('leaves the last good manifest on a real server, and the next try succeeds', async () => {
    const server = await startWebDavServer();
    stops.push(server.stop);
    let cutting = true;
    const proxy = await startCuttingProxy(server.url, (request) => cutting && request.method === 'PUT');
    stops.push(proxy.stop);
    const direct = webDavRemoteFolder(client(server.url, server), { owner: 'laptop' });
    await direct.write('manifest.json', 'good', { ifNoneMatch: '*' });
    const good = await direct.read('manifest.json');

    const cut = webDavRemoteFolder(client(proxy.url, server), { owner: 'desktop', guard: 'lock' });
    const next = `{"library":"${'x'.repeat(256 * 1024)}"}`;
    expect(await problemOf(cut.write('manifest.json', next, { ifMatch: good!.etag! }))).toBe('interrupted');
    expect(proxy.cuts).toBe(1);
    expect((await direct.read('manifest.json'))!.text).toBe('good');

    cutting = false;
    await cut.write('manifest.json', next, { ifMatch: good!.etag! });
    expect((await direct.read('manifest.json'))!.text).toBe(next);
  });
});

describe('a server that honours If-Match (Apache mod_dav, Nextcloud)', () => {
  it('is probed as if-match, and a stale write fails as the engine expects', async () => {
    const server = await startConditionalServer();
    stops.push(server.stop);
    const laptop = webDavRemoteFolder(client(server.url), { owner: 'laptop' });
    const desktop = webDavRemoteFolder(client(server.url), { owner: 'desktop' });
    const { etag } = await laptop.write('manifest.json', 'base', { ifNoneMatch: '*' });
    expect(await laptop.writeGuard()).toBe('if-match');
    expect(etag).toBeTruthy();
    const [a, b] = await Promise.all([laptop.read('manifest.json'), desktop.read('manifest.json')]);
    expect(a).toEqual({ text: 'base', etag });
    await desktop.write('manifest.json', 'desktop', { ifMatch: b!.etag! });
    await expect(laptop.write('manifest.json', 'laptop', { ifMatch: a!.etag! })).rejects.toBeInstanceOf(
      PreconditionFailedError,
    );
    await expect(laptop.write('manifest.json', 'again', { ifNoneMatch: '*' })).rejects.toBeInstanceOf(
      PreconditionFailedError,
    );
    expect((await laptop.read('manifest.json'))!.text).toBe('desktop');
  });
});

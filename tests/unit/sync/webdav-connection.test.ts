// "Test connection" against a real webdav-server and staged refusals, and the addresses and credentials the
// options page derives from what the listener typed.
import { Buffer } from 'node:buffer';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { basicAuthorization, createWebDavClient, folderUrlOf } from '../../../utils/sync/webdav';
import {
  createSyncFolder,
  originPattern,
  sendsInPlainText,
  syncFolderUrl,
  testConnection,
} from '../../../utils/sync/webdav-connection';
import { problemOfNetworkError } from '../../../utils/sync/webdav-errors';
import { startFaultServer, startWebDavServer, type RunningWebDav } from '../../fixtures/webdav-servers';

describe('addresses from what the listener typed', () => {
  it('joins the server address and the folder, each folder name encoded', () => {
    expect(folderUrlOf('https://cloud.example.com/remote.php/dav/files/ann', 'Stackcast')).toBe(
      'https://cloud.example.com/remote.php/dav/files/ann/Stackcast/',
    );
    expect(folderUrlOf('https://dav.example.com/', '/Podcasts / Stack cast/ é#1/')).toBe(
      'https://dav.example.com/Podcasts/Stack%20cast/%C3%A9%231/',
    );
    expect(folderUrlOf('http://127.0.0.1:8080/dav/?x=1', '')).toBe('http://127.0.0.1:8080/dav/');
  });

  it('refuses addresses that are not http(s), or carry credentials', () => {
    expect(syncFolderUrl({ serverUrl: 'ftp://files.example.com/', folder: 'x' })).toBeUndefined();
    expect(syncFolderUrl({ serverUrl: 'cloud.example.com', folder: 'x' })).toBeUndefined();
    expect(syncFolderUrl({ serverUrl: 'https://ann:pw@cloud.example.com/', folder: 'x' })).toBeUndefined();
  });

  it('asks permission for the server origin only, without a port (a host pattern covers every port)', () => {
    expect(originPattern('https://cloud.example.com:8443/remote.php/dav/files/ann/')).toBe(
      'https://cloud.example.com/*',
    );
    expect(originPattern(' http://127.0.0.1:41234/dav ')).toBe('http://127.0.0.1/*');
    expect(originPattern('http://[::1]:8080/')).toBe('http://[::1]/*');
    expect(originPattern('file:///home/ann')).toBeUndefined();
    expect(originPattern('not an address')).toBeUndefined();
  });

  it('warns of plain http to another machine, not to this one', () => {
    expect(sendsInPlainText('http://nas.local/dav/')).toBe(true);
    expect(sendsInPlainText('http://localhost:8080/dav/')).toBe(false);
    expect(sendsInPlainText('https://nas.local/dav/')).toBe(false);
  });

  it('sends Basic credentials as UTF-8 bytes', () => {
    expect(basicAuthorization('ann', 'pässwörd-€')).toBe(
      `Basic ${Buffer.from('ann:pässwörd-€', 'utf8').toString('base64')}`,
    );
  });
});

describe('network failures without an HTTP answer', () => {
  it.each([
    [{ cause: { code: 'ENOTFOUND' } }, 'unreachable'],
    [{ cause: { errors: [{ code: 'ECONNREFUSED' }, { code: 'ECONNREFUSED' }] } }, 'unreachable'],
    [{ cause: { code: 'CERT_HAS_EXPIRED' } }, 'tls'],
    [{ cause: { code: 'DEPTH_ZERO_SELF_SIGNED_CERT' } }, 'tls'],
    [{ cause: { code: 'ERR_TLS_CERT_ALTNAME_INVALID' } }, 'tls'],
    [{ cause: { cause: { code: 'ECONNRESET' } } }, 'interrupted'],
    [{ name: 'TimeoutError' }, 'timeout'],
    // A browser says only this, whatever the cause.
    [new TypeError('Failed to fetch'), 'unreachable'],
  ])('%o is %s', (error, problem) => {
    expect(problemOfNetworkError(error)).toBe(problem);
  });
});

describe('testConnection', () => {
  let server: RunningWebDav;
  const settings = (folder: string, password?: string) => ({
    serverUrl: server.url,
    folder,
    user: server.user,
    password: password ?? server.password,
  });

  beforeAll(async () => {
    server = await startWebDavServer();
  });
  afterAll(async () => {
    await server.stop();
  });

  it('offers to create a missing folder, creates it, and then finds it ready and empty', async () => {
    const missing = await testConnection(settings('Stackcast/laptop'));
    expect(missing).toMatchObject({ ok: false, problem: 'folder-missing' });
    const created = await createSyncFolder(settings('Stackcast/laptop'));
    expect(created).toEqual({
      ok: true,
      folderUrl: `${server.url}Stackcast/laptop/`,
      writeGuard: 'lock',
      entries: 0,
      hasLibrary: false,
      plainHttp: false,
    });
  });

  it('sees a library already in the folder (the first sync will merge with it)', async () => {
    await createSyncFolder(settings('Shared'));
    const folder = createWebDavClient({
      ...settings('Shared'),
      folderUrl: folderUrlOf(server.url, 'Shared'),
    });
    await folder.put('manifest.json', '{}');
    expect(await testConnection(settings('Shared'))).toMatchObject({
      ok: true,
      entries: 1,
      hasLibrary: true,
    });
  });

  it('says which setting is wrong: password, address, or a file where the folder should be', async () => {
    expect(await testConnection(settings('Shared', 'wrong'))).toMatchObject({
      ok: false,
      problem: 'unauthorized',
      status: 401,
    });
    expect(await testConnection({ ...settings('x'), serverUrl: 'dav.example.com' })).toEqual({
      ok: false,
      problem: 'invalid-url',
    });
    expect(await testConnection(settings('Shared/manifest.json'))).toMatchObject({
      ok: false,
      problem: 'not-a-folder',
    });
  });

  it('tells a wrong server address (404 everywhere) from a missing folder', async () => {
    const nowhere = await startFaultServer((request, response) => {
      request.resume();
      response.writeHead(404).end();
    });
    try {
      expect(await testConnection({ ...settings('Stackcast'), serverUrl: nowhere.url })).toMatchObject({
        ok: false,
        problem: 'not-found',
      });
    } finally {
      await nowhere.stop();
    }
  });

  it('reports a read-only folder as no permission', async () => {
    const readOnly = await startFaultServer((request, response) => {
      request.resume();
      if (request.method !== 'PROPFIND') return void response.writeHead(403).end();
      const xml =
        '<d:multistatus xmlns:d="DAV:"><d:response><d:href>/Stackcast/</d:href><d:propstat><d:prop>' +
        '<d:resourcetype><d:collection/></d:resourcetype></d:prop><d:status>HTTP/1.1 200 OK</d:status>' +
        '</d:propstat></d:response></d:multistatus>';
      response.writeHead(207, { 'Content-Type': 'application/xml' }).end(xml);
    });
    try {
      expect(await testConnection({ ...settings('Stackcast'), serverUrl: readOnly.url })).toMatchObject({
        ok: false,
        problem: 'forbidden',
        status: 403,
      });
    } finally {
      await readOnly.stop();
    }
  });
});

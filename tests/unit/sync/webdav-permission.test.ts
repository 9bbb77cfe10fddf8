// The sync server's host access (one origin, requested on "Test connection") and the words for each answer.
import { readFileSync } from 'node:fs';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { hasSyncServerAccess, requestSyncServerAccess } from '../../../utils/sync/host-permission';
import { CONNECTION_PROBLEM_MESSAGES, connectionMessages } from '../../../utils/sync/webdav-messages';

beforeEach(() => {
  fakeBrowser.reset();
  vi.restoreAllMocks();
});

describe('host access for the sync server', () => {
  it('requests exactly the server origin, and nothing for an address that is not http(s)', async () => {
    const request = vi.spyOn(fakeBrowser.permissions, 'request').mockResolvedValue(true);
    expect(await requestSyncServerAccess('https://cloud.example.com:8443/remote.php/dav/files/ann/')).toBe(
      true,
    );
    expect(request).toHaveBeenCalledWith({ origins: ['https://cloud.example.com/*'] });
    expect(await requestSyncServerAccess('ftp://files.example.com/')).toBe(false);
    expect(request).toHaveBeenCalledTimes(1);
  });

  it('checks the origin the browser holds', async () => {
    const granted = new Set(['http://127.0.0.1/*']);
    vi.spyOn(fakeBrowser.permissions, 'contains').mockImplementation(async (p) =>
      (p.origins ?? []).every((origin) => granted.has(origin)),
    );
    expect(await hasSyncServerAccess('http://127.0.0.1:41234/dav/')).toBe(true);
    expect(await hasSyncServerAccess('https://127.0.0.1/dav/')).toBe(false);
    expect(await hasSyncServerAccess('mailto:ann@example.com')).toBe(false);
  });
});

describe('the words for a Test connection answer', () => {
  const english = JSON.parse(
    readFileSync(new URL('../../../public/_locales/en/messages.json', import.meta.url), 'utf8'),
  ) as Record<string, { message: string }>;

  it('gives each problem its own message', () => {
    const keys = Object.values(CONNECTION_PROBLEM_MESSAGES);
    expect(new Set(keys).size).toBe(keys.length);
    for (const key of keys) expect(english[key]?.message).toBeTruthy();
  });

  it('adds what the listener should know to a success', () => {
    const base = { ok: true as const, folderUrl: 'https://dav.example.com/S/', entries: 0 };
    expect(
      connectionMessages({ ...base, writeGuard: 'if-match', hasLibrary: false, plainHttp: false }),
    ).toEqual(['optionsSyncConnected']);
    expect(connectionMessages({ ...base, writeGuard: 'none', hasLibrary: true, plainHttp: true })).toEqual([
      'optionsSyncConnected',
      'optionsSyncHasLibrary',
      'optionsSyncNoWriteGuard',
      'optionsSyncPlainHttp',
    ]);
    expect(connectionMessages({ ok: false, problem: 'unauthorized', status: 401 })).toEqual([
      'optionsSyncUnauthorized',
    ]);
  });
});

// Enabled sites: parsing what the listener types, registering the main content script for a granted
// origin, and keeping registrations in step with the permissions the browser holds.
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import {
  forgetSite,
  hostOfPattern,
  isSupportedHost,
  reconcileSiteAccess,
  rememberSite,
  scriptIdFor,
  siteFromInput,
  supportedHosts,
} from '@/utils/site-access';
import { getSettings, updateSettings } from '@/utils/settings';

const manifest = {
  manifest_version: 3,
  name: 'Stackcast',
  version: '0.1.0',
  content_scripts: [
    {
      matches: [
        '*://runninginproduction.com/*',
        '*://www.runninginproduction.com/*',
        'https://*.pocketcasts.com/*',
        '*://play.pocketcasts.com/*',
        'https://overcast.fm/*',
      ],
      js: ['content-scripts/content.js'],
      css: ['content-scripts/content.css'],
    },
  ],
};

interface Registered {
  id: string;
  matches?: string[];
  js?: string[];
  css?: string[];
  persistAcrossSessions?: boolean;
}

/** In-memory scripting + permissions: the fake browser does not implement them. */
function fakeScriptingAndPermissions(granted: Set<string>) {
  const registered = new Map<string, Registered>();
  vi.spyOn(fakeBrowser.runtime, 'getManifest').mockReturnValue(manifest as never);
  Object.assign(fakeBrowser.scripting, {
    getRegisteredContentScripts: vi.fn(async (filter?: { ids?: string[] }) =>
      [...registered.values()].filter((s) => !filter?.ids || filter.ids.includes(s.id)),
    ),
    registerContentScripts: vi.fn(async (scripts: Registered[]) => {
      for (const s of scripts) {
        if (registered.has(s.id)) throw new Error(`Duplicate script ID '${s.id}'`);
        registered.set(s.id, s);
      }
    }),
    updateContentScripts: vi.fn(async (scripts: Registered[]) => {
      for (const s of scripts) registered.set(s.id, { ...registered.get(s.id), ...s });
    }),
    unregisterContentScripts: vi.fn(async (filter: { ids: string[] }) => {
      for (const id of filter.ids) registered.delete(id);
    }),
  });
  vi.spyOn(fakeBrowser.permissions, 'contains').mockImplementation(async (p) =>
    (p.origins ?? []).every((o) => granted.has(o)),
  );
  return registered;
}

beforeEach(() => {
  fakeBrowser.reset();
  vi.restoreAllMocks();
});

describe('siteFromInput', () => {
  it.each([
    ['example.com', 'https://example.com/*', 'example.com'],
    ['  https://www.example.com/podcast/ep-1?x=1#t=10 ', 'https://www.example.com/*', 'www.example.com'],
    ['http://localhost', 'http://localhost/*', 'localhost'],
    ['EXAMPLE.org', 'https://example.org/*', 'example.org'],
    ['show.co.uk', 'https://show.co.uk/*', 'show.co.uk'],
    ['https://example.com/a:b', 'https://example.com/*', 'example.com'],
  ])('reads %j as %s', (input, pattern, host) => {
    expect(siteFromInput(input)).toEqual({ ok: true, value: { pattern, host } });
  });

  it.each([
    ['', 'invalid'],
    ['podcast', 'invalid'],
    ['exa mple.com', 'invalid'],
    ['https://user:pw@example.com', 'invalid'],
    ['-example.com', 'invalid'],
    ['javascript:alert(1)', 'scheme'],
    ['file:///etc/passwd', 'scheme'],
    ['ftp://example.com', 'scheme'],
    ['chrome://settings', 'scheme'],
    ['about:blank', 'scheme'],
    ['data:text/html,hi', 'scheme'],
    ['<all_urls>', 'wildcard'],
    ['*://*/*', 'wildcard'],
    ['https://*/*', 'wildcard'],
    ['*.com', 'wildcard'],
    ['*.example.com', 'wildcard'],
    ['exa*mple.com', 'wildcard'],
    ['%2A.example.com', 'wildcard'],
    ['http://localhost:8080', 'port'],
    ['example.com:8080', 'port'],
    ['https://example.com:443', 'port'],
    ['co.uk', 'suffix'],
  ])('refuses %j (%s)', (input, reason) => {
    expect(siteFromInput(input)).toEqual({ ok: false, reason });
  });

  it('round-trips the host for display', () => {
    expect(hostOfPattern('https://www.example.com/*')).toBe('www.example.com');
  });
});

describe('supported hosts', () => {
  it('lists one entry per site: no wildcards, www. or subdomains of a listed site', () => {
    expect(supportedHosts(manifest as never)).toEqual([
      'overcast.fm',
      'pocketcasts.com',
      'runninginproduction.com',
    ]);
  });

  it('treats subdomains of a supported host as supported', () => {
    const hosts = supportedHosts(manifest as never);
    expect(isSupportedHost('play.pocketcasts.com', hosts)).toBe(true);
    expect(isSupportedHost('example.com', hosts)).toBe(false);
  });
});

describe('rememberSite / forgetSite', () => {
  it('registers the main content script (same js and css) for the granted origin and stores the site', async () => {
    const registered = fakeScriptingAndPermissions(new Set(['https://example.com/*']));
    await rememberSite('https://example.com/*');
    expect(registered.get(scriptIdFor('https://example.com/*'))).toMatchObject({
      matches: ['https://example.com/*'],
      js: ['content-scripts/content.js'],
      css: ['content-scripts/content.css'],
      persistAcrossSessions: true,
    });
    expect((await getSettings()).enabledSites).toEqual(['https://example.com/*']);
  });

  it('is idempotent: enabling twice keeps one registration and one entry', async () => {
    const registered = fakeScriptingAndPermissions(new Set(['https://example.com/*']));
    await rememberSite('https://example.com/*');
    await rememberSite('https://example.com/*');
    expect(registered.size).toBe(1);
    expect((await getSettings()).enabledSites).toEqual(['https://example.com/*']);
  });

  it('forgetting a site unregisters its script and drops it from the settings', async () => {
    const registered = fakeScriptingAndPermissions(new Set(['https://example.com/*', 'https://b.example/*']));
    await rememberSite('https://example.com/*');
    await rememberSite('https://b.example/*');
    await forgetSite('https://example.com/*');
    expect([...registered.keys()]).toEqual([scriptIdFor('https://b.example/*')]);
    expect((await getSettings()).enabledSites).toEqual(['https://b.example/*']);
  });
});

describe('reconcileSiteAccess', () => {
  it('re-registers granted sites, forgets revoked ones and removes orphan scripts', async () => {
    const granted = new Set(['https://kept.example/*']);
    const registered = fakeScriptingAndPermissions(granted);
    await updateSettings({ enabledSites: ['https://kept.example/*', 'https://revoked.example/*'] });
    registered.set(scriptIdFor('https://orphan.example/*'), { id: scriptIdFor('https://orphan.example/*') });
    registered.set('someone-else', { id: 'someone-else' });

    expect(await reconcileSiteAccess()).toEqual(['https://kept.example/*']);
    expect([...registered.keys()].sort()).toEqual(
      [scriptIdFor('https://kept.example/*'), 'someone-else'].sort(),
    );
    expect((await getSettings()).enabledSites).toEqual(['https://kept.example/*']);
  });
});

// The manifest as wxt.config.ts and the content script declare it, for both browsers: least privilege, default
// CSP, commands within Chrome's limits, every __MSG_…__ string present in the English locale, and the content
// script running exactly on the sites the adapters claim.
import { describe, expect, it } from 'vitest';
import { readFileSync, readdirSync } from 'node:fs';
import { resolve } from 'node:path';
import config from '@/wxt.config';
import contentScript from '@/entrypoints/content/index';
import { adapterFor, adapters } from '@/utils/sites/index';

const ROOT = resolve(import.meta.dirname, '../..');
const english = JSON.parse(readFileSync(resolve(ROOT, 'public/_locales/en/messages.json'), 'utf8')) as Record<
  string,
  { message: string; description?: string; placeholders?: Record<string, { content: string }> }
>;

type Manifest = Record<string, unknown> & {
  permissions?: string[];
  commands?: Record<string, { suggested_key?: Record<string, string>; description?: string }>;
  browser_specific_settings?: { gecko?: Record<string, unknown>; gecko_android?: Record<string, unknown> };
};

async function manifestFor(browser: 'chrome' | 'firefox'): Promise<Manifest> {
  const declare = config.manifest;
  if (typeof declare !== 'function')
    throw new Error('wxt.config.ts: manifest should be a function of the target browser');
  return (await declare({ browser, manifestVersion: 3, mode: 'production', command: 'build' })) as Manifest;
}

describe.each(['chrome', 'firefox'] as const)('%s manifest', (browser) => {
  it('asks for exactly the six permissions Stackcast uses', async () => {
    const manifest = await manifestFor(browser);
    // `alarms`: the periodic sync and the end of its back-off (issue 13).
    expect([...(manifest.permissions ?? [])].sort()).toEqual(
      ['activeTab', 'alarms', 'contextMenus', 'scripting', 'storage', 'unlimitedStorage'].sort(),
    );
  });

  it('has no install-time host permissions; other sites are optional and requested on demand', async () => {
    const manifest = await manifestFor(browser);
    expect(manifest.host_permissions).toBeUndefined();
    expect(manifest.optional_host_permissions).toEqual(['https://*/*', 'http://*/*']);
    expect(manifest.optional_permissions).toBeUndefined();
  });

  it('keeps the default MV3 content security policy and exposes no resources to pages', async () => {
    const manifest = await manifestFor(browser);
    expect(manifest.content_security_policy).toBeUndefined();
    expect(manifest.web_accessible_resources).toBeUndefined();
    expect(manifest.externally_connectable).toBeUndefined();
  });

  it('declares the four commands, each with a suggested key and a localised description', async () => {
    const { commands = {} } = await manifestFor(browser);
    expect(Object.keys(commands).sort()).toEqual([
      'next-chapter',
      'open-library',
      'previous-chapter',
      'save-episode',
    ]);
    const keys = Object.values(commands).map((c) => c.suggested_key?.default);
    // Chrome accepts at most four suggested keys per extension.
    expect(keys.filter(Boolean)).toHaveLength(4);
    expect(new Set(keys).size).toBe(4);
    for (const key of keys) expect(key).toMatch(/^(Alt|Ctrl)\+Shift\+(Period|Comma|[A-Z])$/);
  });

  it('uses only messages that exist in the English locale', async () => {
    const manifest = await manifestFor(browser);
    const used = [...JSON.stringify(manifest).matchAll(/__MSG_(\w+)__/g)].map((m) => m[1]!);
    expect(used.length).toBeGreaterThanOrEqual(7);
    for (const name of used) expect(english, `missing message ${name}`).toHaveProperty(name);
    expect(manifest.default_locale).toBe('en');
  });
});

describe('browser differences', () => {
  it('gives Firefox a gecko id and declares that no data is collected, on versions that understand it', async () => {
    const gecko = (await manifestFor('firefox')).browser_specific_settings;
    expect(gecko?.gecko).toEqual({
      id: 'stackcast@stackcast.dev',
      strict_min_version: '140.0',
      data_collection_permissions: { required: ['none'] },
    });
    expect(gecko?.gecko_android).toEqual({ strict_min_version: '142.0' });
  });

  it('keeps Firefox-only keys out of the Chrome manifest', async () => {
    expect((await manifestFor('chrome')).browser_specific_settings).toBeUndefined();
  });

  it('builds Firefox as Manifest V3 too', () => {
    expect(config.manifestVersion).toBe(3);
  });
});

describe('English locale', () => {
  it('describes every message for translators and keeps store limits', () => {
    for (const [name, entry] of Object.entries(english)) {
      expect(entry.message, name).toBeTruthy();
      expect(entry.description, `${name} needs a description for translators`).toBeTruthy();
    }
    expect(english.extShortName!.message.length).toBeLessThanOrEqual(12);
    expect(english.extDescription!.message.length).toBeLessThanOrEqual(132);
    expect(english.extName!.message.length).toBeLessThanOrEqual(75);
  });

  it('declares a placeholder for every $NAME$ a message uses, and uses every one it declares', () => {
    for (const [name, entry] of Object.entries(english)) {
      const used = new Set(
        [...entry.message.matchAll(/\$([A-Za-z0-9_@]+)\$/g)].map((m) => m[1]!.toLowerCase()),
      );
      const declared = new Set(Object.keys(entry.placeholders ?? {}).map((p) => p.toLowerCase()));
      expect([...used].sort(), name).toEqual([...declared].sort());
    }
  });

  it('contains every message the options page asks for', () => {
    const dir = resolve(ROOT, 'entrypoints/options');
    const source = readdirSync(dir)
      .filter((file) => file.endsWith('.tsx'))
      .map((file) => readFileSync(resolve(dir, file), 'utf8'))
      .join('\n');
    const keys = [...source.matchAll(/\bt\('(\w+)'/g), ...source.matchAll(/: '(options\w+)'/g)].map(
      (m) => m[1]!,
    );
    expect(keys.length).toBeGreaterThan(20);
    for (const key of keys) expect(english, `options page uses missing message ${key}`).toHaveProperty(key);
  });

  it('is the only locale, or every other locale translates only keys English has', () => {
    const locales = readdirSync(resolve(ROOT, 'public/_locales'));
    expect(locales).toContain('en');
    for (const locale of locales.filter((l) => l !== 'en')) {
      const other = JSON.parse(
        readFileSync(resolve(ROOT, 'public/_locales', locale, 'messages.json'), 'utf8'),
      );
      for (const name of Object.keys(other))
        expect(english, `${locale} has unknown message ${name}`).toHaveProperty(name);
    }
  });
});

/**
 * Whether a match pattern (`<scheme>://<host>/<path>`) matches a URL, as the browsers define it: scheme `*` is
 * http or https; host `*.example.com` is example.com or any subdomain; `*` in the path matches anything.
 */
function patternMatches(pattern: string, href: string): boolean {
  const [, scheme, host, path] = /^(\*|https?):\/\/([^/]+)(\/.*)$/.exec(pattern) ?? [];
  if (!scheme || !host || !path) throw new Error(`not a match pattern: ${pattern}`);
  const url = new URL(href);
  if (scheme === '*' ? !['http:', 'https:'].includes(url.protocol) : url.protocol !== `${scheme}:`)
    return false;
  const hostOk = host.startsWith('*.')
    ? url.hostname === host.slice(2) || url.hostname.endsWith(host.slice(1))
    : host === '*' || url.hostname === host;
  const pathGlob = new RegExp(
    `^${path
      .split('*')
      .map((part) => part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
      .join('.*')}$`,
  );
  return hostOk && pathGlob.test(url.pathname + url.search);
}

describe('content script', () => {
  // One list for both browsers (WXT also accepts a per-browser map).
  const matches = Array.isArray(contentScript.matches) ? contentScript.matches : [];
  const runsOn = (href: string) => matches.some((pattern) => patternMatches(pattern, href));
  const specific = adapters.filter((adapter) => adapter.id !== 'generic');

  it("runs on every host a site declares and on every adapter's example pages", () => {
    for (const { id, address } of specific) {
      for (const host of address?.hosts ?? []) {
        for (const scheme of ['https', 'http'])
          expect(runsOn(`${scheme}://${host}/any/page?x=1`), `${id} ${host}`).toBe(true);
      }
    }
    for (const adapter of specific) {
      for (const href of adapter.exampleUrls) expect(runsOn(href), href).toBe(true);
    }
  });

  it('runs nowhere else: every page it runs on is claimed by an adapter, look-alikes and other schemes are not', () => {
    // Hosts the patterns name, the hosts the sites declare, and those of the adapters' example pages.
    const hosts = [
      ...matches.map((pattern) => /^[^:]+:\/\/(?:\*\.)?([^/]+)\//.exec(pattern)?.[1] ?? pattern),
      ...specific.flatMap((adapter) => adapter.address?.hosts ?? []),
      ...specific.flatMap((adapter) => adapter.exampleUrls.map((href) => new URL(href).hostname)),
    ];
    const lookAlikes = (host: string) => [
      `x${host}`,
      `x-${host}`,
      `${host}.example.org`,
      host.replace(/\.[^.]+$/, '.example'),
    ];
    const candidates = hosts.flatMap((host) => [
      host,
      `www.${host}`,
      `play.${host}`,
      `a.b.${host}`,
      host.split('.').slice(1).join('.'),
      ...lookAlikes(host),
    ]);
    expect(candidates.length).toBeGreaterThan(100);
    let ran = 0;
    for (const name of candidates.filter((candidate) => candidate.includes('.'))) {
      for (const scheme of ['https', 'http']) {
        const href = `${scheme}://${name}/some/page?x=1`;
        if (!runsOn(href)) continue;
        ran++;
        expect(adapterFor(new URL(href)).id, href).not.toBe('generic');
      }
    }
    expect(ran).toBeGreaterThan(20);
    for (const host of hosts) {
      for (const name of lookAlikes(host)) expect(runsOn(`https://${name}/`), name).toBe(false);
    }
    expect(runsOn('ftp://overcast.fm/x')).toBe(false);
    expect(runsOn('https://example.com/podcast/1-x')).toBe(false);
  });

  it('declares each pattern once, one host each (no wildcard hosts), over http and https with any path', () => {
    expect(Array.isArray(contentScript.matches)).toBe(true);
    expect(new Set(matches).size).toBe(matches.length);
    for (const pattern of matches) expect(pattern).toMatch(/^\*:\/\/[a-z0-9-]+(?:\.[a-z0-9-]+)+\/\*$/);
  });
});

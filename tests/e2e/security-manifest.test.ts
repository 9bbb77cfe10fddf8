// The built Chrome package asks for least privilege and carries no remote code: exact permissions, host
// access only for the supported podcast directories, the default MV3 CSP, every script local.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { EXTENSION_DIR } from './harness';

/** The directories issue 3 lists (each may also be matched with `www.`). Anything else is on demand only. */
const SUPPORTED_HOSTS = new Set([
  'runninginproduction.com',
  'podcasts.apple.com',
  'overcast.fm',
  'podcastaddict.com',
  'pocketcasts.com',
  'play.pocketcasts.com',
  // Pocket Casts' share links: its adapter claims them (issue 14), so the content script runs there too.
  'pca.st',
  'listennotes.com',
  'podbay.fm',
  'player.fm',
  'castbox.fm',
  'podchaser.com',
  'open.spotify.com',
]);

interface Manifest {
  permissions?: string[];
  host_permissions?: string[];
  optional_host_permissions?: string[];
  content_security_policy?: unknown;
  content_scripts?: { matches?: string[]; js?: string[] }[];
  web_accessible_resources?: { resources: string[]; matches: string[] }[];
  externally_connectable?: unknown;
  background?: { service_worker?: string };
}

const manifest = JSON.parse(readFileSync(join(EXTENSION_DIR, 'manifest.json'), 'utf8')) as Manifest;

function files(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? files(join(dir, entry.name)) : [join(dir, entry.name)],
  );
}

test('permissions are exactly storage, unlimitedStorage, activeTab, scripting, contextMenus, alarms', () => {
  assert.deepEqual([...(manifest.permissions ?? [])].sort(), [
    'activeTab',
    // Sync (issue 13): the periodic sync and the end of its back-off after a server failure.
    'alarms',
    'contextMenus',
    'scripting',
    'storage',
    'unlimitedStorage',
  ]);
});

test('host access comes only from content-script matches of supported directories, plus optional hosts', () => {
  assert.equal(manifest.host_permissions, undefined, 'no install-time host_permissions');
  assert.deepEqual(manifest.optional_host_permissions, ['https://*/*', 'http://*/*']);
  const matches = (manifest.content_scripts ?? []).flatMap((script) => script.matches ?? []);
  assert.ok(matches.length > 0, 'the content script has matches');
  for (const match of matches) {
    const parsed = /^(\*|https?):\/\/([^/*]+)\/\*$/.exec(match);
    assert.ok(parsed, `match pattern ${match} is not scheme://host/*`);
    const host = parsed[2]!.replace(/^www\./, '');
    assert.ok(SUPPORTED_HOSTS.has(host), `${match} is not a supported directory`);
  }
});

test('extension pages keep the default MV3 CSP and nothing is exposed to or callable from the web', () => {
  assert.equal(manifest.content_security_policy, undefined);
  assert.equal(manifest.externally_connectable, undefined);
  for (const entry of manifest.web_accessible_resources ?? []) {
    // WXT may expose the content script's own CSS to the pages it runs on; nothing else.
    for (const resource of entry.resources) assert.match(resource, /^content-scripts\/[\w-]+\.css$/);
    for (const match of entry.matches) {
      assert.ok(
        (manifest.content_scripts ?? []).some((s) => s.matches?.includes(match)),
        `${match} exposed beyond content-script sites`,
      );
    }
  }
});

test('no remote code: pages load only packaged scripts, and no script imports from the network', () => {
  const all = files(EXTENSION_DIR);
  for (const file of all.filter((f) => f.endsWith('.html'))) {
    const html = readFileSync(file, 'utf8');
    for (const [, src] of html.matchAll(/<script\b[^>]*\bsrc="([^"]+)"/g)) {
      assert.ok(!/^(https?:)?\/\//.test(src!), `${relative(EXTENSION_DIR, file)} loads ${src}`);
    }
  }
  for (const file of all.filter((f) => f.endsWith('.js'))) {
    const js = readFileSync(file, 'utf8');
    const name = relative(EXTENSION_DIR, file);
    assert.ok(!/\bimport\s*\(\s*["'`](https?:)?\/\//.test(js), `${name} imports a remote module`);
    assert.ok(!/\bimportScripts\s*\(\s*["'`](https?:)?\/\//.test(js), `${name} imports remote scripts`);
    assert.ok(!/\bfrom\s*["'](https?:)?\/\//.test(js), `${name} has a remote static import`);
    assert.ok(!/\beval\s*\(/.test(js), `${name} calls eval`);
  }
  assert.ok(manifest.background?.service_worker && !manifest.background.service_worker.includes('//'));
});

test('packaged pages are the extension’s own, with no inline scripts', () => {
  const pages = files(EXTENSION_DIR).filter((f) => f.endsWith('.html'));
  for (const file of pages) {
    const name = relative(EXTENSION_DIR, file);
    assert.ok(!name.includes('/'), `${name} is not one of the extension's pages`);
    assert.ok(
      !/<script(?![^>]*\bsrc=)[^>]*>\s*\S/.test(readFileSync(file, 'utf8')),
      `${name} has an inline script`,
    );
  }
});

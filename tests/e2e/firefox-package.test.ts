// `npm run zip` yields the three store packages: Chrome zip, Firefox zip, and the Firefox sources zip
// AMO reviewers rebuild from (sources only: no dependencies, builds, secrets or VCS data).
import { before, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readFileSync, readdirSync, rmSync } from 'node:fs';
import { resolve } from 'node:path';
import { ROOT } from './harness';
import { zipEntries } from './zip-entries';

const OUT = '.output-e2e-zip';
const OUT_DIR = resolve(ROOT, OUT);
const { version } = JSON.parse(readFileSync(resolve(ROOT, 'package.json'), 'utf8')) as { version: string };

before(() => {
  rmSync(OUT_DIR, { recursive: true, force: true });
  // The same commands as `npm run zip`, into a folder of our own.
  const env = { ...process.env, STACKCAST_OUT: OUT };
  execFileSync('npm', ['run', '--silent', 'zip'], { cwd: ROOT, env, stdio: 'pipe' });
});

test('npm run zip writes the Chrome, Firefox and sources zips', () => {
  const zips = readdirSync(OUT_DIR)
    .filter((f) => f.endsWith('.zip'))
    .sort();
  assert.deepEqual(zips, [
    `stackcast-${version}-chrome.zip`,
    `stackcast-${version}-firefox.zip`,
    `stackcast-${version}-sources.zip`,
  ]);
});

test('each browser zip has its manifest, locale and pages at the root', () => {
  for (const browser of ['chrome', 'firefox']) {
    const entries = zipEntries(resolve(OUT_DIR, `stackcast-${version}-${browser}.zip`));
    for (const file of [
      'manifest.json',
      '_locales/en/messages.json',
      'background.js',
      'popup.html',
      'options.html',
      'library.html',
    ]) {
      assert.ok(entries.includes(file), `${browser} zip lacks ${file}`);
    }
    assert.ok(
      entries.some((e) => e.startsWith('content-scripts/')),
      `${browser} zip lacks the content script`,
    );
    assert.ok(!entries.some((e) => e.endsWith('.map')), `${browser} zip ships source maps`);
  }
});

test('the sources zip holds what a reviewer needs to rebuild, and nothing private or generated', () => {
  const entries = zipEntries(resolve(OUT_DIR, `stackcast-${version}-sources.zip`));
  for (const file of [
    'package.json',
    'package-lock.json',
    'wxt.config.ts',
    'tsconfig.json',
    'entrypoints/background.ts',
    'public/_locales/en/messages.json',
    'docs/firefox.md',
  ]) {
    assert.ok(entries.includes(file), `sources zip lacks ${file}`);
  }
  const forbidden = /(^|\/)(node_modules|\.git|\.wxt|\.output[^/]*|coverage|dist)\//;
  const leaked = entries.filter((e) => forbidden.test(e) || /(^|\/)\.env/.test(e) || e.endsWith('.zip'));
  assert.deepEqual(leaked, []);
});

// The Firefox MV3 build passes Mozilla's linter (web-ext lint, the engine AMO runs) with 0 errors and 0 warnings.
import { before, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { readFileSync, rmSync } from 'node:fs';
import { resolve } from 'node:path';
import { ROOT } from './harness';

/** Its own output folder, so the lint never reads a stale or concurrent build. */
const OUT = '.output-e2e-firefox';
const FIREFOX_DIR = resolve(ROOT, OUT, 'firefox-mv3');
const bin = (name: string) => resolve(ROOT, 'node_modules/.bin', name);

interface LintMessage {
  code: string;
  message: string;
  description?: string;
  file?: string;
  line?: number;
}
interface LintReport {
  summary: { errors: number; warnings: number; notices: number };
  errors: LintMessage[];
  warnings: LintMessage[];
  notices: LintMessage[];
}

before(() => {
  rmSync(resolve(ROOT, OUT), { recursive: true, force: true });
  execFileSync(bin('wxt'), ['build', '-b', 'firefox'], {
    cwd: ROOT,
    env: { ...process.env, STACKCAST_OUT: OUT },
    stdio: 'pipe',
  });
});

function lint(): LintReport {
  // web-ext exits non-zero when it finds errors; the JSON report is on stdout either way.
  const run = spawnSync(
    bin('web-ext'),
    ['lint', '--source-dir', FIREFOX_DIR, '--output', 'json', '--no-config-discovery'],
    {
      cwd: ROOT,
      encoding: 'utf8',
    },
  );
  const start = run.stdout.indexOf('{');
  if (start < 0) throw new Error(`web-ext lint printed no report:\n${run.stdout}\n${run.stderr}`);
  return JSON.parse(run.stdout.slice(start)) as LintReport;
}

const describeAll = (messages: LintMessage[]) =>
  messages
    .map((m) => `${m.code} ${m.file ?? ''}${m.line ? `:${m.line}` : ''} ${m.message} ${m.description ?? ''}`)
    .join('\n');

test('web-ext lint: 0 errors and 0 warnings on the Firefox build', () => {
  const report = lint();
  assert.equal(report.summary.errors, 0, describeAll(report.errors));
  assert.equal(report.summary.warnings, 0, describeAll(report.warnings));
});

test('the Firefox build is MV3 with its gecko id and a no-data-collection declaration', () => {
  const manifest = JSON.parse(readFileSync(resolve(FIREFOX_DIR, 'manifest.json'), 'utf8'));
  assert.equal(manifest.manifest_version, 3);
  assert.equal(manifest.browser_specific_settings.gecko.id, 'stackcast@stackcast.dev');
  assert.deepEqual(manifest.browser_specific_settings.gecko.data_collection_permissions, {
    required: ['none'],
  });
  // Firefox MV3 runs the background as an event page.
  assert.ok(
    Array.isArray(manifest.background.scripts),
    'Firefox background should be scripts, not a service worker',
  );
  assert.deepEqual([...manifest.permissions].sort(), [
    'activeTab',
    'alarms',
    'contextMenus',
    'scripting',
    'storage',
    'unlimitedStorage',
  ]);
});

// The package `npm pack` makes: it holds the command and the one built file (no TypeScript), and installed
// into an empty project, offline and without dev dependencies, `stackcast` runs with nothing else installed.
import { execFile } from 'node:child_process';
import {
  copyFileSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { stageCli } from '../../../scripts/build-cli';
import { repoRoot, runCli } from './run-cli';

const run = promisify(execFile);
const npm = (args: string[], cwd: string) =>
  run('npm', [...args, '--no-audit', '--no-fund', '--loglevel=error'], { cwd });

let dir: string;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'stackcast-package-'));
  writeFileSync(join(dir, 'notes.txt'), '0:00 Intro\n1:45 – Docker in production\n7:01 – Postgres backups\n');
});

afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('the npm package', () => {
  it('lists only the command, the built file and the package documents', async () => {
    // A dry run lists what `files` selects in the work tree without running the build.
    const { stdout } = await npm(['pack', '--dry-run', '--json', '--ignore-scripts'], repoRoot);
    const [packed] = JSON.parse(stdout) as { files: { path: string }[] }[];
    const paths = packed!.files.map((entry) => entry.path);
    expect(paths).toContain('package.json');
    expect(paths).toContain('bin/stackcast.mjs');
    for (const path of paths)
      expect(path).toMatch(
        /^(package\.json|README\.md|LICEN[CS]E.*|bin\/stackcast\.mjs|dist\/stackcast\.mjs)$/,
      );
  });

  it('installs offline with no dependencies and runs stackcast without TypeScript', async () => {
    // Stage what the package holds (package.json, README, bin, a fresh build), pack it, install the tarball.
    const stage = join(dir, 'stage');
    await stageCli(stage);
    copyFileSync(join(repoRoot, 'README.md'), join(stage, 'README.md'));
    const { stdout } = await npm(['pack', '--json', '--ignore-scripts', '--pack-destination', dir], stage);
    const { filename } = (JSON.parse(stdout) as { filename: string }[])[0]!;

    const project = join(dir, 'project');
    mkdirSync(project);
    writeFileSync(join(project, 'package.json'), '{ "name": "uses-stackcast", "private": true }\n');
    await npm(['install', '--offline', '--omit=dev', join(dir, filename)], project);

    // Nothing but stackcast itself was installed, and it holds no TypeScript.
    const installed = readdirSync(join(project, 'node_modules')).filter((name) => !name.startsWith('.'));
    expect(installed).toEqual(['stackcast']);
    const files = readdirSync(join(project, 'node_modules', 'stackcast'), { recursive: true }).map(String);
    expect(files.filter((name) => /\.tsx?$/.test(name))).toEqual([]);
    expect(existsSync(join(project, 'node_modules', 'tsx'))).toBe(false);

    const bin = join(project, 'node_modules', '.bin', 'stackcast');
    const fromPackage = await run(bin, ['parse', '--text', join(dir, 'notes.txt')], { cwd: project });
    const fromTree = await runCli(['parse', '--text', join(dir, 'notes.txt')]);
    expect(fromPackage.stdout).toBe(fromTree.stdout);
    expect(JSON.parse(fromPackage.stdout).episodes[0].chapters).toHaveLength(3);
    const version = await run(bin, ['--version'], { cwd: project });
    expect(version.stdout.trim()).toMatch(/^\d+\.\d+\.\d+/);
  });

  it('says what is wrong when the built file is missing', async () => {
    const bare = join(dir, 'bare');
    mkdirSync(join(bare, 'bin'), { recursive: true });
    copyFileSync(join(repoRoot, 'bin', 'stackcast.mjs'), join(bare, 'bin', 'stackcast.mjs'));
    const failed = await run(process.execPath, [join(bare, 'bin', 'stackcast.mjs'), '--version']).catch(
      (error: unknown) => error,
    );
    expect(failed).toMatchObject({ code: 1, stdout: '' });
    expect((failed as { stderr: string }).stderr).toMatch(
      /^stackcast: the CLI is not built \(dist\/stackcast\.mjs is missing\)/,
    );
  });
});

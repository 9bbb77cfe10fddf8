// Runs the real `stackcast` command the way a user does, for the CLI tests: the built CLI (bin/stackcast.mjs
// running one bundled file), or with STACKCAST_CLI=source the TypeScript source through tsx.
import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { builtCliBin } from './built-cli';

export const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');
export const sharedDir = resolve(repoRoot, '..', 'shared');

export interface CliRun {
  status: number | null;
  stdout: string;
  stderr: string;
}

/** The node arguments that start the CLI before its own arguments. */
async function cliCommand(): Promise<string[]> {
  if (process.env.STACKCAST_CLI !== 'source') return [await builtCliBin()];
  const tsx = createRequire(import.meta.url).resolve('tsx/cli');
  return [tsx, '--tsconfig', join(repoRoot, 'tsconfig.json'), join(repoRoot, 'cli', 'main.ts')];
}

/** Run `stackcast ...args` in `cwd`, feeding `input` to stdin (async, so independent cases can overlap). */
export async function runCli(
  args: string[],
  options: { cwd?: string; input?: string | Buffer } = {},
): Promise<CliRun> {
  const command = await cliCommand();
  return new Promise((resolvePromise, reject) => {
    const child = spawn(process.execPath, [...command, ...args], {
      cwd: options.cwd ?? repoRoot,
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    const stdout: Buffer[] = [];
    const stderr: Buffer[] = [];
    const timer = setTimeout(() => child.kill('SIGKILL'), 60_000);
    child.stdout.on('data', (chunk: Buffer) => stdout.push(chunk));
    child.stderr.on('data', (chunk: Buffer) => stderr.push(chunk));
    child.on('error', reject);
    // The CLI may stop reading early (e.g. past the size cap): that is not a test failure.
    child.stdin.on('error', () => undefined);
    child.on('close', (status) => {
      clearTimeout(timer);
      resolvePromise({
        status,
        stdout: Buffer.concat(stdout).toString('utf8'),
        stderr: Buffer.concat(stderr).toString('utf8'),
      });
    });
    child.stdin.end(options.input ?? '');
  });
}

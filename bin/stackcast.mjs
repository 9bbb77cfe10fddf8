#!/usr/bin/env node
// The `stackcast` command: runs the CLI built into one file (dist/stackcast.mjs, made by `npm run build`).
// In a development checkout that has not been built yet, it runs the TypeScript source through tsx instead.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

const bundle = new URL('../dist/stackcast.mjs', import.meta.url);
const source = new URL('../cli/main.ts', import.meta.url);

if (existsSync(bundle)) {
  await import(bundle.href);
} else if (existsSync(source)) {
  runFromSource();
} else {
  process.stderr.write(
    'stackcast: the CLI is not built (dist/stackcast.mjs is missing); reinstall the package\n',
  );
  process.exit(1);
}

function runFromSource() {
  let tsx;
  try {
    tsx = createRequire(import.meta.url).resolve('tsx/cli');
  } catch {
    process.stderr.write(
      'stackcast: the CLI is not built; run `npm run build:cli` (or `npm install` for tsx)\n',
    );
    process.exit(1);
  }
  // The project's tsconfig (for the '@/' import alias) must apply whatever directory the command runs in.
  const tsconfig = fileURLToPath(new URL('../tsconfig.json', import.meta.url));
  const args = [tsx, '--tsconfig', tsconfig, fileURLToPath(source), ...process.argv.slice(2)];
  const result = spawnSync(process.execPath, args, { stdio: 'inherit' });
  if (result.error) {
    process.stderr.write(`stackcast: cannot start the CLI: ${result.error.message}\n`);
    process.exit(1);
  }
  process.exit(result.status ?? (result.signal ? 1 : 0));
}

#!/usr/bin/env node
// The `stackcast` command: runs the TypeScript CLI through tsx (a runtime dependency).
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const tsx = createRequire(import.meta.url).resolve('tsx/cli');
// The project's tsconfig (for the '@/' import alias) must apply whatever directory the command runs in.
const result = spawnSync(process.execPath, [tsx, '--tsconfig', join(root, 'tsconfig.json'), join(root, 'cli/main.ts'), ...process.argv.slice(2)], {
  stdio: 'inherit',
});
if (result.error) {
  process.stderr.write(`stackcast: cannot start the CLI: ${result.error.message}\n`);
  process.exit(1);
}
process.exit(result.status ?? (result.signal ? 1 : 0));

// The CLI as it ships, for the tests: built fresh from the source into a temporary package folder, once per
// test process, so the tests never run a stale dist/ of the work tree.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { stageCli } from '../../../scripts/build-cli';

let built: Promise<string> | undefined;

/** The path of a `bin/stackcast.mjs` that runs a bundle built from the current source. */
export function builtCliBin(): Promise<string> {
  built ??= (async () => {
    const folder = mkdtempSync(join(tmpdir(), 'stackcast-built-'));
    process.once('exit', () => rmSync(folder, { recursive: true, force: true }));
    return stageCli(folder);
  })();
  return built;
}

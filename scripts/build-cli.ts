// Builds the `stackcast` CLI into one JavaScript file with every runtime dependency inside it, so the command
// starts without TypeScript and the package installs with no dependencies (bin/stackcast.mjs runs the file).
import { build } from 'esbuild';
import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = resolve(import.meta.dirname, '..');
/** Where `npm run build` puts the CLI and where bin/stackcast.mjs looks for it. */
export const CLI_BUNDLE = join(ROOT, 'dist', 'stackcast.mjs');

/**
 * Commander and linkedom's helpers are CommonJS and call `require` for Node's own modules; an ES module has
 * no `require`, so the bundle makes one. Optional packages they probe for inside try/catch (canvas, cssstyle)
 * stay unresolved and fall back as they do unbundled.
 */
const REQUIRE_SHIM =
  "import { createRequire as __stackcastRequire } from 'node:module';\nconst require = __stackcastRequire(import.meta.url);";

/**
 * Bundles cli/main.ts into `outfile` (one ES module for Node 20). Dynamic imports in the CLI stay lazy inside
 * the one file: a module is only run when the command needs it (linkedom only for HTML, for example).
 * @example await buildCli('/tmp/x/dist/stackcast.mjs')
 */
export async function buildCli(outfile: string = CLI_BUNDLE): Promise<void> {
  const result = await build({
    entryPoints: [join(ROOT, 'cli', 'main.ts')],
    outfile,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    tsconfig: join(ROOT, 'tsconfig.json'),
    banner: { js: `#!/usr/bin/env node\n${REQUIRE_SHIM}` },
    legalComments: 'eof',
    metafile: true,
    write: false,
    logLevel: 'warning',
  });
  const bundled = bundledPackages(Object.keys(result.metafile.inputs));
  if (bundled.length === 0) throw new Error('build-cli: no packages bundled (is node_modules installed?)');
  // The packages' licenses ask that their notice travels with their code; the bundle names each one.
  const notice = `\n/* Bundled npm packages (each under its own license):\n${bundled.map((line) => ` * ${line}`).join('\n')}\n */\n`;
  mkdirSync(dirname(outfile), { recursive: true });
  writeFileSync(outfile, result.outputFiles[0]!.text + notice);
}

/**
 * The command as the package ships it, in `folder`: bin/stackcast.mjs, package.json and a fresh build in
 * dist/ (so tests and benchmarks never run a stale dist/ of the work tree). Returns the bin's path.
 * @example await stageCli(mkdtempSync(join(tmpdir(), 'cli-'))) // '/tmp/cli-x/bin/stackcast.mjs'
 */
export async function stageCli(folder: string): Promise<string> {
  mkdirSync(join(folder, 'bin'), { recursive: true });
  copyFileSync(join(ROOT, 'bin', 'stackcast.mjs'), join(folder, 'bin', 'stackcast.mjs'));
  copyFileSync(join(ROOT, 'package.json'), join(folder, 'package.json'));
  await buildCli(join(folder, 'dist', 'stackcast.mjs'));
  return join(folder, 'bin', 'stackcast.mjs');
}

/** The npm packages whose code the bundle holds (`inputs` as esbuild names them), as `name@version (license)`. */
export function bundledPackages(inputs: string[]): string[] {
  const packageDirs = new Set<string>();
  for (const input of inputs) {
    // The innermost node_modules folder is the package a nested dependency really comes from.
    const matches = [...input.matchAll(/node_modules\/(?:@[^/]+\/)?[^/]+\//g)];
    const last = matches.at(-1);
    if (last) packageDirs.add(input.slice(0, last.index + last[0].length));
  }
  const lines = [...packageDirs].map((dir) => {
    const manifest = JSON.parse(readFileSync(resolve(dir, 'package.json'), 'utf8')) as {
      name?: string;
      version?: string;
      license?: string;
    };
    return `${manifest.name ?? dir}@${manifest.version ?? '?'} (${manifest.license ?? 'see its package'})`;
  });
  return [...new Set(lines)].sort();
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const outfile = process.argv[2] ? resolve(process.argv[2]) : CLI_BUNDLE;
  const started = performance.now();
  await buildCli(outfile);
  console.log(`build-cli: ${outfile} in ${Math.round(performance.now() - started)} ms`);
}

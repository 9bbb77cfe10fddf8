// Bundling entrypoints as Vite would (tree-shaken, for the browser), to ask which source files put code into the
// output: the content script's and the extension pages' bundle tests share it.
import { build, type Metafile, type Plugin } from 'esbuild';
import { resolve } from 'node:path';

export const ROOT = resolve(import.meta.dirname, '../..');

/** `@/x` and `~/x` resolved as WXT's tsconfig paths resolve them. */
export const wxtPaths: Plugin = {
  name: 'wxt-paths',
  setup(bundle) {
    bundle.onResolve({ filter: /^[@~]\// }, (args) =>
      bundle.resolve(`./${args.path.slice(2)}`, { resolveDir: ROOT, kind: args.kind }),
    );
  },
};

/** Vite's `?inline`-style imports stay outside the bundle (a plugin resolving some of them goes before it). */
export const queriesOutside: Plugin = {
  name: 'queries-outside',
  setup(bundle) {
    bundle.onResolve({ filter: /\?/ }, (args) => ({ path: args.path, external: true }));
  },
};

/**
 * Bundle `entries` (paths from the project root) with `plugins` after the path aliases; the metafile.
 * @example
 * const metafile = await bundleForBrowser(['entrypoints/content/index.ts'], [queriesOutside]);
 */
export async function bundleForBrowser(entries: string[], plugins: Plugin[]): Promise<Metafile> {
  const result = await build({
    entryPoints: entries.map((entry) => resolve(ROOT, entry)),
    absWorkingDir: ROOT,
    bundle: true,
    write: false,
    metafile: true,
    format: 'esm',
    platform: 'browser',
    outdir: 'bundle-test',
    jsx: 'automatic',
    jsxImportSource: 'preact',
    loader: { '.css': 'empty', '.svg': 'empty', '.png': 'empty' },
    logLevel: 'silent',
    plugins: [wxtPaths, ...plugins],
  });
  return result.metafile;
}

/**
 * The project's source files (no packages) with code in one output: an import whose code is tree-shaken away
 * does not count.
 */
export function shippedSources(output: Metafile['outputs'][string]): string[] {
  return Object.entries(output.inputs)
    .filter(([path, input]) => !path.includes('node_modules') && input.bytesInOutput > 0)
    .map(([path]) => path);
}

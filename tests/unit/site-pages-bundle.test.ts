// The extension pages (library, options, popup, and the workers the library starts) know the sites only through
// their addresses: the library's links to a time import each such site file's `<site>Address`, and bundlers keep
// that export without the file's adapter (marked pure) or the page readers behind it. esbuild bundles each page as
// Vite would (tree-shaken) and its metafile says which source files put code into the output.
import type { Plugin } from 'esbuild';
import { beforeAll, describe, expect, it } from 'vitest';
import { bundleForBrowser, queriesOutside, ROOT, shippedSources } from './bundle';

const PAGES = ['entrypoints/library/main.tsx', 'entrypoints/options/main.tsx', 'entrypoints/popup/main.tsx'];

/**
 * Site files a page may carry code from: the address contract, the time links, the helpers a time link uses,
 * and the site files whose address has one (their address export only: the engine files below prove it).
 */
const ALLOWED = /^utils\/sites\/(?:address|time-links|values|runninginproduction|overcast|spotify)\.ts$/;
/** The engine every adapter is made with, and the readers it runs: none of it belongs on a page. */
const ENGINE = [
  'utils/sites/profile.ts',
  'utils/sites/directory.ts',
  'utils/sites/index.ts',
  'utils/sites/scan.ts',
];

/**
 * A `?worker` import bundles the worker's own code in (as if the page ran it, so what a worker ships is checked
 * too); other `?query` imports stay outside.
 */
const workersInside: Plugin = {
  name: 'workers-inside',
  setup(bundle) {
    bundle.onResolve({ filter: /\?worker$/ }, async (args) => {
      const worker = await bundle.resolve(args.path.replace(/\?worker$/, ''), {
        resolveDir: args.resolveDir,
        kind: args.kind,
      });
      return { path: worker.path, namespace: 'worker' };
    });
    bundle.onLoad({ filter: /.*/, namespace: 'worker' }, (args) => ({
      contents: `import ${JSON.stringify(args.path)};\nexport default class PageWorker {}`,
      resolveDir: ROOT,
      loader: 'js',
    }));
  },
};

/** Per page, the source files (no packages) with code in its bundle. */
const shipped = new Map<string, string[]>();

beforeAll(async () => {
  const metafile = await bundleForBrowser(PAGES, [workersInside, queriesOutside]);
  for (const output of Object.values(metafile.outputs)) {
    if (!output.entryPoint) continue;
    shipped.set(
      output.entryPoint,
      shippedSources(output).map((path) => path.replace(/^worker:/, '')),
    );
  }
}, 60_000);

describe('extension pages', () => {
  it('are all bundled, and the library carries the time links', () => {
    expect([...shipped.keys()].sort()).toEqual([...PAGES].sort());
    expect(shipped.get('entrypoints/library/main.tsx')).toContain('utils/sites/time-links.ts');
  });

  for (const page of PAGES) {
    it(`${page} carries no page reader, only site addresses`, () => {
      const sites = shipped.get(page)!.filter((path) => path.startsWith('utils/sites/'));
      expect(sites.filter((path) => !ALLOWED.test(path))).toEqual([]);
      for (const engine of ENGINE) expect(sites).not.toContain(engine);
    });
  }
});

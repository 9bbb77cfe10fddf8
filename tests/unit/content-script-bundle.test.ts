// The content script ships page readers, not the technology catalog or the chapter parser: those run in the
// background. esbuild bundles the content entrypoint as WXT would (tree-shaken) and its metafile says which source
// files put code into the output, so a stray import of the parser or the catalog fails here, not in a review.
import type { Metafile } from 'esbuild';
import { beforeAll, describe, expect, it } from 'vitest';
import { bundleForBrowser, queriesOutside, shippedSources } from './bundle';

const ENTRY = 'entrypoints/content/index.ts';

/** The technology catalog and the extraction that reads it. */
const CATALOG =
  /^utils\/tech\/(?:catalog|rows|lookup|lexicon|words|tokenize|claims|cues|prose|extract|input-text|input-reading|chapter-tech)\.ts$|^utils\/tech\/data\//;
/** The chapter parser: finding, choosing and titling timestamps (parse/notes.ts and text.ts only render a node). */
const PARSER = /^utils\/parse\/chapters(?:-scan|-select|-titles|-transcript)?\.ts$/;

/**
 * Importers allowed to bring the parser in for now, each with the reason it is still there (none left: the page's
 * own timestamps are found by a small scan in utils/overlay/page-timestamps.ts). Add one only with its reason.
 */
const PENDING_IMPORTERS = new Set<string>();

let metafile: Metafile;
/** Source files (no packages) with code in the bundle. */
let shipped: string[];

beforeAll(async () => {
  metafile = await bundleForBrowser([ENTRY], [queriesOutside]);
  shipped = shippedSources(Object.values(metafile.outputs)[0]!);
});

/** Source files whose code reaches the bundle only through `skipped` importers' imports. */
function reachableWithout(skipped: ReadonlySet<string>): Set<string> {
  const seen = new Set<string>();
  const queue = [ENTRY];
  for (let path = queue.pop(); path !== undefined; path = queue.pop()) {
    if (seen.has(path)) continue;
    seen.add(path);
    if (skipped.has(path)) continue;
    for (const next of metafile.inputs[path]?.imports ?? []) queue.push(next.path);
  }
  return seen;
}

describe('content script bundle', () => {
  it('is the entrypoint with the page readers, the overlay and the panel', () => {
    expect(shipped).toContain(ENTRY);
    expect(shipped).toContain('utils/sites/reading.ts');
    expect(shipped).toContain('utils/parse/notes.ts');
    expect(shipped).toContain('utils/sites/notes-tech.ts');
  });

  it('carries none of the technology catalog or its extraction', () => {
    expect(shipped.filter((path) => CATALOG.test(path))).toEqual([]);
  });

  it('carries the chapter parser only through the importers still pending', () => {
    const reached = reachableWithout(PENDING_IMPORTERS);
    expect(shipped.filter((path) => PARSER.test(path) && reached.has(path))).toEqual([]);
  });

  it('carries no zod: the schemas check messages in the background, and a value import of utils/model.ts brings them all', () => {
    const [output] = Object.values(metafile.outputs);
    const zod = Object.entries(output!.inputs).filter(
      ([path, input]) => path.includes('node_modules/zod/') && input.bytesInOutput > 0,
    );
    expect(zod.map(([path]) => path)).toEqual([]);
    expect(shipped).not.toContain('utils/model.ts');
  });

  it('names every pending importer because it is still in the bundle', () => {
    for (const importer of PENDING_IMPORTERS) expect(shipped).toContain(importer);
  });
});

// What the technology catalog costs a context that loads it: its rows (utils/tech/rows.ts) against the same
// technologies as plain object literals and as a JSON string, each bundled and minified, imported in a fresh Node
// process per sample (the background loads the catalog on every wake; decoding waits for the first scan).
//
//   npx tsx bench/catalog-load.ts              15 samples a form, medians printed
//   npx tsx bench/catalog-load.ts --samples 31
import { spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { build } from 'esbuild';
import { TECHNOLOGIES } from '../utils/tech/catalog';

const ROOT = resolve(import.meta.dirname, '..');
const TMP = join(ROOT, '.bench-tmp', 'catalog-load');
const samplesArg = process.argv.indexOf('--samples');
const SAMPLES = samplesArg > 0 ? Number(process.argv[samplesArg + 1]) : 15;

/** Each form as a module exporting `catalog()`, which returns the technologies (decoding them if it must). */
const FORMS: Record<string, string> = {
  rows: `export { catalogTechnologies as catalog } from ${JSON.stringify(join(ROOT, 'utils/tech/catalog.ts'))};`,
  objects: `const all = ${JSON.stringify(TECHNOLOGIES)};\nexport const catalog = () => all;`,
  json: `const text = ${JSON.stringify(JSON.stringify(TECHNOLOGIES))};\nexport const catalog = () => JSON.parse(text);`,
};

/** Prints `load decode` in milliseconds: the import (compile and top-level run), then the first catalog() call. */
const PROBE = `const t0 = performance.now();
const m = await import(process.argv[1]);
const t1 = performance.now();
if (m.catalog().length < 1) process.exit(1);
console.log(t1 - t0, performance.now() - t1);`;

const median = (values: number[]): number => values.sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

mkdirSync(TMP, { recursive: true });
console.log(`${TECHNOLOGIES.length} technologies, ${SAMPLES} samples a form (medians, ms)`);
console.log('form      bytes   load  decode  total');
for (const [form, source] of Object.entries(FORMS)) {
  const entry = join(TMP, `${form}-entry.ts`);
  const outfile = join(TMP, `${form}.mjs`);
  writeFileSync(entry, source);
  const result = await build({
    entryPoints: [entry],
    outfile,
    bundle: true,
    minify: true,
    format: 'esm',
    metafile: true,
    tsconfig: join(ROOT, 'tsconfig.json'),
    logLevel: 'error',
  });
  const bytes = Object.values(result.metafile.outputs)[0]!.bytes;
  const load: number[] = [];
  const decode: number[] = [];
  for (let i = 0; i < SAMPLES; i++) {
    const run = spawnSync(process.execPath, ['--input-type=module', '-e', PROBE, outfile], {
      encoding: 'utf8',
    });
    const [l, d] = run.stdout.trim().split(' ').map(Number);
    load.push(l!);
    decode.push(d!);
  }
  const [l, d] = [median(load), median(decode)];
  console.log(
    `${form.padEnd(8)} ${String(bytes).padStart(6)} ${l.toFixed(1).padStart(6)} ${d.toFixed(1).padStart(7)} ${(l + d).toFixed(1).padStart(6)}`,
  );
}

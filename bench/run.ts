// The benchmark runner behind `npm run bench`: runs bench/*.bench.ts and rewrites their sections of BENCHMARKS.md.
import { readdir, readFile, writeFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { format, resolveConfig } from 'prettier';
import { machineHeader, mergeSections } from './lib/report';

const benchDir = dirname(fileURLToPath(import.meta.url));
const reportPath = join(benchDir, '..', 'BENCHMARKS.md');

/** A benchmark module: its default export measures and returns one Markdown section. */
type BenchModule = { default: () => Promise<string> };

async function main(): Promise<void> {
  // `npm run bench -- parser overlay` runs only those; names are file names without `.bench.ts`.
  const wanted = process.argv.slice(2).filter((arg) => !arg.startsWith('-'));
  const all = (await readdir(benchDir)).filter((file) => file.endsWith('.bench.ts')).sort();
  const names = all.map((file) => basename(file, '.bench.ts'));
  const unknown = wanted.filter((name) => !names.includes(name));
  if (unknown.length > 0) {
    console.error(`bench: no such benchmark: ${unknown.join(', ')} (have: ${names.join(', ')})`);
    process.exit(2);
  }
  const selected = wanted.length > 0 ? names.filter((name) => wanted.includes(name)) : names;

  const sections = new Map<string, string>();
  let failed = false;
  for (const name of selected) {
    const started = performance.now();
    console.log(`bench: ${name} …`);
    try {
      const module = (await import(pathToFileURL(join(benchDir, `${name}.bench.ts`)).href)) as BenchModule;
      if (typeof module.default !== 'function') throw new Error('default export is not a function');
      sections.set(name, (await module.default()).trim());
      console.log(`bench: ${name} done in ${((performance.now() - started) / 1000).toFixed(1)} s`);
    } catch (error) {
      // A broken benchmark must not erase its previous results: record the failure in its section instead.
      failed = true;
      const message = error instanceof Error ? (error.stack ?? error.message) : String(error);
      console.error(`bench: ${name} failed: ${message}`);
      sections.set(
        name,
        `## ${name}\n\n**Failed** on this run: \`${String(error instanceof Error ? error.message : error).replace(/`/g, "'")}\``,
      );
    }
  }

  const previous = await readFile(reportPath, 'utf8').catch(() => '');
  const report = mergeSections(previous, machineHeader(new Date()), sections, names);
  // Written as Prettier would, so a bench run leaves `npm run check` (format:check) passing.
  const options = (await resolveConfig(reportPath)) ?? {};
  await writeFile(reportPath, await format(report, { ...options, filepath: reportPath }));
  console.log(`bench: wrote ${reportPath} (${[...sections.keys()].join(', ')})`);
  if (failed) process.exitCode = 1;
}

await main();

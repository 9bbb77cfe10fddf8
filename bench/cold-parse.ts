// Cold cost of the content script's parse path on the seed-000 listing: module init, findPageEpisodes and
// detectEpisode over every episode, each measured on its first and only run in a fresh Node process.
//
// Why a process per sample: a content script runs once per page load, so most of its code runs a handful of times,
// in V8's interpreter, right after being compiled. A warm benchmark in one process (bench/parser.bench.ts) hides
// that cost (about five times the warm one). Each sample here is a new `node` that imports the parse path bundled
// and minified as the content script ships it (compile and top-level init timed as the import), then runs the scan
// once (cold), then again until warm.
//
//   npx tsx bench/cold-parse.ts              11 samples, medians printed
//   npx tsx bench/cold-parse.ts --samples 15 --json
//   npx tsx bench/cold-parse.ts --root ../old-checkout      the parse path of another checkout, same inputs
//   npx tsx bench/cold-parse.ts --cpu-prof --no-minify   one cold-only sample, its V8 CPU profile written to
//                                                        .bench-tmp/cold-parse/ (names readable)
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseHTML } from 'linkedom';

/** The listing's address as the Chromium benchmarks serve it (a Podbay show page: generic detection). */
const LISTING_URL = 'https://podbay.fm/p/running-in-production-seed-000';
const WARM_RUNS = 30;

/**
 * What one fresh process measured, in milliseconds of wall time; the `Cpu` twins are the process's CPU time over the
 * same stretch (all its threads), which a busy machine disturbs far less than wall time.
 */
interface Sample {
  /** Importing the parse path: reading, compiling and running its modules' top level. */
  init: number;
  /** findPageEpisodes, first run. */
  find: number;
  /** detectEpisode over every episode found, first run. */
  detect: number;
  /** Medians of the last half of {@link WARM_RUNS} further runs. */
  warmFind: number;
  warmDetect: number;
  initCpu: number;
  findCpu: number;
  detectCpu: number;
  episodes: number;
  detected: number;
}

type ParsePath = typeof import('../utils/sites/scan');

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted.length === 0 ? Number.NaN : sorted[sorted.length >> 1]!;
}

/**
 * Runs the DOM calls the parse path makes (walks, selectors, attributes, text, clones) over a copy of the page until
 * linkedom's own code is warm. In Chromium the DOM is native code: without this, a sample would mostly time
 * linkedom's first runs, not ours.
 */
function warmDom(html: string): void {
  for (let round = 0; round < 15; round++) {
    const doc = (parseHTML(html) as unknown as { document: Document }).document;
    const stack: Node[] = [doc];
    while (stack.length > 0) {
      const node = stack.pop()!;
      void node.nodeType;
      void node.nodeValue;
      if (node.nodeType === 1) {
        const element = node as Element;
        void element.tagName;
        void element.getAttribute('class');
        void element.hasAttribute('hidden');
        void element.attributes.length;
        void element.parentElement?.children.length;
        void element.previousElementSibling;
        void element.nextElementSibling;
        void element.matches('ul, ol');
        void element.closest('a[href]');
        void doc.body.contains(element);
      }
      const children = node.childNodes;
      for (let i = children.length - 1; i >= 0; i--) stack.push(children[i]!);
    }
    for (const item of Array.from(doc.querySelectorAll('li'))) {
      void item.textContent;
      void item.querySelector('h1, h2, h3, h4, h5, h6, [role="heading"]');
      void item.querySelectorAll('a[href]');
      (item.cloneNode(true) as Element).querySelectorAll('audio').forEach((element) => element.remove());
    }
    void doc.querySelectorAll(
      'script[type="application/ld+json"], meta[property], link[rel="canonical"], audio, video',
    );
  }
}

/** One sample, inside the fresh process: everything before the import is already loaded (linkedom, this file). */
async function sample(parsePath: string, htmlPath: string, warmRuns: number): Promise<Sample> {
  const html = readFileSync(htmlPath, 'utf8');
  warmDom(html);
  const cpu = () => {
    const usage = process.cpuUsage();
    return (usage.user + usage.system) / 1000;
  };
  const startedCpu = cpu();
  const started = performance.now();
  const parse = (await import(parsePath)) as ParsePath;
  const init = performance.now() - started;
  const initCpu = cpu() - startedCpu;
  const doc = (parseHTML(html) as unknown as { document: Document }).document;
  const run = () => {
    const c0 = cpu();
    const t0 = performance.now();
    const page = parse.findPageEpisodes(doc, LISTING_URL);
    const t1 = performance.now();
    const c1 = cpu();
    let detected = 0;
    for (let i = 0; i < (page?.found.length ?? 0); i++)
      if (parse.detectEpisode(page!, i) !== null) detected++;
    const t2 = performance.now();
    const c2 = cpu();
    return {
      find: t1 - t0,
      detect: t2 - t1,
      findCpu: c1 - c0,
      detectCpu: c2 - c1,
      episodes: page?.found.length ?? 0,
      detected,
    };
  };
  const cold = run();
  const warm: Array<{ find: number; detect: number }> = [];
  for (let k = 0; k < warmRuns; k++) warm.push(run());
  const settled = warm.slice(warmRuns >> 1);
  return {
    init,
    find: cold.find,
    detect: cold.detect,
    initCpu,
    findCpu: cold.findCpu,
    detectCpu: cold.detectCpu,
    warmFind: median(settled.map((w) => w.find)),
    warmDetect: median(settled.map((w) => w.detect)),
    episodes: cold.episodes,
    detected: cold.detected,
  };
}

/** Bundles the parse path as the content script ships it (one minified ES module) and this script as the sampler. */
async function bundle(
  outDir: string,
  minify: boolean,
  root: string,
): Promise<{ parsePath: string; samplerPath: string }> {
  const { build } = await import('esbuild');
  const parsePath = join(outDir, 'parse.mjs');
  const samplerPath = join(outDir, 'sampler.mjs');
  await build({
    stdin: {
      contents: "export { findPageEpisodes, detectEpisode } from './utils/sites/scan';",
      resolveDir: root,
      loader: 'ts',
    },
    bundle: true,
    format: 'esm',
    platform: 'browser',
    target: 'es2022',
    minify,
    outfile: parsePath,
    tsconfig: join(root, 'tsconfig.json'),
    logLevel: 'error',
  });
  await build({
    entryPoints: [fileURLToPath(import.meta.url)],
    bundle: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    packages: 'external',
    outfile: samplerPath,
    logLevel: 'error',
  });
  return { parsePath, samplerPath };
}

function formatMs(value: number): string {
  return `${value.toFixed(1)} ms`;
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  if (args[0] === '--sample') {
    process.stdout.write(`${JSON.stringify(await sample(args[1]!, args[2]!, Number(args[3])))}\n`);
    return;
  }
  const option = (name: string) => {
    const at = args.indexOf(name);
    return at >= 0 ? args[at + 1] : undefined;
  };
  const cpuProf = args.includes('--cpu-prof');
  const samples = cpuProf ? 1 : Number(option('--samples') ?? 11);
  const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
  const outDir = join(root, '.bench-tmp', 'cold-parse');
  mkdirSync(outDir, { recursive: true });
  const { renderSeedListing, seed000, seedEpisodes } = await import('./lib/corpus');
  const htmlPath = join(outDir, 'listing.html');
  writeFileSync(htmlPath, renderSeedListing(seedEpisodes(seed000())));
  // --no-minify keeps names readable in a CPU profile; the content script ships minified.
  // --root: the parse path of another checkout (e.g. `git archive <commit> utils | tar -x -C dir`, with the
  // tsconfig files), to compare before and after a change on the same machine, at the same moment.
  const sourceRoot = resolve(option('--root') ?? root);
  const { parsePath, samplerPath } = await bundle(outDir, !args.includes('--no-minify'), sourceRoot);

  const results: Sample[] = [];
  for (let k = 0; k < samples; k++) {
    const profile = cpuProf ? ['--cpu-prof', `--cpu-prof-dir=${outDir}`, '--cpu-prof-interval=100'] : [];
    const child = spawnSync(
      process.execPath,
      [...profile, samplerPath, '--sample', parsePath, htmlPath, String(cpuProf ? 0 : WARM_RUNS)],
      { encoding: 'utf8' },
    );
    if (child.status !== 0) throw new Error(`cold-parse: sample ${k + 1} failed:\n${child.stderr}`);
    results.push(JSON.parse(child.stdout.trim().split('\n').pop()!) as Sample);
  }
  const pick = (key: keyof Sample) => median(results.map((result) => result[key]));
  const summary = {
    samples,
    episodes: pick('episodes'),
    detected: pick('detected'),
    cold: { init: pick('init'), find: pick('find'), detect: pick('detect') },
    coldCpu: { init: pick('initCpu'), find: pick('findCpu'), detect: pick('detectCpu') },
    warm: { find: pick('warmFind'), detect: pick('warmDetect') },
  };
  if (args.includes('--json')) {
    console.log(JSON.stringify({ ...summary, runs: results }));
    return;
  }
  const spread = (key: keyof Sample) => {
    const values = results.map((result) => result[key]);
    return `${Math.min(...values).toFixed(1)}–${Math.max(...values).toFixed(1)}`;
  };
  console.log(
    `Seed-000 listing (${summary.episodes} episodes found, ${summary.detected} with an overlay), ${samples} fresh processes, medians:`,
  );
  const row = (label: string, key: 'init' | 'find' | 'detect') =>
    console.log(
      `  cold  ${label.padEnd(11)} ${formatMs(summary.cold[key])} wall (${spread(key)}), ` +
        `${formatMs(summary.coldCpu[key])} CPU (${spread(`${key}Cpu`)})`,
    );
  row('module init', 'init');
  row('find', 'find');
  row('detect', 'detect');
  const total = (times: Record<'init' | 'find' | 'detect', number>) =>
    formatMs(times.init + times.find + times.detect);
  console.log(`  cold  total       ${total(summary.cold)} wall, ${total(summary.coldCpu)} CPU`);
  console.log(`  warm  find        ${formatMs(summary.warm.find)}`);
  console.log(`  warm  detect      ${formatMs(summary.warm.detect)}`);
  if (cpuProf) console.log(`CPU profile in ${outDir}`);
}

await main();

// CLI start-up cost: the CPU of `stackcast` on small inputs against a bare `node -e 0`, side by side in one
// run (the target: a small text input at most 3x), and the same command run from source through tsx.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { stageCli, ROOT } from '../scripts/build-cli';
import { table } from './lib/timing';

/** Runs of each command per sample: bash's `times` then sums them, finer than one run's clock ticks. */
const RUNS_PER_SAMPLE = 3;
const SAMPLES = 5;
const TARGET_RATIO = 3;

interface Command {
  name: string;
  argv: string[];
  samples?: number;
}

interface Cost {
  /** Seconds of user + system CPU per run, one value per sample. */
  cpu: number[];
  wall: number[];
}

const quote = (arg: string) => `'${arg.replace(/'/g, "'\\''")}'`;

/**
 * One sample: the command run RUNS_PER_SAMPLE times in a bash whose `times` reports the CPU its children
 * used (user and system, as the kernel accounted them), divided per run.
 */
function sample(argv: string[]): { cpu: number; wall: number } {
  const line = argv.map(quote).join(' ');
  const script = `for i in $(seq ${RUNS_PER_SAMPLE}); do ${line} >/dev/null 2>&1 || exit 9; done; times`;
  const started = performance.now();
  const result = spawnSync('bash', ['-c', script], { encoding: 'utf8' });
  const wall = (performance.now() - started) / 1000 / RUNS_PER_SAMPLE;
  if (result.status !== 0)
    throw new Error(`cli-start: ${line} failed (exit ${result.status}): ${result.stderr}`);
  // Second line of `times`: the children's user and system time, e.g. "0m0.280s 0m0.031s".
  const children = result.stdout.trim().split('\n')[1] ?? '';
  const seconds = [...children.matchAll(/(\d+)m([\d.]+)s/g)].map(([, m, s]) => Number(m) * 60 + Number(s));
  if (seconds.length !== 2)
    throw new Error(`cli-start: cannot read bash's times: ${JSON.stringify(result.stdout)}`);
  return { cpu: (seconds[0]! + seconds[1]!) / RUNS_PER_SAMPLE, wall };
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

export default async function cliStart(): Promise<string> {
  const folder = mkdtempSync(join(tmpdir(), 'stackcast-cli-start-'));
  try {
    const bin = await stageCli(folder);
    const notes = join(folder, 'notes.txt');
    writeFileSync(notes, '0:00 Intro\n1:45 Running Postgres on Kubernetes\n7:01 Questions\n');
    const page = join(folder, 'page.html');
    writeFileSync(
      page,
      '<h1>Ep 1</h1><ul><li>0:00 Intro</li><li>1:45 Running Postgres on Kubernetes</li></ul>',
    );
    const baseline: Command = { name: 'node -e 0', argv: [process.execPath, '-e', '0'] };
    const commands: Command[] = [
      {
        name: 'stackcast parse --text (3-line file)',
        argv: [process.execPath, bin, 'parse', '--text', notes],
      },
      { name: 'stackcast parse (2-item HTML fragment)', argv: [process.execPath, bin, 'parse', page] },
      { name: 'stackcast --help', argv: [process.execPath, bin, '--help'] },
      {
        name: 'from source through tsx: parse --text (3-line file)',
        argv: [
          process.execPath,
          createRequire(import.meta.url).resolve('tsx/cli'),
          '--tsconfig',
          join(ROOT, 'tsconfig.json'),
          join(ROOT, 'cli', 'main.ts'),
          'parse',
          '--text',
          notes,
        ],
        samples: 3,
      },
    ];
    // Warm the file cache, then alternate baseline and command so drift on a shared machine hits both alike.
    for (const command of [baseline, ...commands]) sample(command.argv);
    const rows: string[][] = [];
    let textRatio = Number.NaN;
    for (const command of commands) {
      const base: Cost = { cpu: [], wall: [] };
      const cost: Cost = { cpu: [], wall: [] };
      const ratios: number[] = [];
      for (let i = 0; i < (command.samples ?? SAMPLES); i++) {
        const b = sample(baseline.argv);
        const c = sample(command.argv);
        base.cpu.push(b.cpu);
        base.wall.push(b.wall);
        cost.cpu.push(c.cpu);
        cost.wall.push(c.wall);
        ratios.push(c.cpu / b.cpu);
      }
      const ratio = median(ratios);
      if (command === commands[0]) textRatio = ratio;
      rows.push([
        command.name,
        `${(median(cost.cpu) * 1000).toFixed(0)} ms`,
        `${(median(base.cpu) * 1000).toFixed(0)} ms`,
        `${ratio.toFixed(2)}x (${Math.min(...ratios).toFixed(2)}–${Math.max(...ratios).toFixed(2)})`,
        `${(median(cost.wall) * 1000).toFixed(0)} ms`,
      ]);
    }
    const verdict = textRatio <= TARGET_RATIO ? 'met' : '**not met**';
    return [
      '## cli-start',
      '',
      `CPU (user + system, as bash's \`times\` reports the children) of one \`stackcast\` run against a bare`,
      `\`node -e 0\` measured in turn with it (${SAMPLES} samples of ${RUNS_PER_SAMPLE} runs each; median; the ratio`,
      `is the median of the sample-by-sample ratios, min–max in brackets). The CLI is the built file`,
      '(bin/stackcast.mjs running dist/stackcast.mjs, built fresh for the run).',
      '',
      table(['command', 'CPU per run', 'node -e 0 alongside', 'ratio', 'wall per run'], rows),
      '',
      `Target: a small text input costs at most ${TARGET_RATIO}x the CPU of \`node -e 0\`: ${verdict} (${textRatio.toFixed(2)}x).`,
    ].join('\n');
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}

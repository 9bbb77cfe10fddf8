// BENCHMARKS.md assembly: the machine header and per-benchmark sections between HTML comment markers.
import { arch, cpus, loadavg, platform, release, totalmem } from 'node:os';

const HEADER_START = '<!-- bench:header -->';
const HEADER_END = '<!-- /bench:header -->';

/**
 * The header describing where and when the numbers were measured.
 * @example machineHeader(new Date()) // "# Benchmarks\n\n…- CPU: …"
 */
export function machineHeader(date: Date): string {
  const cpu = cpus();
  const model = cpu[0]?.model.trim() ?? 'unknown CPU';
  const memoryGiB = (totalmem() / 1024 ** 3).toFixed(1);
  return [
    '# Benchmarks',
    '',
    'Written by `npm run bench` (bench/run.ts); run `npm run bench -- NAME` to refresh one section.',
    'Each section keeps the results of its last run; the header describes the most recent run.',
    '',
    HEADER_START,
    `- Date: ${date.toISOString()}`,
    `- CPU: ${model} (${cpu.length} logical cores)`,
    `- Memory: ${memoryGiB} GiB`,
    `- Node: ${process.version}`,
    `- OS: ${platform()} ${release()} (${arch()})`,
    // Other work on the machine skews medians; the load average says how busy it was when the run began.
    `- Load average at start (1/5/15 min): ${loadavg()
      .map((load) => load.toFixed(2))
      .join(' / ')}`,
    ...(loadavg()[0]! > cpu.length
      ? [
          `- **Busy machine**: load ${loadavg()[0]!.toFixed(1)} on ${cpu.length} cores, so wall-clock timings are inflated; the min column is the closest to an idle machine.`,
        ]
      : []),
    HEADER_END,
  ].join('\n');
}

const markerStart = (name: string) => `<!-- bench:${name} -->`;
const markerEnd = (name: string) => `<!-- /bench:${name} -->`;

/** The sections of an existing report, by benchmark name. */
export function readSections(report: string): Map<string, string> {
  const sections = new Map<string, string>();
  const pattern = /<!-- bench:([\w.-]+) -->\n?([\s\S]*?)\n?<!-- \/bench:\1 -->/g;
  for (const match of report.matchAll(pattern)) {
    const [, name, body] = match;
    if (name && name !== 'header' && body !== undefined) sections.set(name, body.trim());
  }
  return sections;
}

/**
 * A new report: the fresh header, then every section in `order` (fresh where run, kept from `previous`
 * otherwise), then any older sections whose benchmark no longer exists, so nothing is silently lost.
 * @example mergeSections('', '# Benchmarks', new Map([['parser', '## Parser']]), ['parser'])
 */
export function mergeSections(
  previous: string,
  header: string,
  fresh: Map<string, string>,
  order: string[],
): string {
  const kept = readSections(previous);
  const names = [...order, ...[...kept.keys()].filter((name) => !order.includes(name))];
  const parts = [header];
  for (const name of names) {
    const body = fresh.get(name) ?? kept.get(name);
    if (body === undefined) continue;
    parts.push(`${markerStart(name)}\n${body}\n${markerEnd(name)}`);
  }
  return `${parts.join('\n\n')}\n`;
}

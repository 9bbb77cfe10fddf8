// Timing for benchmarks: warm up, repeat, and report the median and p95 (means hide GC pauses and outliers).

export interface Timing {
  /** Milliseconds. */
  median: number;
  p95: number;
  min: number;
  runs: number;
}

/**
 * Time a synchronous function: `warmup` untimed calls, then `runs` timed ones (or until `budgetMs` is spent,
 * whichever comes first, but at least 5 runs).
 * @example const t = measure(() => parseChapters(text)); console.log(t.median)
 */
export function measure(
  fn: () => unknown,
  options: { warmup?: number; runs?: number; budgetMs?: number } = {},
): Timing {
  const { warmup = 5, runs = 50, budgetMs = 5_000 } = options;
  let sink: unknown;
  for (let i = 0; i < warmup; i += 1) sink = fn();
  const samples: number[] = [];
  const deadline = performance.now() + budgetMs;
  while (samples.length < runs && (samples.length < 5 || performance.now() < deadline)) {
    const start = performance.now();
    sink = fn();
    samples.push(performance.now() - start);
  }
  keep(sink);
  return summarize(samples);
}

/** Same as `measure`, for async functions. */
export async function measureAsync(
  fn: () => Promise<unknown>,
  options: { warmup?: number; runs?: number; budgetMs?: number } = {},
): Promise<Timing> {
  const { warmup = 3, runs = 30, budgetMs = 10_000 } = options;
  let sink: unknown;
  for (let i = 0; i < warmup; i += 1) sink = await fn();
  const samples: number[] = [];
  const deadline = performance.now() + budgetMs;
  while (samples.length < runs && (samples.length < 5 || performance.now() < deadline)) {
    const start = performance.now();
    sink = await fn();
    samples.push(performance.now() - start);
  }
  keep(sink);
  return summarize(samples);
}

/** Median, p95 (nearest rank) and minimum of millisecond samples. */
export function summarize(samples: number[]): Timing {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (q: number) =>
    sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))] ?? NaN;
  return { median: at(0.5), p95: at(0.95), min: sorted[0] ?? NaN, runs: sorted.length };
}

/** Milliseconds with sensible precision for a table. */
export function ms(value: number): string {
  if (!Number.isFinite(value)) return 'n/a';
  if (value < 1) return `${value.toFixed(3)} ms`;
  if (value < 100) return `${value.toFixed(2)} ms`;
  return `${value.toFixed(0)} ms`;
}

/** A Markdown table from a header row and body rows. */
export function table(header: string[], rows: string[][]): string {
  const line = (cells: string[]) => `| ${cells.map((cell) => cell.replace(/\|/g, '\\|')).join(' | ')} |`;
  return [line(header), line(header.map(() => '---')), ...rows.map(line)].join('\n');
}

// Results are stored somewhere observable so the optimiser cannot drop the measured work.
let blackhole: unknown;
function keep(value: unknown): void {
  blackhole = value;
  if (blackhole === Symbol.for('never')) console.log(blackhole);
}

// The parser benchmark's adversarial section: time on hostile shapes of 1 to 4 MB must grow linearly.
import { parseChapters } from '../../utils/parse/chapters';
import { extractTech, techInputFromText } from '../../utils/tech/extract';
import { ADVERSARIAL_SHAPES, ADVERSARIAL_SIZES_MB } from './adversarial';
import { measure, ms, table } from './timing';

/** Every adversarial shape at each size: under 100 ms at 1 MB, linear growth. */
export function adversarialInput(): string[] {
  const lines: string[] = [];
  // ── Adversarial: linear time ─────────────────────────────────────────────────────────────────────────
  lines.push('### Adversarial input (linear time)', '');
  lines.push(
    'Median (and min) of 5 runs after one warm-up, `parseChapters` on text of each shape; target < 100 ms for 1 MB and time growing linearly with size.',
    '',
  );
  const rows: string[][] = [];
  let worst1mb = 0;
  let worstRatio = 0;
  for (const shape of ADVERSARIAL_SHAPES) {
    const times = ADVERSARIAL_SIZES_MB.map((size) => {
      const text = shape.build(size * 1024 * 1024);
      return measure(() => parseChapters(text), { warmup: 1, runs: 5, budgetMs: 20_000 });
    });
    const t1 = times[0]?.median ?? NaN;
    // Growth is judged on the fastest runs: on a shared machine a median can catch another job's burst.
    const growth = (times[2]?.min ?? NaN) / (times[0]?.min ?? NaN);
    worst1mb = Math.max(worst1mb, t1);
    worstRatio = Math.max(worstRatio, growth);
    rows.push([
      shape.name,
      ...times.map((t) => `${ms(t.median)} (min ${ms(t.min)})`),
      `${growth.toFixed(2)}×`,
      t1 < 100 ? 'yes' : '**no**',
    ]);
  }
  const techText = ADVERSARIAL_SHAPES[0]!.build(1024 * 1024);
  const techAdversarial = measure(() => extractTech(techInputFromText(techText)), {
    warmup: 1,
    runs: 5,
    budgetMs: 20_000,
  });
  lines.push(
    table(
      [
        'shape',
        ...ADVERSARIAL_SIZES_MB.map((size) => `${size} MB`),
        '4 MB / 1 MB, min (linear = 4×)',
        '< 100 ms at 1 MB',
      ],
      rows,
    ),
    '',
    `Worst 1 MB median: ${ms(worst1mb)}; worst 4 MB/1 MB ratio of the min times: ${worstRatio.toFixed(2)}× (4× is linear). ` +
      `extractTech(techInputFromText) on 1 MB of the random shape: ${ms(techAdversarial.median)}.`,
    '',
  );
  return lines;
}

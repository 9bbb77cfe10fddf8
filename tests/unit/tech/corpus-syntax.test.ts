// Tech recognition on the Syntax corpus (../shared, read at test time): of the technology sites the show notes link
// (hosts checked by hand, bench/tech-accuracy-syntax-hosts.ts), how many the product recognises on the rendered page.
// The floors sit just under the figures measured when the catalog was extended (BENCHMARKS.md, tech-accuracy-corpora).
import { describe, expect, it } from 'vitest';
import { evaluateSyntaxAccuracy, withoutSponsorReads } from '../../../bench/tech-accuracy-syntax';

describe('tech recognition on Syntax', () => {
  const result = evaluateSyntaxAccuracy();

  it('reads every show', () => {
    expect(result.shows).toBe(649);
    expect(result.linked.total).toBeGreaterThan(1150);
  });

  it('recognises the linked technology sites the catalog was extended for, and is right about them', () => {
    expect(result.linked.recall).toBeGreaterThanOrEqual(0.99);
    expect(result.linkPrecision.precision).toBeGreaterThanOrEqual(0.98);
  });

  it('recognises most technology sites linked from exactly three shows (checked after the entries were added)', () => {
    expect(result.heldOut.total).toBeGreaterThan(150);
    expect(result.heldOut.recall).toBeGreaterThanOrEqual(0.78);
  });

  it('leaves most sponsors out: a sponsor stays only where the notes also talk about it', () => {
    expect(result.sponsorLinked.total).toBeGreaterThan(600);
    expect(result.sponsorLinked.reported / result.sponsorLinked.total).toBeLessThanOrEqual(0.05);
  });

  it("drops sponsor reads from the benchmark's ground truth by its own Markdown rule", () => {
    const notes =
      '## Sentry - Sponsor\n\nTry [Sentry](https://sentry.io).\n\n## Show Notes\n\n* [Vite](https://vitejs.dev)';
    expect(withoutSponsorReads(notes)).not.toContain('sentry.io');
    expect(withoutSponsorReads(notes)).toContain('vitejs.dev');
  });
});

// Tech extraction on the devtools.fm corpus (../shared, read at test time): each episode page rendered as the site
// renders it, read as the product reads it, against the episode's front-matter tags (bench/tech-accuracy-devtoolsfm.ts
// says exactly what is measured). The floors sit just under the figures measured when the catalog was extended for
// this corpus (BENCHMARKS.md, tech-accuracy-corpora), so a regression fails.
import { describe, expect, it } from 'vitest';
import { evaluateDevtoolsAccuracy } from '../../../bench/tech-accuracy-devtoolsfm';

describe('tech accuracy on devtools.fm', () => {
  const result = evaluateDevtoolsAccuracy({ transcripts: false });

  it('reads every episode that has tags, and resolves the tags that name technologies', () => {
    expect(result.episodes).toBe(160);
    expect(result.tagsMapped).toBeGreaterThanOrEqual(735);
  });

  it('reports the tagged technologies from the notes with precision and recall above their floors', () => {
    expect(result.notes.precision).toBeGreaterThanOrEqual(0.64);
    expect(result.notes.recall).toBeGreaterThanOrEqual(0.45);
    expect(result.notes.f1).toBeGreaterThanOrEqual(0.53);
  });

  it('reports almost every tagged technology the notes name or link', () => {
    expect(result.named.total).toBeGreaterThanOrEqual(330);
    expect(result.named.recall).toBeGreaterThanOrEqual(0.9);
  });

  it('takes no sponsor for a topic', () => {
    // Raycast, Mux and Clerk sponsor many episodes; they are topics of a few.
    for (const sponsor of ['raycast', 'mux', 'clerk'])
      expect(result.extra.get(sponsor) ?? 0, sponsor).toBeLessThanOrEqual(4);
  });
});

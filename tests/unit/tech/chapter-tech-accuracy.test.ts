// Per-chapter technology accuracy on the ../shared corpora (read at test time), held at the level reached;
// the method and the numbers are in BENCHMARKS.md (chapter-tech).
import { describe, expect, it } from 'vitest';
import { evaluateChapterTech, ratios } from '../../../bench/chapter-tech';

describe('chapter technologies on the corpora', () => {
  const [rip, devtools, ripClaimed] = evaluateChapterTech();

  it('runninginproduction: chapters carry the tags their titles name, and little the tags leave out', () => {
    expect(rip!.chapters).toBeGreaterThan(2_000);
    expect(rip!.named).toBeGreaterThan(1_000);
    const { precision, precisionTaggable, recall } = ratios(rip!);
    // Reached: recall 0.99, precision 0.77 (strict: a chapter about leaving Heroku counts as wrong against the
    // stack tags), 0.90 over technologies the site can tag.
    expect(recall).toBeGreaterThanOrEqual(0.97);
    expect(precision).toBeGreaterThanOrEqual(0.75);
    expect(precisionTaggable).toBeGreaterThanOrEqual(0.88);
  });

  it('talking about a technology finds more chapters than the stack claim rules would', () => {
    expect(ratios(rip!).recall).toBeGreaterThan(ratios(ripClaimed!).recall);
  });

  it('devtools.fm, show notes no rule was written for, stays above its floor', () => {
    expect(devtools!.chapters).toBeGreaterThan(1_000);
    const { precision, recall } = ratios(devtools!);
    // Reached: recall 0.95, precision 0.68 against the show's own tags.
    expect(recall).toBeGreaterThanOrEqual(0.92);
    expect(precision).toBeGreaterThanOrEqual(0.65);
  });
});

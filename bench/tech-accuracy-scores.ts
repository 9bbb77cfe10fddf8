// Scoring helpers for the corpus measurements of tech extraction: precision/recall/F1, counters, a technology's
// lineage (S3 answers for AWS) and an extractor-independent "named in the text" check.
import { techBySlug, type Technology } from '@/utils/tech/catalog';

export interface Scores {
  truePositives: number;
  falsePositives: number;
  falseNegatives: number;
  precision: number;
  recall: number;
  f1: number;
}

export const ratio = (part: number, whole: number) => (whole === 0 ? 1 : part / whole);

export function scores(truePositives: number, falsePositives: number, falseNegatives: number): Scores {
  const precision = ratio(truePositives, truePositives + falsePositives);
  const recall = ratio(truePositives, truePositives + falseNegatives);
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  return { truePositives, falsePositives, falseNegatives, precision, recall, f1 };
}

export const count = (counts: Map<string, number>, key: string) =>
  counts.set(key, (counts.get(key) ?? 0) + 1);

/** The slug and every ancestor (parents, their parents…): S3 answers for AWS. */
export function lineage(slug: string): Set<string> {
  const out = new Set<string>();
  const visit = (tech: Technology | undefined) => {
    if (tech === undefined || out.has(tech.slug)) return;
    out.add(tech.slug);
    for (const parent of tech.parents ?? []) visit(techBySlug(parent));
  };
  visit(techBySlug(slug));
  if (out.size === 0) out.add(slug);
  return out;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * Named in the text by a catalog spelling: a plain regex independent of the extractor, case-insensitive, whole words
 * that are not part of a URL or a file or package name (`Nut.js` does not name JS).
 */
export function namedIn(text: string, tech: Technology): boolean {
  const prose = text.replace(/\bhttps?:\/\/\S+/giu, ' ');
  return [tech.name, ...tech.aliases, tech.slug].some((spelling) =>
    new RegExp(
      `(?<![\\p{L}\\p{N}./@-])${escapeRegExp(spelling)}(?![\\p{L}\\p{N}]|[./@-][\\p{L}\\p{N}])`,
      'iu',
    ).test(prose),
  );
}

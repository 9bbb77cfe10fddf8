// The library benchmark's episodes: generated from the technology catalog with a popularity skew, seeded.
import { TECHNOLOGIES } from '../../utils/tech/catalog';
import type { TechCategory } from '../../utils/model';
import type { SavedEpisode } from '../../utils/library/record';
import { makeSaved, random } from '../../tests/unit/library/generate';

/**
 * The catalog with a popularity skew (a few technologies are on most episodes, most on few), as in real shows.
 * Ordered most popular first.
 */
export function catalogTech(): [string, string, TechCategory][] {
  const order = [...TECHNOLOGIES].sort((a, b) => (a.slug < b.slug ? -1 : 1));
  const rand = random(42);
  for (let i = order.length - 1; i > 0; i--) {
    const j = Math.floor(rand() * (i + 1));
    [order[i], order[j]] = [order[j]!, order[i]!];
  }
  return order.map((t) => [t.slug, t.name, t.category]);
}

/** `count` saved episodes, the same on every run. */
export function generate(count: number, tech: [string, string, TechCategory][]): SavedEpisode[] {
  // Pick from the catalog with a power-law skew: index = n * u^3 favours the first (popular) entries.
  const skewed = tech.map((_, i) => tech[Math.floor(tech.length * (i / tech.length) ** 3)]!);
  return Array.from({ length: count }, (_, i) => makeSaved(i + 1, random(i + 1), skewed));
}

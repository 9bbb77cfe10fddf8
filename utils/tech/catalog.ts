// The technology catalog: every technology Stackcast can name, decoded from the rows in ./data, with slug lookup.
import type { Technology } from './types';
import { technologiesFromRows } from './rows';
import { LANGUAGES } from './data/languages';
import { FRAMEWORKS } from './data/frameworks';
import { DATA_STORES } from './data/data-stores';
import { INFRASTRUCTURE } from './data/infrastructure';
import { SERVICES } from './data/services';

export type { Technology, TechAmbiguity } from './types';

/** All technologies, grouped by family in source order. Slugs are runninginproduction.com tag names where one exists. */
export const TECHNOLOGIES: readonly Technology[] = [LANGUAGES, FRAMEWORKS, DATA_STORES, INFRASTRUCTURE, SERVICES].flatMap(
  technologiesFromRows,
);

const BY_SLUG: ReadonlyMap<string, Technology> = new Map(TECHNOLOGIES.map((tech) => [tech.slug, tech]));

/**
 * The technology with this slug, if the catalog has one.
 * @example techBySlug('postgres')?.name // 'PostgreSQL'
 */
export function techBySlug(slug: string): Technology | undefined {
  return BY_SLUG.get(slug);
}

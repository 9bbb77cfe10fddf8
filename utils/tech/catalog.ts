// The technology catalog: every technology Stackcast can name, decoded from the rows in ./data on first use, with slug lookup.
import type { Technology } from './types';
import { technologiesFromRows } from './rows';
import { LANGUAGES } from './data/languages';
import { FRAMEWORKS } from './data/frameworks';
import { DATA_STORES } from './data/data-stores';
import { INFRASTRUCTURE } from './data/infrastructure';
import { SERVICES } from './data/services';
import { DEVELOPER_TOOLS } from './data/developer-tools';

export type { Technology, TechAmbiguity } from './types';

// Decoded on first use, not at load: a context that loads this module but never scans for technologies (a
// background woken for a library message, a worker) does not pay for the catalog.
let decoded: readonly Technology[] | undefined;
let bySlug: ReadonlyMap<string, Technology> | undefined;

/**
 * All technologies, grouped by family in source order (decoded once, on the first call).
 * Slugs are runninginproduction.com tag names where one exists.
 * @example catalogTechnologies().find((tech) => tech.slug === 'rails')?.name // 'Ruby on Rails'
 */
export function catalogTechnologies(): readonly Technology[] {
  decoded ??= [LANGUAGES, FRAMEWORKS, DATA_STORES, INFRASTRUCTURE, SERVICES, DEVELOPER_TOOLS].flatMap(
    technologiesFromRows,
  );
  return decoded;
}

/**
 * All technologies, as {@link catalogTechnologies} returns them, decoded when this module loads (for Node tools
 * and tests). The annotation lets a bundle that never reads it drop the eager decode.
 */
export const TECHNOLOGIES: readonly Technology[] = /* @__PURE__ */ catalogTechnologies();

/**
 * The technology with this slug, if the catalog has one.
 * @example techBySlug('postgres')?.name // 'PostgreSQL'
 */
export function techBySlug(slug: string): Technology | undefined {
  bySlug ??= new Map(catalogTechnologies().map((tech) => [tech.slug, tech]));
  return bySlug.get(slug);
}

// Tech-stack extraction: merges explicit lists, tags, links and prose mentions into one TechMention per technology.
import type { TechMention, TechSource } from '@/utils/model';
import { techBySlug, type Technology } from '@/utils/tech/catalog';
import { resolveTechReference, tagSlugFromUrl, techByHomepage } from '@/utils/tech/lookup';
import { findTechInText } from './prose';

export { techInputFromText } from './input-text';

/** What a page says about its stack, sorted by how explicit it is. */
export interface TechInput {
  /** Prose: titles, descriptions, topic lines. Names are matched with context rules. */
  text?: string;
  /** An explicit stack list: slugs, names as written (`docker →`) or vendor homepage URLs. Source `list`. */
  listed?: string[];
  /** Tags and hashtags: `rails`, `#rails`, `/tags/rails`. Source `tag`. */
  tags?: string[];
  /**
   * Other links on the page: tag URLs count as tags; a link to a vendor's homepage is a mention
   * (source `text`): a reference link is not a claim that the stack uses it.
   */
  links?: string[];
}

const STRENGTH: Record<TechSource, number> = { list: 3, tag: 2, text: 1, implied: 0 };

class MentionSet {
  readonly #mentions = new Map<string, TechMention>();

  add(tech: Technology, source: TechSource): void {
    const existing = this.#mentions.get(tech.slug);
    if (existing !== undefined && STRENGTH[existing.source] >= STRENGTH[source]) return;
    // Re-inserting would move it; keep the first position and upgrade the source in place.
    this.#mentions.set(tech.slug, { slug: tech.slug, name: tech.name, category: tech.category, source });
  }

  has(slug: string): boolean {
    return this.#mentions.has(slug);
  }

  values(): TechMention[] {
    return [...this.#mentions.values()];
  }
}

/**
 * The technologies an episode's page names, one entry per slug, strongest source first wins
 * (list > tag > text > implied), in order of discovery: list items, tags, links, prose, then implied parents.
 * Parents (Django → Python, RDS → AWS) are implied only when the page gives no explicit list or tags:
 * an author's own stack list is taken as complete.
 *
 * @example extractTech({ text: 'Built with Django on Postgres' }).map((m) => `${m.slug}:${m.source}`)
 * // ['django:text', 'postgres:text', 'python:implied']
 */
export function extractTech(input: TechInput): TechMention[] {
  const mentions = new MentionSet();
  for (const item of input.listed ?? []) {
    const tech = resolveTechReference(item);
    if (tech !== undefined) mentions.add(tech, 'list');
  }
  for (const item of input.tags ?? []) {
    const tech = resolveTechReference(item);
    if (tech !== undefined) mentions.add(tech, 'tag');
  }
  for (const link of input.links ?? []) {
    const tagSlug = tagSlugFromUrl(link);
    if (tagSlug !== undefined) {
      const tech = resolveTechReference(tagSlug);
      if (tech !== undefined) mentions.add(tech, 'tag');
      continue;
    }
    const tech = techByHomepage(link);
    if (tech !== undefined) mentions.add(tech, 'text');
  }
  if (input.text !== undefined && input.text !== '') {
    for (const { tech } of findTechInText(input.text)) mentions.add(tech, 'text');
  }
  const hasExplicitStack = mentions
    .values()
    .some((mention) => mention.source === 'list' || mention.source === 'tag');
  if (!hasExplicitStack) {
    for (const mention of mentions.values()) addParents(techBySlug(mention.slug), mentions, new Set());
  }
  return mentions.values();
}

function addParents(tech: Technology | undefined, mentions: MentionSet, visiting: Set<string>): void {
  if (tech === undefined || visiting.has(tech.slug)) return;
  visiting.add(tech.slug);
  for (const slug of tech.parents ?? []) {
    const parent = techBySlug(slug);
    if (parent === undefined) continue;
    if (!mentions.has(slug)) mentions.add(parent, 'implied');
    addParents(parent, mentions, visiting);
  }
}

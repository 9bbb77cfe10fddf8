// A technology chip as a filter over one episode's chapters: which chapters it marks and where prev/next go.
// Pure, so the panel's rules are tested without a DOM.
import type { Chapter, TechMention } from '@/utils/model';
// Not model.ts's chapterTechOf: a value import of model.ts would bring zod into the content script.

/**
 * How many chapters name each technology, counted once per panel draw (not once per chip).
 * @example
 * chapterCounts([{ start: 0, title: 'Postgres', tech: ['postgres'] }]).get('postgres') // 1
 */
export function chapterCounts(chapters: readonly Chapter[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const chapter of chapters)
    for (const slug of chapter.tech ?? []) counts.set(slug, (counts.get(slug) ?? 0) + 1);
  return counts;
}

/**
 * The technologies the chip row offers after the episode's own: those only its chapters talk about (the episode's
 * list does not name them), so a listener can choose them too. Only those a chapter of the panel names, each once,
 * in the order the parse found them.
 * @example
 * chapterOnlyChips([rails], [heroku], [{ start: 0, title: 'Moving off Heroku', tech: ['heroku'] }]) // [heroku]
 */
export function chapterOnlyChips(
  tech: readonly TechMention[],
  chapterTech: readonly TechMention[] | undefined,
  chapters: readonly Chapter[],
): TechMention[] {
  if (!chapterTech?.length) return [];
  const seen = new Set(tech.map((mention) => mention.slug));
  const named = new Set<string>();
  for (const chapter of chapters) for (const slug of chapter.tech ?? []) named.add(slug);
  const chips: TechMention[] = [];
  for (const mention of chapterTech) {
    if (seen.has(mention.slug) || !named.has(mention.slug)) continue;
    seen.add(mention.slug);
    chips.push(mention);
  }
  return chips;
}

/**
 * Indexes of the chapters about `slug`, ascending; empty when no chip is chosen.
 * @example
 * matchingChapters([{ start: 0, title: 'a', tech: [] }, { start: 9, title: 'b', tech: ['go'] }], 'go') // [1]
 */
export function matchingChapters(chapters: readonly Chapter[], slug: string | null): number[] {
  if (slug === null) return [];
  const found: number[] = [];
  chapters.forEach((chapter, index) => {
    if ((chapter.tech ?? []).includes(slug)) found.push(index);
  });
  return found;
}

/**
 * The chapter "Next" goes to: with a filter, the first marked chapter after the current one (the first marked
 * one when nothing plays yet); without, the next chapter. -1 when there is none.
 * @example
 * nextChapter(10, 2, [1, 4, 7]) // 4
 */
export function nextChapter(count: number, current: number, matches: readonly number[] | null): number {
  if (matches === null) return current + 1 < count ? current + 1 : -1;
  return matches.find((index) => index > current) ?? -1;
}

/**
 * The chapter "Previous" goes to: the last marked chapter before the current one, or the previous chapter
 * without a filter. -1 when there is none.
 * @example
 * previousChapter(5, [1, 4, 7]) // 4
 */
export function previousChapter(current: number, matches: readonly number[] | null): number {
  if (matches === null) return current > 0 ? current - 1 : -1;
  for (let i = matches.length - 1; i >= 0; i--) if (matches[i]! < current) return matches[i]!;
  return -1;
}

/**
 * What the panel says when a chip is chosen (a live region reads it out).
 * @example
 * filterStatus('PostgreSQL', 3) // '3 chapters about PostgreSQL'
 */
export function filterStatus(name: string, matches: number): string {
  if (matches === 0) return `No chapter is about ${name}`;
  return `${matches} ${matches === 1 ? 'chapter' : 'chapters'} about ${name}`;
}

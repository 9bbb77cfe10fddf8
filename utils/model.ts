// The Episode model: one set of zod schemas and their types, used at every trust boundary
// (scraped data reaching the background, messages, imported files).
import { z } from 'zod';
import { MAX_EPISODE_SECONDS } from './parse/time';

/** The longest texts and lists an episode may carry: every write keeps within them, every import checks them. */
export const EPISODE_LIMITS = {
  id: 8_192,
  url: 8_192,
  title: 2_000,
  chapters: 5_000,
  tech: 1_000,
  techSlug: 80,
  techName: 120,
  /** Technologies one chapter may carry (see MAX_CHAPTER_TECH in utils/tech/chapter-tech.ts). */
  chapterTech: 40,
} as const;

/** Seconds from the start of the episode, a whole non-negative number. */
export const SecondsSchema = z.number().int().nonnegative().max(MAX_EPISODE_SECONDS);

/** A catalog technology's slug (`postgres`, `golang`), as TechMention.slug and a chapter's `tech` carry it. */
export const TechSlugSchema = z.string().min(1).max(EPISODE_LIMITS.techSlug);

export const ChapterSchema = z.object({
  start: SecondsSchema,
  /** Derived: the next chapter's start, or the episode's duration when known. */
  end: SecondsSchema.nullable().optional(),
  title: z.string().max(EPISODE_LIMITS.title),
  /**
   * The slugs of the technologies the chapter talks about (its title and the lines the notes nest under it,
   * utils/tech/chapter-tech.ts), unique, in order of mention. Every chapter the parser makes and every
   * stored one (library schema 7) has it; absent only on chapters from elsewhere (old backups, tests):
   * read it with `chapterTechOf`.
   */
  tech: z
    .array(TechSlugSchema)
    .max(EPISODE_LIMITS.chapterTech)
    .transform((slugs) => [...new Set(slugs)])
    .optional(),
});
export type Chapter = z.infer<typeof ChapterSchema>;

/** A chapter's technology slugs, [] when it carries none. */
export function chapterTechOf(chapter: Pick<Chapter, 'tech'>): readonly string[] {
  return chapter.tech ?? [];
}

export const TECH_CATEGORIES = [
  'language',
  'framework',
  'database',
  'cache',
  'queue',
  'hosting',
  'container',
  'ci',
  'monitoring',
  'error-tracking',
  'email',
  'payments',
  'cdn-dns',
  'search',
  'storage',
  'os',
  'web-server',
  'other',
] as const;
export const TechCategorySchema = z.enum(TECH_CATEGORIES);
export type TechCategory = z.infer<typeof TechCategorySchema>;

/** Where a technology was found: an explicit stack list, a tag/hashtag, prose, or implied by another. */
export const TechSourceSchema = z.enum(['list', 'tag', 'text', 'implied']);
export type TechSource = z.infer<typeof TechSourceSchema>;

export const TechMentionSchema = z.object({
  slug: TechSlugSchema,
  name: z.string().min(1).max(EPISODE_LIMITS.techName),
  category: TechCategorySchema,
  source: TechSourceSchema,
});
export type TechMention = z.infer<typeof TechMentionSchema>;

/** Only http(s) URLs cross a trust boundary: never javascript:, data:, file: ... */
export const HttpUrlSchema = z
  .string()
  .max(EPISODE_LIMITS.url)
  .refine((value) => {
    try {
      const { protocol } = new URL(value);
      return protocol === 'http:' || protocol === 'https:';
    } catch {
      return false;
    }
  }, 'must be an http(s) URL');

/** What the parser and site adapters know about one episode. */
export const EpisodeSchema = z.object({
  /** Stable id: the canonical episode URL (or GUID when there is no URL). */
  id: z.string().min(1).max(EPISODE_LIMITS.id),
  title: z.string().max(EPISODE_LIMITS.title).nullable(),
  podcast: z.string().max(EPISODE_LIMITS.title).nullable(),
  /**
   * ISO 8601 date (YYYY-MM-DD) when known, as the site readers write it. The library keeps only dates that
   * exist (see isoCalendarDate in utils/chapter-timeline.ts).
   */
  date: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/, 'must be an ISO 8601 date (YYYY-MM-DD)')
    .nullable(),
  durationSeconds: SecondsSchema.nullable(),
  /** Canonical URL of the episode's page. */
  url: HttpUrlSchema.nullable(),
  audioUrl: HttpUrlSchema.nullable(),
  chapters: z.array(ChapterSchema).max(EPISODE_LIMITS.chapters),
  /** 0..1: how sure the parser is that the chapters are a real chapter list. */
  chapterConfidence: z.number().min(0).max(1),
  tech: z.array(TechMentionSchema).max(EPISODE_LIMITS.tech),
  /**
   * Technologies only chapters talk about (a chapter's `tech` slug that `tech` does not list), named, in order of
   * first mention: the panel offers them as chips too, and it has no catalog to name a slug. Derived at parse
   * time, absent when there are none; the library keeps `tech` and the chapters' slugs, not this.
   */
  chapterTech: z.array(TechMentionSchema).max(EPISODE_LIMITS.tech).optional(),
});
export type Episode = z.infer<typeof EpisodeSchema>;

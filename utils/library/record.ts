// The saved-episode record: the scraped Episode plus the listener's own fields, and what is derived for indexes.
import { z } from 'zod';
import { EpisodeSchema, SecondsSchema, type Episode, type TechMention } from '../model';
import { isoCalendarDate, normaliseChapters } from '../chapter-timeline';

export const LISTEN_STATUSES = ['to-listen', 'listening', 'listened'] as const;
export const ListenStatusSchema = z.enum(LISTEN_STATUSES);
export type ListenStatus = z.infer<typeof ListenStatusSchema>;

/**
 * A personal tag: short, trimmed, lower-case so `Infra` and `infra` are one tag. Lower-cased before the length
 * check: 'İ' lower-cases to two UTF-16 units, and a tag stored must be a tag the backup import accepts.
 */
export const PersonalTagSchema = z.string().trim().toLowerCase().min(1).max(60);

/** The listener's own limits: tags per episode, characters of a tag and of the notes. */
export const LISTENER_LIMITS = { tags: 50, tag: 60, notes: 20_000 } as const;

/** ISO 8601 instant as produced by `Date.prototype.toISOString` (sortable as text). */
export const InstantSchema = z.iso.datetime();

/** What the listener adds to an episode; never overwritten by a re-scan of the page. */
export const ListenerFieldsSchema = z.object({
  status: ListenStatusSchema,
  notes: z.string().max(LISTENER_LIMITS.notes),
  /** Unique after lower-casing (['Infra', 'infra'] is one tag), so merging a record with itself changes nothing. */
  tags: z
    .array(PersonalTagSchema)
    .max(LISTENER_LIMITS.tags)
    .transform((tags) => [...new Set(tags)]),
  /** 1..5 stars, or null when not rated. */
  rating: z.number().int().min(1).max(5).nullable(),
  /** Where the listener stopped, in seconds. */
  position: SecondsSchema.nullable(),
});
export type ListenerFields = z.infer<typeof ListenerFieldsSchema>;

/**
 * Imported personal tags: unique after lower-casing, the first LISTENER_LIMITS.tags kept. Backups written
 * before the limit held on import may have more (two imports of 50 different tags made 100): they restore,
 * and the import says how many tags it left out (see `tagsLeftOut`).
 */
const ImportedTagsSchema = z
  .array(PersonalTagSchema)
  .max(1_000)
  .transform((tags) => [...new Set(tags)].slice(0, LISTENER_LIMITS.tags));

/** How many of an imported episode's tags (unique after lower-casing) the import leaves out. */
export function tagsLeftOut(raw: unknown, kept: readonly string[]): number {
  if (!Array.isArray(raw) || raw.length <= kept.length) return 0;
  const unique = new Set(raw.map((tag) => (typeof tag === 'string' ? tag.trim().toLowerCase() : tag)));
  return Math.max(0, unique.size - kept.length);
}

/**
 * An imported date: an ISO 8601 calendar date that exists, or a full ISO 8601 timestamp, kept as its date
 * (`2024-05-01T23:30:00-07:00` → `2024-05-01`). Anything else is refused, naming the field.
 */
const ImportedDateSchema = z
  .string()
  .max(40)
  .nullable()
  .transform((value, context) => {
    if (value === null) return null;
    const date = isoCalendarDate(value);
    if (date === null)
      context.addIssue({ code: 'custom', message: 'must be an ISO 8601 date (YYYY-MM-DD) or timestamp' });
    return date;
  });

/**
 * A saved episode as exported and imported (no derived fields). Its chapters come out as a timeline
 * (normaliseChapters: sorted, one per start, impossible ends and chapters past the duration dropped).
 */
export const SavedEpisodeSchema = EpisodeSchema.extend({
  date: ImportedDateSchema,
  ...ListenerFieldsSchema.shape,
  tags: ImportedTagsSchema,
  savedAt: InstantSchema,
  updatedAt: InstantSchema,
}).transform((episode) => {
  const chapters = normaliseChapters(episode.chapters, episode.durationSeconds);
  return chapters === episode.chapters ? episode : { ...episode, chapters };
});
export type SavedEpisode = z.infer<typeof SavedEpisodeSchema>;

/** A technology as the list and the facets need it (no source: that is only for the details panel). */
export interface SummaryTech {
  slug: string;
  name: string;
  category: TechMention['category'];
}

/**
 * What the library list, its filters, facets and search need of one saved episode: a few hundred bytes
 * instead of the full record (chapters, sources, audio URL). Kept in its own table, written in the same
 * transaction as the full record, so the page can open by reading summaries only.
 */
export interface EpisodeSummary {
  id: string;
  title: string | null;
  podcast: string | null;
  date: string | null;
  durationSeconds: number | null;
  url: string | null;
  status: ListenStatus;
  tags: string[];
  savedAt: string;
  updatedAt: string;
  tech: SummaryTech[];
  /** The technology slugs, unique. */
  techSlugs: string[];
  /** Lower-case, accent-free text of title, podcast, chapter titles, notes and tags, for search. */
  searchText: string;
}

export const DEFAULT_LISTENER_FIELDS: ListenerFields = {
  status: 'to-listen',
  notes: '',
  tags: [],
  rating: null,
  position: null,
};

/**
 * Fold text for search: lower case, accents removed, runs of non-letters/digits collapsed to one space.
 * @example
 * foldText('Café: PostgreSQL!') // 'cafe postgresql'
 */
export function foldText(text: string): string {
  // Most show notes are ASCII: skip the (costly) Unicode normalisation for them.
  // eslint-disable-next-line no-control-regex
  if (/^[\x00-\x7f]*$/.test(text))
    return text
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, ' ')
      .trim();
  return text
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/**
 * The summary of a saved episode (what the list, filters and search read).
 * @example
 * toSummary(saved).techSlugs // ['docker', 'postgres']
 */
export function toSummary(episode: SavedEpisode): EpisodeSummary {
  const techSlugs: string[] = [];
  const tech: SummaryTech[] = [];
  for (const mention of episode.tech) {
    if (techSlugs.includes(mention.slug)) continue;
    techSlugs.push(mention.slug);
    tech.push({ slug: mention.slug, name: mention.name, category: mention.category });
  }
  const parts = [
    episode.title,
    episode.podcast,
    ...episode.chapters.map((c) => c.title),
    episode.notes,
    ...episode.tags,
  ];
  // Leading space lets a search match word prefixes with `includes(' ' + token)`.
  const searchText = ' ' + foldText(parts.filter(Boolean).join(' \n '));
  return {
    id: episode.id,
    title: episode.title,
    podcast: episode.podcast,
    date: episode.date,
    durationSeconds: episode.durationSeconds,
    url: episode.url,
    status: episode.status,
    tags: [...episode.tags],
    savedAt: episode.savedAt,
    updatedAt: episode.updatedAt,
    tech,
    techSlugs,
    searchText,
  };
}

/**
 * The saved episode alone, in the field order of the schema so exports are stable (fields derived by
 * earlier schema versions, such as version 2's `techSlugs`/`searchText`, are left out).
 * @example
 * toSaved(record) // no techSlugs/searchText
 */
export function toSaved(stored: SavedEpisode): SavedEpisode {
  return {
    id: stored.id,
    title: stored.title,
    podcast: stored.podcast,
    date: stored.date,
    durationSeconds: stored.durationSeconds,
    url: stored.url,
    audioUrl: stored.audioUrl,
    chapters: stored.chapters.map((c) => {
      const chapter =
        c.end === undefined
          ? { start: c.start, title: c.title }
          : { start: c.start, end: c.end, title: c.title };
      // Chapters of schema 7 and later carry their technologies; older ones (old backups) write as they were.
      return c.tech === undefined ? chapter : { ...chapter, tech: [...c.tech] };
    }),
    chapterConfidence: stored.chapterConfidence,
    tech: stored.tech.map((t) => ({ slug: t.slug, name: t.name, category: t.category, source: t.source })),
    status: stored.status,
    notes: stored.notes,
    tags: [...stored.tags],
    rating: stored.rating,
    position: stored.position,
    savedAt: stored.savedAt,
    updatedAt: stored.updatedAt,
  };
}

/** Just the scraped part of a record. */
export function episodeOf(saved: SavedEpisode): Episode {
  const {
    status: _s,
    notes: _n,
    tags: _t,
    rating: _r,
    position: _p,
    savedAt: _a,
    updatedAt: _u,
    ...episode
  } = toSaved(saved);
  return episode;
}

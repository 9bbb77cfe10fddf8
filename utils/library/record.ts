// The saved-episode record: the scraped Episode plus the listener's own fields, and what is derived for indexes.
import { z } from 'zod';
import { EpisodeSchema, SecondsSchema, type Episode } from '../model';

export const LISTEN_STATUSES = ['to-listen', 'listening', 'listened'] as const;
export const ListenStatusSchema = z.enum(LISTEN_STATUSES);
export type ListenStatus = z.infer<typeof ListenStatusSchema>;

/** A personal tag: short, trimmed, lower-case so `Infra` and `infra` are one tag. */
export const PersonalTagSchema = z
  .string()
  .trim()
  .min(1)
  .max(60)
  .transform((tag) => tag.toLowerCase());

/** ISO 8601 instant as produced by `Date.prototype.toISOString` (sortable as text). */
export const InstantSchema = z.iso.datetime();

/** What the listener adds to an episode; never overwritten by a re-scan of the page. */
export const ListenerFieldsSchema = z.object({
  status: ListenStatusSchema,
  notes: z.string().max(20_000),
  tags: z.array(PersonalTagSchema).max(50),
  /** 1..5 stars, or null when not rated. */
  rating: z.number().int().min(1).max(5).nullable(),
  /** Where the listener stopped, in seconds. */
  position: SecondsSchema.nullable(),
});
export type ListenerFields = z.infer<typeof ListenerFieldsSchema>;

/** A saved episode as exported and imported (no derived fields). */
export const SavedEpisodeSchema = EpisodeSchema.extend({
  ...ListenerFieldsSchema.shape,
  savedAt: InstantSchema,
  updatedAt: InstantSchema,
});
export type SavedEpisode = z.infer<typeof SavedEpisodeSchema>;

/** A saved episode as stored: plus fields derived for the indexes (recomputed, never imported). */
export interface StoredEpisode extends SavedEpisode {
  /** Multi-entry index: the technology slugs, unique. */
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
  if (/^[\x00-\x7f]*$/.test(text)) return text.toLowerCase().replace(/[^a-z0-9]+/g, ' ').trim();
  return text
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/**
 * Compute the derived fields of a saved episode.
 * @example
 * toStored(saved).techSlugs // ['docker', 'postgres']
 */
export function toStored(episode: SavedEpisode): StoredEpisode {
  const techSlugs = [...new Set(episode.tech.map((mention) => mention.slug))];
  const parts = [episode.title, episode.podcast, ...episode.chapters.map((c) => c.title), episode.notes, ...episode.tags];
  // Leading space lets a search match word prefixes with `includes(' ' + token)`.
  const searchText = ' ' + foldText(parts.filter(Boolean).join(' \n '));
  return { ...episode, techSlugs, searchText };
}

/**
 * Strip derived fields (for export), keeping the field order of the schema so exports are stable.
 * @example
 * toSaved(stored) // no techSlugs/searchText
 */
export function toSaved(stored: StoredEpisode | SavedEpisode): SavedEpisode {
  return {
    id: stored.id,
    title: stored.title,
    podcast: stored.podcast,
    date: stored.date,
    durationSeconds: stored.durationSeconds,
    url: stored.url,
    audioUrl: stored.audioUrl,
    chapters: stored.chapters.map((c) => (c.end === undefined ? { start: c.start, title: c.title } : { start: c.start, end: c.end, title: c.title })),
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
  const { status: _s, notes: _n, tags: _t, rating: _r, position: _p, savedAt: _a, updatedAt: _u, ...episode } = toSaved(saved);
  return episode;
}

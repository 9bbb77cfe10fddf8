// A library view (filters + sort) and its URL form, so a view can be bookmarked and shared between tabs.
import { TECH_CATEGORIES, type TechCategory } from '../../model';
import { LISTEN_STATUSES, type ListenStatus } from '../record';
import { truncateText } from '../../text-limits';

export const SORT_KEYS = ['saved', 'date', 'title', 'duration'] as const;
export type SortKey = (typeof SORT_KEYS)[number];

export interface LibraryView {
  /** Technology slugs to filter by. */
  tech: string[];
  /** 'all': an episode must mention every technology; 'any': at least one. */
  techMode: 'all' | 'any';
  category: TechCategory | null;
  status: ListenStatus | null;
  podcast: string | null;
  /** A personal tag. */
  tag: string | null;
  /** Free text over titles, podcast, chapter titles, notes and tags. */
  q: string;
  sort: SortKey;
  order: 'asc' | 'desc';
  /** The Chapters view (each matching chapter) or the technology map instead of the episodes; absent: episodes. */
  show?: 'chapters' | 'map';
  /** In the Chapters view: only the chapters saved on their own (starred). */
  saved?: true;
}

export const DEFAULT_VIEW: LibraryView = {
  tech: [],
  techMode: 'all',
  category: null,
  status: null,
  podcast: null,
  tag: null,
  q: '',
  sort: 'saved',
  order: 'desc',
};

function oneOf<T extends string>(values: readonly T[], value: string | null): T | null {
  return value !== null && (values as readonly string[]).includes(value) ? (value as T) : null;
}

/**
 * Read a view from a URL hash or query string; anything unknown falls back to the default.
 * @example
 * parseView('#tech=docker,postgres&mode=any&sort=title') // { tech: ['docker','postgres'], techMode: 'any', ... }
 */
export function parseView(hash: string): LibraryView {
  const params = new URLSearchParams(hash.replace(/^[#?]/, ''));
  const text = (key: string, max = 500) => {
    const value = params.get(key)?.trim();
    return value ? truncateText(value, max) : null;
  };
  return {
    tech: [
      ...new Set(
        (params.get('tech') ?? '')
          .split(',')
          .map((s) => s.trim())
          .filter(Boolean),
      ),
    ].slice(0, 50),
    techMode: params.get('mode') === 'any' ? 'any' : 'all',
    category: oneOf(TECH_CATEGORIES, params.get('category')),
    status: oneOf(LISTEN_STATUSES, params.get('status')),
    podcast: text('podcast'),
    tag: text('tag', 60)?.toLowerCase() ?? null,
    q: text('q') ?? '',
    sort: oneOf(SORT_KEYS, params.get('sort')) ?? DEFAULT_VIEW.sort,
    order:
      params.get('order') === 'asc'
        ? 'asc'
        : params.get('order') === 'desc'
          ? 'desc'
          : defaultOrder(oneOf(SORT_KEYS, params.get('sort')) ?? DEFAULT_VIEW.sort),
    // Left out when absent, so a plain view stays equal to DEFAULT_VIEW's fields.
    ...(params.get('show') === 'chapters' || params.get('show') === 'map'
      ? { show: params.get('show') as 'chapters' | 'map' }
      : {}),
    ...(params.get('saved') === '1' ? { saved: true as const } : {}),
  };
}

/** Titles read A→Z; dates and durations newest/longest first. */
export function defaultOrder(sort: SortKey): 'asc' | 'desc' {
  return sort === 'title' ? 'asc' : 'desc';
}

/**
 * The URL hash for a view (without '#'), leaving defaults out so URLs stay short.
 * @example
 * serializeView({ ...DEFAULT_VIEW, tech: ['docker'] }) // 'tech=docker'
 */
export function serializeView(view: LibraryView): string {
  const params = new URLSearchParams();
  if (view.tech.length) params.set('tech', view.tech.join(','));
  if (view.techMode !== 'all') params.set('mode', view.techMode);
  if (view.category) params.set('category', view.category);
  if (view.status) params.set('status', view.status);
  if (view.podcast) params.set('podcast', view.podcast);
  if (view.tag) params.set('tag', view.tag);
  if (view.q) params.set('q', view.q);
  if (view.sort !== DEFAULT_VIEW.sort) params.set('sort', view.sort);
  if (view.order !== defaultOrder(view.sort)) params.set('order', view.order);
  if (view.show) params.set('show', view.show);
  if (view.saved) params.set('saved', '1');
  return params.toString();
}

// The filter sidebar: search, technologies with counts (all of / any of), category, status, podcast, tag, sort.
import { TECH_CATEGORIES } from '@/utils/model';
import { LISTEN_STATUSES } from '@/utils/library/record';
import type { LibraryFacets } from '@/utils/library/query/facets';
import {
  DEFAULT_VIEW,
  SORT_KEYS,
  defaultOrder,
  type LibraryView,
  type SortKey,
} from '@/utils/library/query/view';
import { STATUS_LABELS } from './format';

const SORT_LABELS: Record<SortKey, string> = {
  saved: 'Saved date',
  date: 'Episode date',
  title: 'Title',
  duration: 'Duration',
};
const TECH_SHOWN = 40;
const NO_FACETS: LibraryFacets = { tech: [], categories: [], statuses: [], podcasts: [], tags: [] };

export interface FilterPanelProps {
  view: LibraryView;
  /** Null while the library is still loading (counts need every episode). */
  facets: LibraryFacets | null;
  onChange: (view: LibraryView, options?: { replace?: boolean }) => void;
}

/**
 * @example
 * <FilterPanel view={view} facets={facets} onChange={setView} />
 */
export function FilterPanel({ view, facets: counted, onChange }: FilterPanelProps) {
  const facets = counted ?? NO_FACETS;
  const set = (patch: Partial<LibraryView>, replace = false) => onChange({ ...view, ...patch }, { replace });
  const toggleTech = (slug: string) =>
    set({ tech: view.tech.includes(slug) ? view.tech.filter((s) => s !== slug) : [...view.tech, slug] });
  // Selected technologies stay listed even when the current selection has none of them.
  const shown = [
    ...facets.tech.filter((t) => view.tech.includes(t.slug)),
    ...view.tech
      .filter((slug) => !facets.tech.some((t) => t.slug === slug))
      .map((slug) => ({ slug, name: slug, category: 'other' as const, count: 0 })),
    ...facets.tech.filter((t) => !view.tech.includes(t.slug)).slice(0, TECH_SHOWN),
  ];
  const filtered =
    JSON.stringify({ ...view, sort: 0, order: 0 }) !== JSON.stringify({ ...DEFAULT_VIEW, sort: 0, order: 0 });
  return (
    <aside class="filters" aria-label="Filters">
      <label class="field">
        <span>Search</span>
        <input
          type="search"
          data-stackcast-search=""
          placeholder="Titles, chapters, notes…"
          value={view.q}
          onInput={(e) => set({ q: e.currentTarget.value }, true)}
        />
      </label>

      <fieldset class="tech-facets">
        <legend>Technologies</legend>
        <div class="mode" role="radiogroup" aria-label="Match">
          {(['all', 'any'] as const).map((mode) => (
            <label key={mode}>
              <input
                type="radio"
                name="tech-mode"
                checked={view.techMode === mode}
                onChange={() => set({ techMode: mode })}
              />
              {mode === 'all' ? 'All of' : 'Any of'}
            </label>
          ))}
        </div>
        <ul>
          {shown.map((facet) => (
            <li key={facet.slug}>
              <label class={`facet cat-${facet.category}`}>
                <input
                  type="checkbox"
                  data-stackcast-facet={facet.slug}
                  checked={view.tech.includes(facet.slug)}
                  onChange={() => toggleTech(facet.slug)}
                />
                <span class="facet-name">{facet.name}</span>
                <span class="count" aria-label={`${facet.count} episodes`}>
                  {facet.count}
                </span>
              </label>
            </li>
          ))}
          {shown.length === 0 && (
            <li class="hint">{counted ? 'No technologies in these episodes.' : 'Counting technologies…'}</li>
          )}
        </ul>
      </fieldset>

      <label class="field">
        <span>Category</span>
        <select
          value={view.category ?? ''}
          onChange={(e) => set({ category: (e.currentTarget.value || null) as LibraryView['category'] })}
        >
          <option value="">Any category</option>
          {TECH_CATEGORIES.map((category) => (
            <option key={category} value={category}>
              {category} ({facets.categories.find((c) => c.value === category)?.count ?? 0})
            </option>
          ))}
        </select>
      </label>
      <label class="field">
        <span>Status</span>
        <select
          data-stackcast-status-filter=""
          value={view.status ?? ''}
          onChange={(e) => set({ status: (e.currentTarget.value || null) as LibraryView['status'] })}
        >
          <option value="">Any status</option>
          {LISTEN_STATUSES.map((status) => (
            <option key={status} value={status}>
              {STATUS_LABELS[status]} ({facets.statuses.find((s) => s.value === status)?.count ?? 0})
            </option>
          ))}
        </select>
      </label>
      <label class="field">
        <span>Podcast</span>
        <select value={view.podcast ?? ''} onChange={(e) => set({ podcast: e.currentTarget.value || null })}>
          <option value="">Any podcast</option>
          {view.podcast && !facets.podcasts.some((p) => p.value === view.podcast) && (
            <option value={view.podcast}>{view.podcast} (0)</option>
          )}
          {facets.podcasts.map((p) => (
            <option key={p.value} value={p.value}>
              {p.value} ({p.count})
            </option>
          ))}
        </select>
      </label>
      <label class="field">
        <span>Tag</span>
        <select value={view.tag ?? ''} onChange={(e) => set({ tag: e.currentTarget.value || null })}>
          <option value="">Any tag</option>
          {view.tag && !facets.tags.some((t) => t.value === view.tag) && (
            <option value={view.tag}>{view.tag} (0)</option>
          )}
          {facets.tags.map((t) => (
            <option key={t.value} value={t.value}>
              {t.value} ({t.count})
            </option>
          ))}
        </select>
      </label>
      <div class="field sort">
        <label>
          <span>Sort by</span>
          <select
            value={view.sort}
            onChange={(e) => {
              const sort = e.currentTarget.value as SortKey;
              set({ sort, order: defaultOrder(sort) });
            }}
          >
            {SORT_KEYS.map((key) => (
              <option key={key} value={key}>
                {SORT_LABELS[key]}
              </option>
            ))}
          </select>
        </label>
        <button
          type="button"
          onClick={() => set({ order: view.order === 'asc' ? 'desc' : 'asc' })}
          aria-label={
            view.order === 'asc' ? 'Ascending; switch to descending' : 'Descending; switch to ascending'
          }
        >
          {view.order === 'asc' ? '↑' : '↓'}
        </button>
      </div>
      {filtered && (
        <button
          type="button"
          class="clear"
          onClick={() => onChange({ ...DEFAULT_VIEW, sort: view.sort, order: view.order })}
        >
          Clear filters
        </button>
      )}
    </aside>
  );
}

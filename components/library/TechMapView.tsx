// The library's technology map: the saved episodes' technologies by episodes and chapters, grouped by category,
// with what the chosen one appears with. Choosing a bar filters the library by it (into the URL); from there
// its chapters or episodes are one click away.
import { useEffect, useMemo, useState } from 'preact/hooks';
import { liveQuery } from 'dexie';
import type { LibraryService } from '@/utils/library/service';
import type { EpisodeSummary, SavedEpisode } from '@/utils/library/record';
import type { LibraryView } from '@/utils/library/query/view';
import { matcher } from '@/utils/library/query/filter';
import { describeStorageError } from '@/utils/library/errors';
import { techMapOf } from '@/utils/tech/tech-map';
import { techBySlug } from '@/utils/tech/catalog';
import { TechMap } from '../TechMap';
import { brandColor, logoUrl } from '../tech-brand';

export interface TechMapViewProps {
  service: LibraryService;
  /** The loaded summaries (the map counts those the view's other facets select). */
  sorted: readonly EpisodeSummary[];
  view: LibraryView;
  onView: (view: LibraryView) => void;
  onError: (text: string) => void;
}

/**
 * @example <TechMapView service={service} sorted={sorted} view={view} onView={setView} onError={warn} />
 */
export function TechMapView({ service, sorted, view, onView, onError }: TechMapViewProps) {
  const [records, setRecords] = useState<SavedEpisode[] | null>(null);
  useEffect(() => {
    const subscription = liveQuery(() => service.all()).subscribe({
      next: setRecords,
      error: (error: unknown) => onError(describeStorageError(error, 'read the technologies').message),
    });
    return () => subscription.unsubscribe();
    // onError is a fresh closure each render; the read depends on the library only.
  }, [service]);
  // The chosen technology is the map's selection, not a filter of what it counts: every bar stays in view.
  const map = useMemo(() => {
    if (!records) return null;
    const counted = sorted.filter(matcher({ ...view, tech: [] }));
    const ids = new Set(counted.map((summary) => summary.id));
    return techMapOf(
      records.filter((record) => ids.has(record.id)),
      techBySlug,
    );
  }, [records, sorted, view]);
  const selected = view.tech.length === 1 ? view.tech[0]! : null;
  const chosen = selected ? map?.counts.find((count) => count.slug === selected) : undefined;
  if (!map) return <p class="state">Reading the technologies…</p>;
  return (
    <section class="tech-map-view" aria-label="Technology map">
      <TechMap
        counts={map.counts}
        pairs={map.pairs}
        selected={selected}
        label={`Technologies in ${map.counts.length ? 'your saved episodes' : 'your library'}`}
        colorOf={brandColor}
        logoOf={logoUrl}
        onSelect={(slug) => onView({ ...view, tech: selected === slug ? [] : [slug] })}
      />
      {chosen && (
        <p class="tech-map-actions">
          <button
            type="button"
            data-stackcast-map-show="chapters"
            onClick={() => onView({ ...view, show: 'chapters' })}
          >
            {`Show ${chosen.chapters} chapter${chosen.chapters === 1 ? '' : 's'} about ${chosen.name}`}
          </button>
          <button
            type="button"
            data-stackcast-map-show="episodes"
            onClick={() => onView({ ...view, show: undefined })}
          >
            {`Show the episodes`}
          </button>
        </p>
      )}
    </section>
  );
}

// Episodes, Chapters or the technology map: the library's views of one filter (the facets and search apply to all).
import type { LibraryView } from '@/utils/library/query/view';

export interface ViewTabsProps {
  view: LibraryView;
  onView: (view: LibraryView) => void;
}

const TABS = [
  { show: undefined, label: 'Episodes', key: 'episodes' },
  { show: 'chapters', label: 'Chapters', key: 'chapters' },
  { show: 'map', label: 'Technology map', key: 'map' },
] as const;

/**
 * @example <ViewTabs view={view} onView={setView} />
 */
export function ViewTabs({ view, onView }: ViewTabsProps) {
  // "Saved chapters" belongs to the Chapters view: leaving it drops the flag so the URL says what is shown.
  const { show: _show, saved, ...rest } = view;
  return (
    <nav class="view-tabs" aria-label="Library view">
      {TABS.map((tab) => (
        <button
          key={tab.key}
          type="button"
          aria-pressed={view.show === tab.show}
          data-stackcast-view-tab={tab.key}
          onClick={() =>
            view.show !== tab.show &&
            onView({
              ...rest,
              ...(tab.show ? { show: tab.show } : {}),
              ...(tab.show === 'chapters' && saved ? { saved } : {}),
            })
          }
        >
          {tab.label}
        </button>
      ))}
    </nav>
  );
}

// The virtualised episode list with keyboard navigation (arrows, Home/End, Enter opens, Space selects, Delete removes).
import { useEffect, useRef, useState } from 'preact/hooks';
import type { EpisodeSummary, ListenStatus } from '@/utils/library/record';
import { EpisodeRow } from './EpisodeRow';
import { useVirtualRows } from './useVirtualRows';

export const ROW_HEIGHT = 76;

export interface EpisodeListProps {
  episodes: EpisodeSummary[];
  selection: ReadonlySet<string>;
  openId: string | null;
  /** The serialised view, exposed for tests and the benchmark to know which view is on screen. */
  viewKey: string;
  onSelect: (id: string, selected: boolean) => void;
  onOpen: (id: string) => void;
  onStatus: (id: string, status: ListenStatus) => void;
  onTech: (slug: string) => void;
  onRemove: (ids: string[]) => void;
}

/**
 * @example
 * <EpisodeList episodes={rows} selection={selected} ... />
 */
export function EpisodeList(props: EpisodeListProps) {
  const { episodes } = props;
  const scrollRef = useRef<HTMLDivElement | null>(null);
  const [active, setActive] = useState(0);
  const rows = useVirtualRows(episodes.length, scrollRef, ROW_HEIGHT);
  const activeIndex = Math.min(active, Math.max(0, episodes.length - 1));

  const focusRow = (index: number) => {
    const target = Math.max(0, Math.min(episodes.length - 1, index));
    setActive(target);
    rows.scrollToIndex(target);
    // The row may only exist after the virtualizer re-renders.
    requestAnimationFrame(() =>
      scrollRef.current?.querySelector<HTMLElement>(`[data-index="${target}"]`)?.focus(),
    );
  };

  useEffect(() => {
    if (active >= episodes.length && episodes.length > 0) setActive(episodes.length - 1);
  }, [episodes.length, active]);

  const onKeyDown = (event: KeyboardEvent) => {
    if ((event.target as HTMLElement).matches('input, select, textarea')) return;
    const episode = episodes[activeIndex];
    const page = Math.max(1, Math.floor((scrollRef.current?.clientHeight ?? 600) / ROW_HEIGHT) - 1);
    const keys: Record<string, () => void> = {
      ArrowDown: () => focusRow(activeIndex + 1),
      ArrowUp: () => focusRow(activeIndex - 1),
      PageDown: () => focusRow(activeIndex + page),
      PageUp: () => focusRow(activeIndex - page),
      Home: () => focusRow(0),
      End: () => focusRow(episodes.length - 1),
      Enter: () => episode && props.onOpen(episode.id),
      ' ': () => episode && props.onSelect(episode.id, !props.selection.has(episode.id)),
      Delete: () => episode && props.onRemove([episode.id]),
    };
    const action = keys[event.key];
    if (action) {
      event.preventDefault();
      action();
    }
  };

  return (
    <div
      class="list"
      ref={scrollRef}
      role="grid"
      aria-label="Saved episodes"
      aria-rowcount={episodes.length}
      data-stackcast-results={episodes.length}
      data-stackcast-view={props.viewKey}
      onKeyDown={onKeyDown}
    >
      <div class="rows" style={{ height: `${rows.getTotalSize()}px` }}>
        {rows.getVirtualItems().map((item) => {
          const episode = episodes[item.index];
          if (!episode) return null;
          return (
            // Keyed by position, not id: a new filter patches the ~20 rows on screen in place instead of
            // unmounting and rebuilding them (half the DOM work of a view change).
            <EpisodeRow
              key={item.index}
              episode={episode}
              index={item.index}
              top={item.start}
              height={ROW_HEIGHT}
              selected={props.selection.has(episode.id)}
              active={item.index === activeIndex}
              open={props.openId === episode.id}
              onSelect={props.onSelect}
              onOpen={props.onOpen}
              onStatus={props.onStatus}
              onTech={props.onTech}
              onFocusRow={setActive}
            />
          );
        })}
      </div>
    </div>
  );
}

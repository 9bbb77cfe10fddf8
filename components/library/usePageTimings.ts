// The library page's performance measures, which the benchmark and the end-to-end tests read: first render with
// data, every summary loaded, and each view change split into computing (filter, facets) and rendering.
import { useLayoutEffect, useRef } from 'preact/hooks';

/**
 * In render, once the view's episodes and facets are computed: how long since the view change began.
 * @example
 * const { shown, facets } = useViewedEpisodes(episodes, complete, view); measureViewComputed();
 */
export function measureViewComputed(): void {
  if (performance.getEntriesByName('stackcast:view-start', 'mark').length > 0)
    performance.measure('stackcast:view-compute', 'stackcast:view-start');
}

/**
 * The measures taken once the page has committed: `stackcast:first-render` (the first screen with data),
 * `stackcast:library-complete` (every summary loaded) and `stackcast:view` (a view change on screen).
 * @example
 * usePageTimings(library.state === 'ready' && shown !== null, complete, serializeView(view), shown);
 */
export function usePageTimings(listed: boolean, complete: boolean, viewKey: string, shown: unknown): void {
  const firstRender = useRef(false);
  useLayoutEffect(() => {
    if (!listed || firstRender.current) return;
    firstRender.current = true;
    performance.measure('stackcast:first-render', { start: 0, end: performance.now() });
  }, [listed]);
  useLayoutEffect(() => {
    if (complete) performance.measure('stackcast:library-complete', { start: 0, end: performance.now() });
  }, [complete]);
  useLayoutEffect(() => {
    if (performance.getEntriesByName('stackcast:view-start', 'mark').length === 0) return;
    performance.measure('stackcast:view', 'stackcast:view-start');
    performance.clearMarks('stackcast:view-start');
  }, [viewKey, shown]);
}

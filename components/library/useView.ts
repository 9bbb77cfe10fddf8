// The library view lives in the URL hash, so a filtered view can be bookmarked and Back restores it.
import { useCallback, useEffect, useState } from 'preact/hooks';
import { parseView, serializeView, type LibraryView } from '@/utils/library/query/view';

/**
 * @example
 * const [view, setView] = useHashView(); setView({ ...view, tech: ['docker'] });
 */
export function useHashView(): [LibraryView, (next: LibraryView, options?: { replace?: boolean }) => void] {
  const [view, setState] = useState(() => parseView(location.hash));
  useEffect(() => {
    const follow = () => {
      performance.mark('stackcast:view-start');
      setState(parseView(location.hash));
    };
    addEventListener('hashchange', follow);
    addEventListener('popstate', follow);
    return () => {
      removeEventListener('hashchange', follow);
      removeEventListener('popstate', follow);
    };
  }, []);
  const setView = useCallback((next: LibraryView, options: { replace?: boolean } = {}) => {
    performance.mark('stackcast:view-start');
    const hash = serializeView(next);
    const url = `${location.pathname}${location.search}${hash ? `#${hash}` : ''}`;
    if (options.replace) history.replaceState(null, '', url);
    else history.pushState(null, '', url);
    setState(next);
  }, []);
  return [view, setView];
}

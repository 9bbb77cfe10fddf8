// A Preact hook around @tanstack/virtual-core: only the rows in view (plus a margin) are rendered.
import { useLayoutEffect, useReducer, useState, type MutableRef } from 'preact/hooks';
import {
  Virtualizer,
  elementScroll,
  observeElementOffset,
  observeElementRect,
  type VirtualizerOptions,
} from '@tanstack/virtual-core';

/**
 * @example
 * const rows = useVirtualRows(episodes.length, scrollRef, 64);
 * rows.getVirtualItems().map((item) => <Row style={{ transform: `translateY(${item.start}px)` }} />)
 */
export function useVirtualRows(count: number, scrollRef: MutableRef<HTMLElement | null>, rowHeight: number) {
  const [, rerender] = useReducer((n: number) => n + 1, 0);
  const [virtualizer] = useState(() => {
    const options: VirtualizerOptions<HTMLElement, Element> = {
      count,
      getScrollElement: () => scrollRef.current,
      estimateSize: () => rowHeight,
      scrollToFn: elementScroll,
      // Before layout (or in a DOM without layout) the list has no height: assume the window's, so the
      // first paint shows rows instead of nothing.
      observeElementRect: (instance, callback) =>
        observeElementRect(instance, (rect) =>
          callback(rect.height > 0 ? rect : { width: rect.width, height: window.innerHeight || 800 }),
        ),
      observeElementOffset,
      initialRect: { width: 800, height: typeof window === 'undefined' ? 800 : window.innerHeight || 800 },
      overscan: 8,
      onChange: () => rerender(0),
    };
    return new Virtualizer(options);
  });
  virtualizer.setOptions({ ...virtualizer.options, count });
  useLayoutEffect(() => virtualizer._didMount(), [virtualizer]);
  useLayoutEffect(() => {
    virtualizer._willUpdate();
  });
  return virtualizer;
}

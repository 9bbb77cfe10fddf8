// Which episodes are in or near the viewport, learnt from an IntersectionObserver, never by reading layout
// (that would force the page's pending layout into the scan's task).

/** How far beyond the viewport an episode still counts as near it. */
const NEAR_MARGIN = '50% 0px';

export interface ViewportWatch {
  /** Whether the observer has reported at least once. */
  readonly reported: boolean;
  /** The first element reported in or near the viewport that is not done yet, or -1. */
  nextNear(done: Uint8Array): number;
  stop(): void;
}

/**
 * Which of `elements` are in or near the viewport, as an IntersectionObserver reports them (none without one).
 * @example
 * const watch = watchViewport(found.map((item) => item.root)); watch.nextNear(done) // 3, or -1
 */
export function watchViewport(elements: Element[]): ViewportWatch {
  const near = new Set<number>();
  let reported = false;
  const Observer = (globalThis as { IntersectionObserver?: typeof IntersectionObserver })
    .IntersectionObserver;
  if (typeof Observer !== 'function' || elements.length < 2) {
    return { reported: false, nextNear: () => -1, stop: () => {} };
  }
  const indexOf = new Map<Element, number>();
  elements.forEach((element, index) => {
    if (!indexOf.has(element)) indexOf.set(element, index);
  });
  const observer = new Observer(
    (entries) => {
      reported = true;
      for (const entry of entries) {
        const index = indexOf.get(entry.target);
        if (index !== undefined && entry.isIntersecting) near.add(index);
      }
      // Only the first report matters: later ones come from our own panels pushing episodes around.
      observer.disconnect();
    },
    { rootMargin: NEAR_MARGIN },
  );
  for (const element of indexOf.keys()) observer.observe(element);
  return {
    get reported() {
      return reported;
    },
    nextNear(done) {
      // A few episodes are near the viewport at once: scanning them all each time is cheap.
      for (const index of near) if (!done[index]) return index;
      return -1;
    },
    stop: () => observer.disconnect(),
  };
}

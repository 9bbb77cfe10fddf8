// Which episodes are in or near the viewport, learnt from an IntersectionObserver, never by reading layout
// (that would force the page's pending layout into the scan's task).

/** How far beyond the viewport an episode still counts as near it. */
const NEAR_MARGIN = '50% 0px';

export interface ViewportWatch {
  /** Whether the observer has reported at least once. */
  readonly reported: boolean;
  /** Resolves when it has (never without an observer). */
  readonly firstReport: Promise<void>;
  /** The first element reported in or near the viewport that is not done yet, or -1. */
  nextNear(done: Uint8Array): number;
  /** Whether element `index` was reported in or near the viewport. */
  isNear(index: number): boolean;
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
    const never = new Promise<void>(() => {});
    return { reported: false, firstReport: never, nextNear: () => -1, isNear: () => false, stop: () => {} };
  }
  let firstReported = () => {};
  const firstReport = new Promise<void>((resolve) => (firstReported = resolve));
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
      firstReported();
    },
    { rootMargin: NEAR_MARGIN },
  );
  for (const element of indexOf.keys()) observer.observe(element);
  return {
    get reported() {
      return reported;
    },
    firstReport,
    nextNear(done) {
      // A few episodes are near the viewport at once: scanning them all each time is cheap.
      for (const index of near) if (!done[index]) return index;
      return -1;
    },
    isNear: (index) => near.has(index),
    stop: () => observer.disconnect(),
  };
}

/** How far beyond the viewport a panel not drawn yet starts drawing: a screen ahead, either way. */
const APPROACH_MARGIN = '100% 0px';

export interface ApproachWatch {
  /** Call `arrive` once `element` comes within a screen of the viewport (at once without an observer). */
  watch(element: Element, arrive: () => void): void;
  forget(element: Element): void;
  stop(): void;
}

/**
 * Elements waiting to come near the viewport, each called back once when it does (then forgotten).
 * @example
 * const approach = watchApproach(); approach.watch(panel.host, () => panel.draw());
 */
export function watchApproach(): ApproachWatch {
  const waiting = new Map<Element, () => void>();
  const Observer = (globalThis as { IntersectionObserver?: typeof IntersectionObserver })
    .IntersectionObserver;
  if (typeof Observer !== 'function') {
    return { watch: (_element, arrive) => arrive(), forget: () => {}, stop: () => {} };
  }
  const observer = new Observer(
    (entries) => {
      for (const entry of entries) {
        const arrive = entry.isIntersecting ? waiting.get(entry.target) : undefined;
        if (!arrive) continue;
        waiting.delete(entry.target);
        observer.unobserve(entry.target);
        arrive();
      }
    },
    { rootMargin: APPROACH_MARGIN },
  );
  return {
    watch(element, arrive) {
      waiting.set(element, arrive);
      observer.observe(element);
    },
    forget(element) {
      if (waiting.delete(element)) observer.unobserve(element);
    },
    stop() {
      waiting.clear();
      observer.disconnect();
    },
  };
}

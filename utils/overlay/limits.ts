// Hard caps that keep hostile or enormous pages from making the overlay slow (a panel's own: components/panel-limits.ts).

/** A page with at least this many episode blocks is a listing (two may be an episode and a stray block). */
export const LISTING_MIN_EPISODES = 3;
/** In-page timestamps made clickable per show-notes element. */
export const PAGE_TIMESTAMPS_MAX = 1_000;
/** Characters of show-notes text examined for in-page timestamps (a 5 MB page is not walked whole). */
export const PAGE_TEXT_MAX_CHARS = 200_000;
/** Episodes that get a panel on one page. */
export const PANELS_MAX = 200;

/** Mutation-driven rescans: quiet period, longest wait under constant mutation, and spacing between scans. */
export const RESCAN_DEBOUNCE_MS = 250;
export const RESCAN_MAX_WAIT_MS = 2_000;
export const RESCAN_MIN_INTERVAL_MS = 1_000;
/** A scan that took t ms is not repeated for t × this factor, which caps the scanner at ~1/factor of CPU. */
export const RESCAN_COST_FACTOR = 100;

// Hard caps that keep hostile or enormous pages from making the overlay slow or unreadable.
import { truncateText } from '../text-limits';

/** Longest chapter or episode title we render, in characters (CSS truncates further, to one line). */
export const TITLE_MAX_CHARS = 200;
/** Chapters rendered before a "Show more" button; each press reveals this many more. */
export const CHAPTERS_PER_PAGE = 100;
/**
 * Chapters each panel shows at first on a listing page (several episodes), before "All N chapters": the
 * page's own timestamps are clickable anyway, and fifty full chapter lists would bury the listing.
 */
export const LISTING_CHAPTERS_SHOWN = 5;
/** A page with at least this many episode blocks is a listing (two may be an episode and a stray block). */
export const LISTING_MIN_EPISODES = 3;
/** Technology chips rendered before a "more" button. */
export const CHIPS_SHOWN = 24;
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

/**
 * Cut text to `max` characters on a character (grapheme) boundary, with an ellipsis when cut.
 * @example
 * clip('a'.repeat(1e6), 10) // 'aaaaaaaaa…'
 */
export function clip(text: string, max = TITLE_MAX_CHARS): string {
  return truncateText(text, max, '…');
}

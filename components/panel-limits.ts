// What one panel shows at most: hostile or enormous show notes must not make it slow or unreadable.
import { truncateText } from '@/utils/text-limits';

/** Longest chapter or episode title we render, in characters (CSS truncates further, to one line). */
export const TITLE_MAX_CHARS = 200;
/** Chapters rendered before a "Show more" button; each press reveals this many more. */
export const CHAPTERS_PER_PAGE = 100;
/**
 * Chapters each panel shows at first on a listing page (several episodes), before "All N chapters": the
 * page's own timestamps are clickable anyway, and fifty full chapter lists would bury the listing.
 */
export const LISTING_CHAPTERS_SHOWN = 5;
/** Technology chips rendered before a "more" button. */
export const CHIPS_SHOWN = 24;

/**
 * Cut text to `max` characters on a character (grapheme) boundary, with an ellipsis when cut.
 * @example
 * clip('a'.repeat(1e6), 10) // 'aaaaaaaaa…'
 */
export function clip(text: string, max = TITLE_MAX_CHARS): string {
  return truncateText(text, max, '…');
}

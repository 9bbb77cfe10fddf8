// What the toolbar knows about each tab: the episodes its content script found, and the chapter-count badge.
import { browser } from 'wxt/browser';
import type { Episode } from '../model';

const SESSION_PREFIX = 'stackcast:tab:';
/** Episodes remembered per tab: as many as the overlay draws panels for (utils/overlay/limits PANELS_MAX). */
export const TAB_EPISODES_MAX = 200;
/**
 * Largest report mirrored to storage.session, in characters of JSON. The session area is small and shared by
 * every tab (10 MB in Chrome): a page that reports megabytes of made-up chapters must not push the other tabs
 * out. A bigger report is kept in memory only (the popup still sees it while the service worker lives).
 */
export const TAB_SESSION_MAX_CHARS = 512 * 1024;
const BADGE_COLOR = '#0a66c2';

/** Episodes per tab; mirrored in storage.session so a restarted service worker still answers the popup. */
const tabEpisodes = new Map<number, Episode[]>();

/**
 * The badge text for a number of chapters: empty for none, capped at four characters.
 * @example
 * badgeText(12) // '12'
 * badgeText(12_000) // '999+'
 */
export function badgeText(chapters: number): string {
  if (chapters <= 0) return '';
  return chapters > 999 ? '999+' : String(chapters);
}

/**
 * Chapters on a tab: the sum over its episodes.
 * @example
 * chapterCount([{ chapters: [a, b] }, { chapters: [c] }]) // 3
 */
export function chapterCount(episodes: readonly Pick<Episode, 'chapters'>[]): number {
  return episodes.reduce((sum, episode) => sum + episode.chapters.length, 0);
}

/**
 * Remember what the content script of `tabId` found and show its chapter count on the badge.
 * @example
 * await setTabEpisodes(sender.tab.id, request.episodes);
 */
export async function setTabEpisodes(tabId: number, reported: Episode[]): Promise<void> {
  const episodes = reported.slice(0, TAB_EPISODES_MAX);
  tabEpisodes.set(tabId, episodes);
  const count = chapterCount(episodes);
  const mirrored = JSON.stringify(episodes).length <= TAB_SESSION_MAX_CHARS;
  await Promise.all([
    browser.action.setBadgeText({ tabId, text: badgeText(count) }),
    count > 0 ? browser.action.setBadgeBackgroundColor({ tabId, color: BADGE_COLOR }) : Promise.resolve(),
    mirrored
      ? session()?.set({ [SESSION_PREFIX + tabId]: episodes })
      : session()?.remove(SESSION_PREFIX + tabId),
  ]);
}

/**
 * The episodes last reported for `tabId` (empty when none).
 * @example
 * const episodes = await tabEpisodesOf(tab.id);
 */
export async function tabEpisodesOf(tabId: number): Promise<Episode[]> {
  const known = tabEpisodes.get(tabId);
  if (known) return known;
  const key = SESSION_PREFIX + tabId;
  const stored = (await session()?.get(key))?.[key];
  return Array.isArray(stored) ? (stored as Episode[]) : [];
}

/**
 * Forget a tab's episodes and clear its badge (new document loading, or tab closed).
 * @example
 * await forgetTab(tabId);
 */
export async function forgetTab(tabId: number, clearBadge = true): Promise<void> {
  tabEpisodes.delete(tabId);
  await Promise.all([
    clearBadge ? browser.action.setBadgeText({ tabId, text: '' }).catch(() => undefined) : Promise.resolve(),
    session()?.remove(SESSION_PREFIX + tabId),
  ]);
}

/**
 * Clear a tab's badge when it starts loading a new document, and forget closed tabs. In-page (SPA)
 * navigations keep the content script, which reports again after re-scanning. Call once, at startup.
 * @example
 * trackTabNavigation();
 */
export function trackTabNavigation(): void {
  browser.tabs.onUpdated.addListener((tabId, change) => {
    if (change.status === 'loading') void forgetTab(tabId);
  });
  browser.tabs.onRemoved.addListener((tabId) => void forgetTab(tabId, false));
}

function session() {
  return browser.storage?.session;
}

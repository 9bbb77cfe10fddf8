// Context-menu entry "Save episode to Stackcast" on pages and links.
import { browser, type Browser } from 'wxt/browser';
import { episodeForClick } from '../library/link-episode';
import { contextLibrary } from '../library/instance';
import { handlers } from './handlers';
import { EXTENSION_CALLER } from './caller';
import { episodeBelongsToPage } from '../episode-site';
import type { Episode } from '../model';

export const SAVE_MENU_ID = 'stackcast-save-episode';

/**
 * Create the menu entry (idempotent across service-worker restarts) and handle its clicks.
 * Call once, synchronously, at the top of the background's main so the click listener is registered.
 * @example
 * registerContextMenu();
 */
export function registerContextMenu(): void {
  browser.contextMenus.onClicked.addListener((info, tab) => {
    if (info.menuItemId !== SAVE_MENU_ID) return;
    void saveFromContextMenu(info, tab).catch((error: unknown) =>
      console.warn(
        '[stackcast] could not save from the context menu:',
        error instanceof Error ? error.message : error,
      ),
    );
  });
  // removeAll first: create() with an existing id fails after a service-worker restart.
  void browser.contextMenus.removeAll().then(() =>
    browser.contextMenus.create({
      id: SAVE_MENU_ID,
      title: 'Save episode to Stackcast',
      contexts: ['page', 'link'],
      documentUrlPatterns: ['http://*/*', 'https://*/*'],
      targetUrlPatterns: ['http://*/*', 'https://*/*'],
    }),
  );
}

/**
 * The detected episodes whose data a page may supply: those of its own site. A page can declare any episode
 * address; saving "this page" must not write its made-up title and chapters over another site's saved episode.
 * @example
 * pageOwnEpisodes(detected, 'https://show.example/ep/1') // only show.example's episodes
 */
export function pageOwnEpisodes(detected: readonly Episode[], pageUrl: string | undefined): Episode[] {
  let page: URL;
  try {
    page = new URL(pageUrl ?? '');
  } catch {
    return [];
  }
  return detected.filter((episode) => episodeBelongsToPage(episode, page));
}

async function saveFromContextMenu(
  info: Browser.contextMenus.OnClickData,
  tab: Browser.tabs.Tab | undefined,
): Promise<void> {
  // What the tab's content script reported (episodes it detected), so a page save keeps chapters and tech.
  const detected =
    tab?.id === undefined
      ? []
      : await handlers['tab:get-episodes']({ type: 'tab:get-episodes', tabId: tab.id }, EXTENSION_CALLER);
  const pageUrl = info.pageUrl ?? tab?.url;
  const episode = episodeForClick(
    {
      linkUrl: info.linkUrl,
      linkText: (info as { linkText?: string }).linkText ?? info.selectionText,
      pageUrl,
      pageTitle: tab?.title,
    },
    pageOwnEpisodes(detected, pageUrl),
  );
  if (!episode) throw new Error('only http(s) pages and links can be saved');
  await contextLibrary().save(episode);
}

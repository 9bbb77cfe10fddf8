// Who sent a message, and what a web page may ask about. A content script speaks for the page it runs in,
// and a hostile page can make it ask about any episode address it declares (JSON-LD, links): so the library
// answers a page only about that page's own site's episodes (utils/episode-site.ts), and a page can never
// rewrite a saved record.

/** The sender of a message: one of Stackcast's own pages (popup, library, options), or a content script. */
export type Caller =
  | { kind: 'extension'; tabId: number | undefined }
  /** `page` is the address of the frame the content script runs in; null when the browser did not say. */
  | { kind: 'page'; tabId: number | undefined; page: URL | null };

/** Stackcast's own pages, for handlers called from the background itself (context menu) and tests. */
export const EXTENSION_CALLER: Caller = { kind: 'extension', tabId: undefined };

interface SenderLike {
  url?: string;
  origin?: string;
  tab?: { id?: number; url?: string };
}

/**
 * Classify a message's sender (already checked to be this extension). A sender whose address is not this
 * extension's own origin is a content script: its page is the frame's address, else the tab's.
 * @example
 * callerOf({ url: 'https://podbay.fm/p/x/e/1', tab: { id: 4 } }, 'chrome-extension://abc') // { kind: 'page', … }
 */
export function callerOf(sender: SenderLike, extensionOrigin: string): Caller {
  const tabId = sender.tab?.id;
  const address = sender.url ?? sender.tab?.url ?? sender.origin ?? null;
  if (address !== null && originOf(address) === extensionOrigin) return { kind: 'extension', tabId };
  let page: URL | null = null;
  try {
    page = address === null ? null : new URL(address);
  } catch {
    page = null;
  }
  return {
    kind: 'page',
    tabId,
    page: page && (page.protocol === 'http:' || page.protocol === 'https:') ? page : null,
  };
}

/** Scheme and host (`URL.origin` is "null" for a `chrome-extension:` address outside the browser). */
export function originOf(address: string): string | null {
  try {
    const url = new URL(address);
    return `${url.protocol}//${url.host}`;
  } catch {
    return null;
  }
}

/** The message a page gets when it asks about (or for) another site's episode. */
export const OTHER_SITE_ERROR =
  'this page can only save or remove its own site’s episodes (use the popup or the library)';

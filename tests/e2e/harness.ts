// End-to-end harness: Debian's Chromium with the built extension loaded, every request served from
// fixtures (nothing reaches the network).
import type { BrowserContext, Page, Worker } from 'playwright-core';
import { resolve } from 'node:path';
import { EXTENSION_DIR, ROOT, launchChromium } from '../../scripts/chromium';

export { EXTENSION_DIR, ROOT, chromiumPath, serveAudio, silentWav } from '../../scripts/chromium';
export const SHARED = resolve(ROOT, '../shared');

export interface ExtensionSession {
  context: BrowserContext;
  extensionId: string;
  worker: Worker;
  /** Open a page of the extension, e.g. `library.html`. */
  openExtensionPage(path: string): Promise<Page>;
  close(): Promise<void>;
}

/**
 * Launch Chromium with the built extension, headless, with all network blocked except routed fixtures.
 * @example
 * const s = await launchExtension(); await serve(s.context, 'https://runninginproduction.com/podcast/1-x', html);
 */
export async function launchExtension(options: { extensionDir?: string } = {}): Promise<ExtensionSession> {
  const { context, close } = await launchChromium({ extensionDir: options.extensionDir ?? EXTENSION_DIR });
  const worker =
    context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker', { timeout: 15_000 }));
  const extensionId = new URL(worker.url()).host;
  return {
    context,
    extensionId,
    worker,
    async openExtensionPage(path: string) {
      const page = await context.newPage();
      await page.goto(`chrome-extension://${extensionId}/${path.replace(/^\//, '')}`);
      return page;
    },
    close,
  };
}

/** Serve `body` at exactly `url` (and anything matching `pattern` if given) in this context. */
export async function serve(
  context: BrowserContext,
  url: string | RegExp,
  body: string | Buffer,
  contentType = 'text/html; charset=utf-8',
): Promise<void> {
  await context.route(url, (route) =>
    route.fulfill({
      status: 200,
      body,
      headers: { 'content-type': contentType, 'access-control-allow-origin': '*' },
    }),
  );
}

// README screenshots taken from the real built extension on fixture pages: the overlay, the popup, the
// library (episodes, chapters and the technology map) and the options page.
//
// Policy: a screenshot is always taken (so a view that fails to render fails here), but it is written to
// docs/screenshots/ only when the file is missing or UPDATE_SCREENSHOTS=1. Pixels differ between machines
// (fonts, antialiasing), so rewriting on every run would dirty the tree in CI for nothing; refresh them
// deliberately with `UPDATE_SCREENSHOTS=1 npm run test:e2e` after a visible change, and commit the PNGs.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { ROOT, launchExtension, serve, type ExtensionSession } from './harness';
import { click, query, waitFor } from './closed-root';
import { waitForPanels } from './overlay-helpers';
import { barAll, barClick } from './topic-bar-root';
import { EPISODE_HTML, EPISODE_URL, LISTING_URL, listingHtml } from './topics-steps';
import {
  openOptions,
  openOverlayPage,
  openPopulatedLibrary,
  openPopupFor,
  serveViewFixtures,
} from './extension-views';

const DIR = resolve(ROOT, 'docs/screenshots');
const UPDATE = process.env.UPDATE_SCREENSHOTS === '1';

let session: ExtensionSession;
before(async () => {
  session = await launchExtension();
  await serveViewFixtures(session);
  await serve(session.context, EPISODE_URL, EPISODE_HTML);
  await serve(session.context, LISTING_URL, listingHtml());
});
after(async () => {
  await session?.close();
});

/** Take the screenshot; store it if asked or missing. Returns whether the file was written. */
async function capture(
  name: string,
  target: Page | Locator,
  options: { fullPage?: boolean } = {},
): Promise<boolean> {
  const png =
    'goto' in target
      ? await target.screenshot({ fullPage: options.fullPage ?? false })
      : await target.screenshot();
  // A real PNG of a rendered view, not an empty or tiny image.
  assert.equal(png.subarray(1, 4).toString('latin1'), 'PNG');
  const width = png.readUInt32BE(16);
  const height = png.readUInt32BE(20);
  assert.ok(width >= 200 && height >= 150, `${name}: screenshot is only ${width}×${height}`);
  assert.ok(png.length > 8_000, `${name}: screenshot looks blank (${png.length} bytes)`);
  const file = resolve(DIR, `${name}.png`);
  if (!UPDATE && existsSync(file)) return false;
  mkdirSync(DIR, { recursive: true });
  writeFileSync(file, png);
  return true;
}

test('overlay on a runninginproduction.com fixture episode', async () => {
  const page = await openOverlayPage(session);
  try {
    await page.emulateMedia({ colorScheme: 'light' });
    const panel = page.locator('[data-stackcast]').first();
    await panel.scrollIntoViewIfNeeded();
    // The panel with the show notes above it, as a listener sees it.
    const box = (await panel.boundingBox())!;
    const top = Math.max(0, box.y - 260);
    await page.setViewportSize({ width: 1280, height: 900 });
    await page.evaluate((y) => window.scrollTo(0, y + window.scrollY), top);
    await capture('overlay', page);
  } finally {
    await page.close();
  }
});

test('chip filter: the chapters about PostgreSQL marked', async () => {
  const page = await session.context.newPage();
  try {
    await page.emulateMedia({ colorScheme: 'light' });
    await page.setViewportSize({ width: 1280, height: 900 });
    await page.goto(EPISODE_URL);
    await waitForPanels(page, 1, 30_000);
    const chip = await waitFor(() => query(page, '[data-stackcast-tech="postgres"]'), 10_000, 'the chip');
    await click(page, chip);
    await waitFor(() => query(page, '[data-stackcast-match]'), 10_000, 'a marked chapter');
    await page.locator('[data-stackcast]').first().scrollIntoViewIfNeeded();
    await capture('chip-filter', page.locator('[data-stackcast]').first());
  } finally {
    await page.close();
  }
});

test('topic bar on a listing, one technology chosen', async () => {
  const page = await session.context.newPage();
  try {
    await page.emulateMedia({ colorScheme: 'light' });
    await page.setViewportSize({ width: 1280, height: 900 });
    await page.goto(LISTING_URL);
    const topics = await waitFor(
      async () => {
        const nodes = await barAll(page, '[data-stackcast-topic]');
        return nodes.length > 0 ? nodes : null;
      },
      30_000,
      'the topic bar',
    );
    await barClick(page, topics[0]!);
    await waitFor(
      () => page.evaluate(() => document.querySelector('[data-stackcast-topic-match]') !== null || null),
      10_000,
      'a highlighted episode',
    );
    await page.evaluate(() => window.scrollTo(0, 0));
    await capture('topic-bar', page);
  } finally {
    await page.close();
  }
});

test('popup for a tab with an episode', async () => {
  const tab = await openOverlayPage(session);
  const popup = await openPopupFor(session, tab);
  try {
    await popup.emulateMedia({ colorScheme: 'light' });
    await capture('popup', popup.locator('body'));
  } finally {
    await popup.close();
    await tab.close();
  }
});

test('library with saved episodes', async () => {
  const library = await openPopulatedLibrary(session);
  try {
    await library.emulateMedia({ colorScheme: 'light' });
    await library.setViewportSize({ width: 1280, height: 800 });
    await capture('library', library);
  } finally {
    await library.close();
  }
});

test('library Chapters view and technology map', async () => {
  const library = await openPopulatedLibrary(session);
  try {
    await library.emulateMedia({ colorScheme: 'light' });
    await library.setViewportSize({ width: 1280, height: 800 });
    await library.evaluate(() => (location.hash = 'show=chapters'));
    await library.locator('[data-stackcast-chapter-row]').first().waitFor();
    await capture('library-chapters', library);
    await library.evaluate(() => (location.hash = 'show=map'));
    await library.locator('[data-stackcast-map-tech]').first().waitFor();
    // The first bar chosen, so the shot shows what it appears with.
    await library.locator('[data-stackcast-map-tech]').first().click();
    await library.locator('[data-stackcast-map-pairs]').waitFor();
    await capture('library-map', library);
  } finally {
    await library.close();
  }
});

test('options page', async () => {
  const options = await openOptions(session);
  try {
    await options.emulateMedia({ colorScheme: 'light' });
    await capture('options', options, { fullPage: true });
  } finally {
    await options.close();
  }
});

// Each of Stackcast's views opened in a realistic state from the built extension, for the accessibility
// and screenshot tests: the overlay on a fixture episode page, the popup for that tab, a populated library,
// and the options page.
import type { Page } from 'playwright-core';
import { serve, silentWav, type ExtensionSession } from './harness';
import { saveState, toggleSave, waitForPanels } from './overlay-helpers';
import { waitFor } from './closed-root';
import { ripPost, ripPostUrl } from '../fixtures/corpus';
import { ripEpisodeHtml } from '../fixtures/runninginproduction';
import { FIXTURE_AUDIO_PATTERN } from '../fixtures/audio';

/** Corpus episodes used for the views (rich chapters and stacks). */
export const VIEW_EPISODES = [50, 53, 12];

/** Route the fixture pages and their audio in this session. */
export async function serveViewFixtures(session: ExtensionSession): Promise<void> {
  await serve(session.context, FIXTURE_AUDIO_PATTERN, silentWav(2_400), 'audio/wav');
  for (const number of VIEW_EPISODES) {
    const post = ripPost(number);
    await serve(session.context, ripPostUrl(post), ripEpisodeHtml(post));
  }
}

/** A fixture episode page with its overlay rendered. */
export async function openOverlayPage(session: ExtensionSession, number = VIEW_EPISODES[0]!): Promise<Page> {
  const page = await session.context.newPage();
  await page.goto(ripPostUrl(ripPost(number)));
  await waitForPanels(page, 1);
  return page;
}

/** Press the first panel's Save toggle (a real click inside its closed root) and wait for it to read as saved. */
export async function saveFromOverlay(page: Page): Promise<void> {
  const state = await waitFor(() => saveState(page), 10_000, 'the Save button to know its state');
  if (state !== 'true') await toggleSave(page, 0, 'true');
}

/**
 * The popup as it shows for `tab`: the popup asks for the active tab when it loads, so the tab is brought
 * to the front before the popup page (opened in the background) navigates.
 */
export async function openPopupFor(session: ExtensionSession, tab: Page): Promise<Page> {
  const popup = await session.context.newPage();
  await popup.setViewportSize({ width: 380, height: 560 });
  await tab.bringToFront();
  await popup.goto(`chrome-extension://${session.extensionId}/popup.html`);
  await popup.locator('main').waitFor();
  await popup
    .waitForFunction(() => !document.querySelector('[aria-busy="true"]'), undefined, { timeout: 5_000 })
    .catch(() => {});
  return popup;
}

/** Save every view episode through its overlay, then open the library with its rows rendered. */
export async function openPopulatedLibrary(session: ExtensionSession): Promise<Page> {
  for (const number of VIEW_EPISODES) {
    const page = await openOverlayPage(session, number);
    try {
      await saveFromOverlay(page);
    } finally {
      await page.close();
    }
  }
  const library = await session.openExtensionPage('library.html');
  await library.locator('[data-stackcast-episode]').first().waitFor();
  return library;
}

/** The options page, rendered. */
export async function openOptions(session: ExtensionSession): Promise<Page> {
  const page = await session.openExtensionPage('options.html');
  await page.locator('h1').waitFor();
  await page.locator('input[name="supported-site"]').first().waitFor();
  return page;
}

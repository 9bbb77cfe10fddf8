// Podcasts' own sites in real Chromium: pages at addresses no site adapter claims, on sites the listener added
// (the extension holds their host permission and runs its content script there, as after the options page's
// grant). Each shows only its episode's chapters; a click seeks the page's player, plays the audio a player's
// data attribute names in the mini player, or says why it cannot play.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { EXTENSION_DIR, launchExtension, serve, silentWav, type ExtensionSession } from './harness';
import {
  clickChapter,
  panelMessage,
  serveAudio,
  waitForMediaTime,
  waitForPanelMessage,
  waitForPanels,
} from './overlay-helpers';
import { FIXTURE_AUDIO_PATTERN } from '../fixtures/audio';
import {
  squarespace,
  transcriptBracketed,
  wordpressPlain,
  wordpressPowerpress,
  type OwnSiteFixture,
} from '../fixtures/own-sites';

const PAGES: OwnSiteFixture[] = [wordpressPowerpress, squarespace, wordpressPlain, transcriptBracketed];
const PATTERNS = [...new Set(PAGES.map((fixture) => `${new URL(fixture.url).origin}/*`))];

/** Generous waits: the machine running the suite may be busy. */
const WAIT = 30_000;

let session: ExtensionSession;
let extensionCopy: string;

/**
 * The built extension as it stands after the listener granted these sites: their host permission held, the
 * content script registered for them (what utils/site-access.ts does once the options page's request is granted).
 */
async function launchWithSites(): Promise<ExtensionSession> {
  extensionCopy = mkdtempSync(join(tmpdir(), 'stackcast-own-sites-'));
  cpSync(EXTENSION_DIR, extensionCopy, { recursive: true });
  const manifestPath = join(extensionCopy, 'manifest.json');
  const manifest = JSON.parse(readFileSync(manifestPath, 'utf8')) as { host_permissions?: string[] };
  manifest.host_permissions = [...(manifest.host_permissions ?? []), ...PATTERNS];
  writeFileSync(manifestPath, JSON.stringify(manifest));
  const launched = await launchExtension({ extensionDir: extensionCopy });
  // As utils/site-access.ts's rememberSite does: the sites in the settings, a script registered per site under
  // its id (the background's reconcile keeps exactly those). A string: the worker's `chrome` is not in our types.
  await launched.worker.evaluate(`(async (patterns) => {
    const scripts = chrome.runtime.getManifest().content_scripts ?? [];
    const main = scripts.find((script) => script.js?.some((file) => file.endsWith('content-scripts/content.js'))) ?? scripts[0];
    await chrome.storage.sync.set({ settings: { enabledSites: [...patterns].sort() } });
    await chrome.scripting.registerContentScripts(patterns.map((pattern) => (
      { id: 'stackcast-site:' + pattern, matches: [pattern], js: main.js, css: main.css ?? [], runAt: 'document_idle', persistAcrossSessions: true }
    )));
  })(${JSON.stringify(PATTERNS)})`);
  return launched;
}

before(async () => {
  session = await launchWithSites();
  await serveAudio(session.context, FIXTURE_AUDIO_PATTERN, silentWav(2_500));
  for (const fixture of PAGES) await serve(session.context, fixture.url, fixture.html);
});
after(async () => {
  await session?.close();
  if (extensionCopy) rmSync(extensionCopy, { recursive: true, force: true });
});

async function withPage<T>(run: (page: Page) => Promise<T>): Promise<T> {
  const page = await session.context.newPage();
  try {
    return await run(page);
  } finally {
    await page.close();
  }
}

describe('own sites', () => {
  test('WordPress PowerPress: one panel with the post’s chapters only; a click seeks the post’s player', async () => {
    await withPage(async (page) => {
      await page.goto(wordpressPowerpress.url);
      const found = await waitForPanels(page, 1, WAIT);
      assert.equal(found.length, 1);
      assert.deepEqual(
        found[0]!.chapters.map((chapter) => chapter.start),
        wordpressPowerpress.expected.starts,
      );
      await clickChapter(page, 612);
      await waitForMediaTime(page, 'audio.wp-audio-shortcode', 612, 5, WAIT);
      assert.equal(await panelMessage(page), null);
    });
  });

  test('Squarespace: the audio block’s data-url plays in Stackcast’s mini player from the chapter', async () => {
    await withPage(async (page) => {
      await page.goto(squarespace.url);
      const [panel] = await waitForPanels(page, 1, WAIT);
      assert.deepEqual(
        panel!.chapters.map((chapter) => chapter.start),
        squarespace.expected.starts,
      );
      await clickChapter(page, 1145);
      await waitForMediaTime(page, 'audio[data-stackcast-player]', 1145, 5, WAIT);
      assert.equal(
        await page.evaluate(() => document.querySelectorAll('audio').length),
        0,
        'the page itself has no <audio>',
      );
    });
  });

  test('a plain WordPress post without audio: the chapters show, and a click says why it cannot play', async () => {
    await withPage(async (page) => {
      await page.goto(wordpressPlain.url);
      const found = await waitForPanels(page, 1, WAIT);
      assert.equal(found.length, 1);
      assert.deepEqual(
        found[0]!.chapters.map((chapter) => chapter.start),
        wordpressPlain.expected.starts,
      );
      await clickChapter(page, 730);
      assert.match(
        await waitForPanelMessage(page, 0, WAIT),
        /This page has no audio Stackcast can play, so it cannot play from 12:10/,
      );
    });
  });

  test('a contents list and a 130-utterance transcript: one panel with the contents as its chapters', async () => {
    await withPage(async (page) => {
      await page.goto(transcriptBracketed.url);
      const found = await waitForPanels(page, 1, WAIT);
      assert.equal(found.length, 1);
      assert.deepEqual(
        found[0]!.chapters.map((chapter) => chapter.start),
        transcriptBracketed.expected.starts,
      );
      await clickChapter(page, 1095);
      await waitForMediaTime(page, 'article audio', 1095, 5, WAIT);
    });
  });
});

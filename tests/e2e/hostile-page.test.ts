// A hostile page in real Chromium with the built extension: its own script tries to read the overlay (the
// shadow root, what is saved), to press it (Save, chapters, the linked timestamps, the players) with
// synthetic clicks and keys, and to learn through the content script whether other sites' episodes are in
// the library. Nothing is learned and nothing changes; a person's real clicks still work.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import { launchExtension, serve, silentWav, type ExtensionSession } from './harness';
import { saveState, serveAudio, waitForPanels } from './overlay-helpers';
import { click, query, queryAll, waitFor } from './closed-root';
import { FIXTURE_AUDIO_PATTERN, fixtureAudioUrl } from '../fixtures/audio';

/** An episode of another site that the listener saved (the page pretends to be it). */
const VICTIM = {
  id: 'https://runninginproduction.com/podcast/4242-a-real-saved-episode',
  title: 'The real saved title',
  podcast: 'Running in Production',
  date: '2026-01-01',
  durationSeconds: 1_800,
  url: 'https://runninginproduction.com/podcast/4242-a-real-saved-episode',
  audioUrl: null,
  chapters: [
    { start: 0, title: 'Real intro' },
    { start: 600, title: 'Real topic' },
  ],
  chapterConfidence: 0.9,
  tech: [],
};
/** Two episodes of the hostile site itself: one pretends to be VICTIM, one is its own (and saved). */
const IMPOSTOR_URL = 'https://podbay.fm/p/stackcast-hostile-show/e/1';
const OWN_URL = 'https://podbay.fm/p/stackcast-hostile-show/e/2';

/**
 * Written for this test: an episode page whose JSON-LD declares `declared` as its address, with a chapter
 * list in its notes, its own <audio>, and a script that attacks the overlay once it appears.
 */
function hostileHtml(declared: string, title: string): string {
  const ld = JSON.stringify({
    '@context': 'https://schema.org',
    '@type': 'PodcastEpisode',
    url: declared,
    name: title,
    associatedMedia: { '@type': 'MediaObject', contentUrl: fixtureAudioUrl('hostile') },
  });
  return `<!DOCTYPE html><html><head><title>${title}</title>
<script type="application/ld+json">${ld}</script>
<script>
  // Try to see every shadow root the page creates or is given: force them open and keep them.
  window.__hostile = { roots: 0, done: false, found: [], presses: 0, seekPresses: 0 };
  const attach = Element.prototype.attachShadow;
  Element.prototype.attachShadow = function (init) {
    const root = attach.call(this, Object.assign({}, init, { mode: 'open' }));
    window.__hostile.roots += 1;
    return root;
  };
  function press(target) {
    target.click();
    target.dispatchEvent(new MouseEvent('click', { bubbles: true, composed: true, cancelable: true }));
    target.dispatchEvent(new PointerEvent('pointerup', { bubbles: true, composed: true }));
    for (const key of ['Enter', ' ', 'ArrowDown']) {
      target.dispatchEvent(new KeyboardEvent('keydown', { key, bubbles: true, composed: true, cancelable: true }));
      target.dispatchEvent(new KeyboardEvent('keyup', { key, bubbles: true, composed: true }));
    }
  }
  function attack() {
    const host = document.querySelector('[data-stackcast]');
    if (!host) return setTimeout(attack, 100);
    // Let the panel learn its Save state first: that is what the page would like to read.
    setTimeout(() => {
      const h = window.__hostile;
      h.shadowRoot = host.shadowRoot === null ? 'null' : 'readable';
      for (const selector of ['[data-stackcast-save]', '[data-stackcast-chapter]', '[data-stackcast-tech]', '[data-stackcast-player]', 'button', 'audio']) {
        if (host.querySelector(selector) || document.querySelector('body > * ' + selector + ':not(#page-audio)')) h.found.push(selector);
      }
      h.hostText = host.textContent;
      // Press the panel from outside (the only handle the page has), then every linked timestamp.
      host.focus();
      press(host);
      h.presses += 1;
      const rect = host.getBoundingClientRect();
      const atPoint = document.elementFromPoint(rect.left + 20, rect.top + 20);
      h.atPoint = atPoint === host ? 'host' : atPoint ? atPoint.tagName : null;
      if (atPoint) press(atPoint);
      for (const element of document.querySelectorAll('[data-stackcast-seek]')) {
        press(element);
        h.seekPresses += 1;
      }
      // The browser's keyboard shortcut, imitated in the page.
      document.dispatchEvent(new KeyboardEvent('keydown', { key: 'S', code: 'KeyS', altKey: true, shiftKey: true, bubbles: true }));
      h.done = true;
    }, 1500);
  }
  attack();
</script></head>
<body><main><h1>${title}</h1>
<audio id="page-audio" controls preload="auto" src="${fixtureAudioUrl('hostile-page')}"></audio>
<div class="notes"><p>Topics:</p><p>0:00 Welcome</p><p>4:10 Queues with Redis</p><p>12:30 Postgres at scale</p><p>25:00 Wrap-up</p></div>
</main></body></html>`;
}

let session: ExtensionSession;
let control: Page;

async function send(message: unknown): Promise<{ ok: boolean; error?: string; value?: unknown }> {
  return control.evaluate(
    (m) =>
      (
        globalThis as unknown as {
          chrome: {
            runtime: { sendMessage(m: unknown): Promise<{ ok: boolean; error?: string; value?: unknown }> };
          };
        }
      ).chrome.runtime.sendMessage(m),
    message,
  );
}

async function savedIds(ids: string[]): Promise<string[]> {
  const reply = await send({ type: 'library:saved', ids });
  assert.ok(reply.ok, reply.error);
  return (reply.value as string[]).sort();
}

before(async () => {
  session = await launchExtension();
  await serveAudio(session.context, FIXTURE_AUDIO_PATTERN, silentWav(2_400));
  await serve(session.context, IMPOSTOR_URL, hostileHtml(VICTIM.url, 'Page-made title'));
  await serve(session.context, OWN_URL, hostileHtml(OWN_URL, 'Its own episode'));
  control = await session.openExtensionPage('options.html');
  for (const episode of [
    VICTIM,
    { ...VICTIM, id: OWN_URL, url: OWN_URL, title: 'Its own episode, as saved' },
  ]) {
    const reply = await send({ type: 'library:save', episode });
    assert.ok(reply.ok, reply.error);
  }
});
after(async () => {
  await session?.close();
});

/** The page's own findings, once its attack has run. */
async function attackResult(page: Page) {
  await page.waitForFunction(
    () => (window as unknown as { __hostile: { done: boolean } }).__hostile.done,
    null,
    { timeout: 15_000 },
  );
  return page.evaluate(() => (window as unknown as { __hostile: Record<string, unknown> }).__hostile);
}

/** The page's own player: where it is and whether it plays. */
async function pageAudio(page: Page) {
  return page.evaluate(() => {
    const audio = document.getElementById('page-audio') as HTMLAudioElement;
    return { time: audio.currentTime, paused: audio.paused };
  });
}

/**
 * Evaluate in the content script's isolated world (over DevTools): what a page could make the content script
 * send if it could drive it at will. The background must still answer only for the page's own site.
 */
async function fromContentScript(
  page: Page,
  message: unknown,
): Promise<{ ok: boolean; error?: string; value?: unknown }> {
  const cdp = await page.context().newCDPSession(page);
  const contexts: { id: number; origin: string; auxData?: { type?: string } }[] = [];
  cdp.on('Runtime.executionContextCreated', ({ context }) => contexts.push(context));
  await cdp.send('Runtime.enable');
  const world = await waitFor(
    async () =>
      contexts.find(
        (c) =>
          c.auxData?.type === 'isolated' && c.origin.startsWith(`chrome-extension://${session.extensionId}`),
      ),
    5_000,
    'the content script’s world',
  );
  const { result, exceptionDetails } = await cdp.send('Runtime.evaluate', {
    contextId: world.id,
    expression: `chrome.runtime.sendMessage(${JSON.stringify(message)})`,
    awaitPromise: true,
    returnByValue: true,
  });
  await cdp.detach();
  if (exceptionDetails) throw new Error(exceptionDetails.exception?.description ?? exceptionDetails.text);
  return result.value as { ok: boolean; error?: string; value?: unknown };
}

test('a page that declares another site’s saved episode learns nothing and changes nothing', async () => {
  const page = await session.context.newPage();
  try {
    await page.goto(IMPOSTOR_URL);
    const [panel] = await waitForPanels(page, 1);
    assert.equal(panel!.episode, VICTIM.id, 'the page made the overlay show the victim’s address');
    assert.equal(panel!.mode, 'closed');
    assert.ok(
      (await page.locator('[data-stackcast-seek]').count()) >= 3,
      'the page’s timestamps were made clickable',
    );

    const found = await attackResult(page);
    assert.equal(found.shadowRoot, 'null', 'host.shadowRoot is null for the page');
    assert.equal(found.roots, 0, 'patching attachShadow in the page caught no root of ours');
    assert.deepEqual(found.found, [], 'the page found panel elements');
    assert.equal(found.hostText, '', 'the host shows the page no text');
    assert.ok((found.seekPresses as number) >= 3 && (found.presses as number) >= 1);
    await page.waitForTimeout(500);

    // Another site's episode: no Save in the panel at all (nothing to read, nothing to press).
    assert.equal(await query(page, '[data-stackcast-save]'), null);
    // Nothing played or moved.
    assert.deepEqual(await pageAudio(page), { time: 0, paused: true });
    assert.equal(
      await query(page, 'audio[data-stackcast-player]'),
      null,
      'a synthetic press opened the mini player',
    );
    assert.equal(await query(page, '[aria-current="true"]'), null, 'a synthetic press chose a chapter');

    // Even the content script itself, driven at will, learns nothing about other sites and cannot write them.
    // (OWN_URL is this page's own site: it may know about that one; never about VICTIM.)
    const asked = await fromContentScript(page, { type: 'library:saved', ids: [VICTIM.id, OWN_URL] });
    assert.deepEqual(asked, { ok: true, value: [OWN_URL] });
    const overwrite = await fromContentScript(page, {
      type: 'library:save',
      episode: { ...VICTIM, title: 'Page-made title' },
    });
    assert.equal(overwrite.ok, false);
    const removal = await fromContentScript(page, { type: 'library:remove', id: VICTIM.id });
    assert.equal(removal.ok, false);
    const otherTabs = await fromContentScript(page, { type: 'tab:get-episodes', tabId: 1 });
    assert.equal(otherTabs.ok, false);

    assert.deepEqual(
      await savedIds([VICTIM.id, OWN_URL]),
      [OWN_URL, VICTIM.id].sort(),
      'the library changed',
    );
    const library = await session.openExtensionPage('library.html');
    try {
      const row = library.locator(`[data-stackcast-episode="${VICTIM.id}"]`);
      await row.waitFor();
      const text = (await row.textContent()) ?? '';
      assert.ok(
        text.includes(VICTIM.title) && !text.includes('Page-made'),
        `the saved record was rewritten: ${text}`,
      );
    } finally {
      await library.close();
    }

    // Control: a person's real click on a linked timestamp does play the page's audio from it.
    await page.locator('[data-stackcast-seek="250"]').click();
    await page.waitForFunction(
      () => (document.getElementById('page-audio') as HTMLAudioElement).currentTime >= 249,
      null,
      { timeout: 10_000 },
    );
  } finally {
    await page.close();
  }
});

test('on its own episode the page cannot read or press Save, nor drive the chapters', async () => {
  const page = await session.context.newPage();
  try {
    await page.goto(OWN_URL);
    const [panel] = await waitForPanels(page, 1);
    assert.equal(panel!.episode, OWN_URL);
    const found = await attackResult(page);
    assert.equal(found.shadowRoot, 'null');
    assert.equal(found.roots, 0);
    assert.deepEqual(found.found, []);
    await page.waitForTimeout(500);

    // Its Save (known to the overlay, not to the page) is still pressed: the synthetic presses removed nothing.
    assert.equal(await waitFor(() => saveState(page), 10_000, 'Save state'), 'true');
    assert.deepEqual(await savedIds([OWN_URL]), [OWN_URL]);
    assert.deepEqual(await pageAudio(page), { time: 0, paused: true });
    assert.equal(await query(page, '[aria-current="true"]'), null);

    // A page's own content script may ask about its own episode, and is told.
    assert.deepEqual(await fromContentScript(page, { type: 'library:saved', ids: [OWN_URL, VICTIM.id] }), {
      ok: true,
      value: [OWN_URL],
    });

    // Control: a person's real click on a chapter seeks the page's audio.
    const chapters = await queryAll(page, '[data-stackcast-chapter]');
    assert.ok(chapters.length >= 4);
    await click(page, (await query(page, '[data-stackcast-chapter][data-start="750"]'))!);
    await page.waitForFunction(
      () => (document.getElementById('page-audio') as HTMLAudioElement).currentTime >= 749,
      null,
      { timeout: 10_000 },
    );
  } finally {
    await page.close();
  }
});

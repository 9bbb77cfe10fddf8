// The background's service worker stops when idle (30 s in Chrome) and starts again for the next message; a
// page loaded while it is stopping sends its first messages to no one ("Receiving end does not exist"). Those
// were never delivered: the content script sends them again, and the page still gets its panels.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { launchExtension, serve } from './harness';
import { waitForPanels } from './overlay-helpers';
import { ripPost, ripPostUrl } from '../fixtures/corpus';
import { ripEpisodeHtml } from '../fixtures/runninginproduction';

test('a page loaded as the service worker stops still gets its panel', async () => {
  const session = await launchExtension();
  try {
    const post = ripPost(50);
    const url = ripPostUrl(post);
    await serve(session.context, url, ripEpisodeHtml(post));
    const page = await session.context.newPage();
    const undelivered: string[] = [];
    page.on('console', (message) => {
      if (message.text().includes('Receiving end does not exist')) undelivered.push(message.text());
    });
    // Stop the worker through the DevTools protocol, then load the page at once, while it is stopping.
    const cdp = await session.context.newCDPSession(page);
    await cdp.send('ServiceWorker.enable');
    await cdp.send('ServiceWorker.stopAllWorkers');
    await page.goto(url);
    const [panel] = await waitForPanels(page, 1);
    assert.ok(panel!.hasShadow, 'the panel is on the page');
    assert.deepEqual(undelivered, [], 'no message was given up on');
  } finally {
    await session.close();
  }
});

// The built extension loads in Chromium and its pages render.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { launchExtension } from './harness';

test('extension loads: service worker runs and the library page renders', async () => {
  const session = await launchExtension();
  try {
    assert.match(session.extensionId, /^[a-p]{32}$/);
    const page = await session.openExtensionPage('library.html');
    await page.locator('main').waitFor();
    assert.ok((await page.locator('main').textContent())?.length);
  } finally {
    await session.close();
  }
});

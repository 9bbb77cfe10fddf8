// Accessibility: axe-core on the overlay, the popup, the library and the options page, in light and dark
// colour schemes: no serious or critical violations. The overlay's panels live in closed shadow roots, which
// axe (like the page) cannot enter; the test hands axe each real root, taken over DevTools, in the real page
// with its real styles and layout (closed-root.ts lendRootsToPage), so nothing test-only ships in the product.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { AxeBuilder } from '@axe-core/playwright';
import type { Page } from 'playwright-core';
import { launchExtension, type ExtensionSession } from './harness';
import {
  openOptions,
  openOverlayPage,
  openPopulatedLibrary,
  openPopupFor,
  serveViewFixtures,
} from './extension-views';
import { lendRootsToPage } from './closed-root';

let session: ExtensionSession;
before(async () => {
  session = await launchExtension();
  await serveViewFixtures(session);
});
after(async () => {
  await session?.close();
});

type Scheme = 'light' | 'dark';

/**
 * Violations found by this suite that the owning views still have to fix, reported as TODO (not hidden):
 * when a fix lands the test passes and node:test says so; then delete the entry.
 */
const KNOWN_GAPS: Partial<Record<`${'overlay' | 'popup' | 'library' | 'options'}:${Scheme}`, string>> = {};

/** Run axe (WCAG 2.x A/AA rules and best practices) and return the serious and critical violations, readable. */
async function seriousViolations(page: Page, scheme: Scheme, include?: string): Promise<string[]> {
  await page.emulateMedia({ colorScheme: scheme });
  await page.waitForTimeout(100); // let the theme's custom properties settle
  let builder = new AxeBuilder({ page }).withTags([
    'wcag2a',
    'wcag2aa',
    'wcag21a',
    'wcag21aa',
    'wcag22aa',
    'best-practice',
  ]);
  if (include) builder = builder.include(include);
  const results = await builder.analyze();
  return results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map(
      (v) =>
        `${v.impact} ${v.id}: ${v.help} — ${v.nodes
          .slice(0, 3)
          .map((n) => JSON.stringify(n.target))
          .join(', ')}${v.nodes.length > 3 ? ` (+${v.nodes.length - 3})` : ''}`,
    );
}

for (const scheme of ['light', 'dark'] as const) {
  describe(`${scheme} colour scheme`, () => {
    test(
      'overlay panel (closed shadow root) has no serious or critical violations',
      { todo: KNOWN_GAPS[`overlay:${scheme}`] },
      async () => {
        const page = await openOverlayPage(session);
        try {
          // Only our panel: the fixture page's own markup is not ours to judge.
          const hosts = await page.locator('[data-stackcast]').count();
          assert.ok(hosts >= 1);
          assert.equal(await lendRootsToPage(page), hosts, 'every panel has a closed root to check');
          const violations = await seriousViolations(page, scheme, '[data-stackcast]');
          assert.deepEqual(violations, []);
          // axe looked inside the shadow root: it found the chapter buttons there.
          const checked = await new AxeBuilder({ page })
            .include('[data-stackcast]')
            .withRules(['button-name'])
            .analyze();
          const buttons = checked.passes.find((p) => p.id === 'button-name')?.nodes.length ?? 0;
          assert.ok(buttons >= 3, `axe checked ${buttons} buttons in the panel`);
        } finally {
          await page.close();
        }
      },
    );

    test('popup has no serious or critical violations', { todo: KNOWN_GAPS[`popup:${scheme}`] }, async () => {
      const tab = await openOverlayPage(session);
      const popup = await openPopupFor(session, tab);
      try {
        assert.deepEqual(await seriousViolations(popup, scheme), []);
      } finally {
        await popup.close();
        await tab.close();
      }
    });

    test(
      'library page, with saved episodes, has no serious or critical violations',
      { todo: KNOWN_GAPS[`library:${scheme}`] },
      async () => {
        const library = await openPopulatedLibrary(session);
        try {
          assert.deepEqual(await seriousViolations(library, scheme), []);
        } finally {
          await library.close();
        }
      },
    );

    test(
      'options page has no serious or critical violations',
      { todo: KNOWN_GAPS[`options:${scheme}`] },
      async () => {
        const options = await openOptions(session);
        try {
          assert.deepEqual(await seriousViolations(options, scheme), []);
        } finally {
          await options.close();
        }
      },
    );
  });
}

test('options page works from the keyboard alone', async () => {
  const page = await openOptions(session);
  try {
    await page.emulateMedia({ colorScheme: 'light' });
    // Tab to the "Dark" theme radio and choose it with the keyboard; the choice is stored and applied.
    const focusedName = () => page.evaluate(() => (document.activeElement as HTMLInputElement | null)?.name);
    for (let i = 0; i < 40 && (await focusedName()) !== 'theme'; i++) await page.keyboard.press('Tab');
    assert.equal(
      await page.evaluate(() => (document.activeElement as HTMLInputElement | null)?.name),
      'theme',
      'Tab reaches the theme group',
    );
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowDown');
    await page.waitForFunction(() => document.documentElement.dataset.theme === 'dark');
    const stored = await session.worker.evaluate(
      `chrome.storage.sync.get('settings').then((s) => s.settings)`,
    );
    assert.equal((stored as { theme?: string }).theme, 'dark');
    assert.match((await page.locator('.notice[role="status"]').textContent()) ?? '', /Saved/);

    // An address that is not a site: the error is announced and the field marked invalid.
    await page.locator('#site-input').fill('not a site');
    await page.locator('#site-input').press('Enter');
    await page.locator('[role="alert"]').filter({ hasText: 'is not a web address' }).waitFor();
    assert.equal(await page.locator('#site-input').getAttribute('aria-invalid'), 'true');

    // Every site at once, or a page that is not a web site: refused with the reason, nothing asked.
    await page.locator('#site-input').fill('*://*/*');
    await page.locator('#site-input').press('Enter');
    await page.locator('[role="alert"]').filter({ hasText: 'more than one site' }).waitFor();
    await page.locator('#site-input').fill('file:///home');
    await page.locator('#site-input').press('Enter');
    await page.locator('[role="alert"]').filter({ hasText: 'is not a web page' }).waitFor();
    assert.equal(await page.locator('#site-input').getAttribute('aria-invalid'), 'true');

    // A supported directory: no permission needed, the listener is pointed at the list above.
    await page.locator('#site-input').fill('https://overcast.fm/+abc');
    await page.locator('#site-input').press('Enter');
    await page.locator('[role="alert"]').filter({ hasText: 'already a supported site' }).waitFor();

    // Switching a supported site off stores it as disabled.
    await page.locator('input[name="supported-site"][value="overcast.fm"]').uncheck();
    await page.waitForFunction(
      `chrome.storage.sync.get('settings').then((s) => s.settings?.disabledSites?.includes('overcast.fm'))`,
    );
  } finally {
    await session.worker.evaluate(`chrome.storage.sync.clear()`);
    await page.close();
  }
});

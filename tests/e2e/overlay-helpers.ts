// Shared steps for the overlay's end-to-end tests: read panels through their open shadow roots, wait for media.
import type { Page } from 'playwright-core';

export interface PanelSnapshot {
  episode: string | null;
  chapters: { start: number; title: string }[];
  tech: string[];
  hasShadow: boolean;
}

/** Every overlay on the page, read through its open shadow root (the automated-test contract). */
export async function panels(page: Page): Promise<PanelSnapshot[]> {
  return page.evaluate(() =>
    Array.from(document.querySelectorAll('[data-stackcast]'), (host) => {
      const root = host.shadowRoot;
      return {
        episode: host.getAttribute('data-stackcast-episode'),
        hasShadow: root !== null,
        chapters: root
          ? Array.from(root.querySelectorAll('[data-stackcast-chapter]'), (chapter) => ({
              start: Number(chapter.getAttribute('data-start')),
              title: chapter.querySelector('.text')?.textContent ?? chapter.textContent ?? '',
            }))
          : [],
        tech: root ? Array.from(root.querySelectorAll('[data-stackcast-tech]'), (chip) => chip.getAttribute('data-stackcast-tech') ?? '') : [],
      };
    }),
  );
}

/**
 * Wait until `count` overlays are on the page and the scan has settled: panels are drawn in slices, the
 * visible ones first, so the count must also hold still for a moment.
 */
export async function waitForPanels(page: Page, count = 1, timeout = 10_000): Promise<PanelSnapshot[]> {
  await page.waitForFunction((n) => document.querySelectorAll('[data-stackcast]').length >= n, count, { timeout });
  await page.waitForFunction(
    () => {
      const state = window as unknown as { __stackcastSettle?: { count: number; since: number } };
      const count = document.querySelectorAll('[data-stackcast]').length;
      const now = performance.now();
      if (state.__stackcastSettle?.count !== count) state.__stackcastSettle = { count, since: now };
      return now - state.__stackcastSettle.since >= 300;
    },
    null,
    { timeout, polling: 50 },
  );
  return panels(page);
}

/** Wait until the media element matching `selector` (in the page or a panel's shadow root) is near `seconds`. */
export async function waitForMediaTime(page: Page, selector: string, seconds: number, tolerance = 5, timeout = 10_000): Promise<number> {
  const handle = await page.waitForFunction(
    ({ selector, seconds, tolerance }) => {
      const roots: ParentNode[] = [document, ...Array.from(document.querySelectorAll('[data-stackcast]'), (h) => h.shadowRoot!).filter(Boolean)];
      for (const root of roots) {
        const media = root.querySelector<HTMLMediaElement>(selector);
        if (media && media.currentTime >= seconds - 0.5 && media.currentTime <= seconds + tolerance) return media.currentTime;
      }
      return false;
    },
    { selector, seconds, tolerance },
    { timeout },
  );
  return (await handle.jsonValue()) as number;
}

/** Click a chapter button inside the first (or the `index`-th) panel. */
export async function clickChapter(page: Page, start: number, index = 0): Promise<void> {
  await page.locator('[data-stackcast]').nth(index).locator(`[data-stackcast-chapter][data-start="${start}"]`).click();
}

/** Text of the panel's message line (errors and notices), or null. */
export async function panelMessage(page: Page, index = 0): Promise<string | null> {
  return page.evaluate((i) => document.querySelectorAll('[data-stackcast]')[i]?.shadowRoot?.querySelector('.message')?.textContent ?? null, index);
}

export { serveAudio } from '../../scripts/chromium';

// Shared steps for the overlay's end-to-end tests: read panels through their closed shadow roots (over the
// DevTools protocol, tests/e2e/closed-root.ts), press their controls with real input, wait for media.
import type { Page } from 'playwright-core';
import { attribute, call, click, overlayHosts, query, text, waitFor, type RootNode } from './closed-root';

export interface PanelSnapshot {
  episode: string | null;
  chapters: { start: number; title: string }[];
  tech: string[];
  /** The host has a shadow root (read over DevTools: the page itself sees none). */
  hasShadow: boolean;
  /** The shadow root's mode: `closed` for every panel Stackcast draws. */
  mode: string | null;
}

/** Every overlay on the page, read inside its closed shadow root (the automated-test contract). */
export async function panels(page: Page): Promise<PanelSnapshot[]> {
  const hosts = await overlayHosts(page);
  return Promise.all(
    hosts.map(async ({ root, mode, episode }) => {
      const inside = root
        ? await call(page, root as RootNode, function (this: Element) {
            const shadow = this as unknown as ShadowRoot;
            return {
              chapters: Array.from(shadow.querySelectorAll('[data-stackcast-chapter]'), (chapter) => ({
                start: Number(chapter.getAttribute('data-start')),
                title: chapter.querySelector('.text')?.textContent ?? chapter.textContent ?? '',
              })),
              tech: Array.from(
                shadow.querySelectorAll('[data-stackcast-tech]'),
                (chip) => chip.getAttribute('data-stackcast-tech') ?? '',
              ),
            };
          })
        : { chapters: [], tech: [] };
      return { episode, hasShadow: root !== null, mode, ...inside };
    }),
  );
}

/**
 * Wait until `count` overlays are on the page and the scan has settled: panels are drawn in slices, the
 * visible ones first, so the count must also hold still for a moment.
 */
export async function waitForPanels(page: Page, count = 1, timeout = 10_000): Promise<PanelSnapshot[]> {
  await page.waitForFunction((n) => document.querySelectorAll('[data-stackcast]').length >= n, count, {
    timeout,
  });
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
  // A listing draws the panels far below the viewport as they come near: scroll them all into being.
  if ((await page.evaluate(() => document.querySelectorAll('[data-stackcast]').length)) > 1)
    await drawEveryPanel(page, timeout);
  return panels(page);
}

/** Whether each overlay's content is drawn (on a listing, panels far below the viewport wait to come near it). */
export async function drawnPanels(page: Page): Promise<boolean[]> {
  const hosts = await overlayHosts(page);
  return Promise.all(
    hosts.map(({ root }) =>
      root
        ? call(page, root, function (this: Element) {
            // The panel renders into the root's one div; a panel not drawn yet leaves it empty.
            return Array.from((this as unknown as ShadowRoot).children).some(
              (child) => child.tagName === 'DIV' && child.childElementCount > 0,
            );
          })
        : false,
    ),
  );
}

/** Scroll down the page a screen at a time (a frame or two each) until every panel is drawn, then back to the top. */
export async function drawEveryPanel(page: Page, timeout = 10_000): Promise<void> {
  await waitFor(
    async () => {
      await page.evaluate(async () => {
        for (let y = 0; y < document.documentElement.scrollHeight; y += window.innerHeight) {
          window.scrollTo(0, y);
          await new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done)));
        }
        window.scrollTo(0, 0);
      });
      return (await drawnPanels(page)).every(Boolean);
    },
    timeout,
    'every panel drawn',
  );
}

/** Current time of the first media element matching `selector`, in the page or in any panel's closed root. */
async function mediaTime(page: Page, selector: string): Promise<number | null> {
  const inPage = await page.evaluate(
    (s) => document.querySelector<HTMLMediaElement>(s)?.currentTime ?? null,
    selector,
  );
  if (inPage !== null) return inPage;
  for (const { root } of await overlayHosts(page)) {
    if (!root) continue;
    const time = await call(
      page,
      root,
      function (this: Element, s: string) {
        return (this as unknown as ShadowRoot).querySelector<HTMLMediaElement>(s)?.currentTime ?? null;
      },
      selector,
    );
    if (time !== null) return time;
  }
  return null;
}

/** Wait until the media element matching `selector` (in the page or a panel's closed root) is near `seconds`. */
export async function waitForMediaTime(
  page: Page,
  selector: string,
  seconds: number,
  tolerance = 5,
  timeout = 10_000,
): Promise<number> {
  return waitFor(
    async () => {
      const time = await mediaTime(page, selector);
      return time !== null && time >= seconds - 0.5 && time <= seconds + tolerance ? time : null;
    },
    timeout,
    `${selector} at ${seconds} s`,
  );
}

/** The element matching `selector` in the `index`-th panel, waiting for it to appear. */
export async function panelElement(
  page: Page,
  selector: string,
  index = 0,
  timeout = 10_000,
): Promise<RootNode> {
  return waitFor(() => query(page, selector, { host: index }), timeout, `${selector} in panel ${index}`);
}

/** Click a chapter button inside the first (or the `index`-th) panel, with real mouse input. */
export async function clickChapter(page: Page, start: number, index = 0): Promise<void> {
  await click(page, await panelElement(page, `[data-stackcast-chapter][data-start="${start}"]`, index));
}

/** Click the first element matching `selector` in the `index`-th panel, with real mouse input. */
export async function clickInPanel(page: Page, selector: string, index = 0): Promise<void> {
  await click(page, await panelElement(page, selector, index));
}

/** Text of the panel's message line (errors and notices), or null. */
export async function panelMessage(page: Page, index = 0): Promise<string | null> {
  const message = await query(page, '.message', { host: index });
  return message ? text(page, message) : null;
}

/** Wait for the panel's message line and return its text. */
export async function waitForPanelMessage(page: Page, index = 0, timeout = 10_000): Promise<string> {
  return text(page, await panelElement(page, '.message', index, timeout));
}

/** `aria-pressed` of the `index`-th panel's Save button once it knows (not busy), or null without one. */
export async function saveState(page: Page, index = 0): Promise<string | null> {
  const button = await query(page, '[data-stackcast-save]', { host: index });
  if (!button) return null;
  return (await attribute(page, button, 'aria-busy')) === 'true'
    ? null
    : attribute(page, button, 'aria-pressed');
}

/** Wait until the `index`-th panel's Save button reads `pressed` ('true' or 'false'). */
export async function waitForSaveState(
  page: Page,
  pressed: 'true' | 'false',
  index = 0,
  timeout = 10_000,
): Promise<void> {
  await waitFor(
    async () => (await saveState(page, index)) === pressed,
    timeout,
    `Save aria-pressed=${pressed} in panel ${index}`,
  );
}

/** Press the `index`-th panel's Save toggle (real click) and wait until it reads `pressed`. */
export async function toggleSave(page: Page, index = 0, pressed: 'true' | 'false' = 'true'): Promise<void> {
  await waitFor(() => saveState(page, index), 10_000, `a known save state in panel ${index}`);
  await clickInPanel(page, '[data-stackcast-save]', index);
  await waitForSaveState(page, pressed, index);
}

export { serveAudio } from '../../scripts/chromium';

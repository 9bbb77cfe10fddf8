// `npm start`: open Chromium with the built extension on the bundled demo pages, offline. With a display the
// browser opens visibly until you close it; without one it runs headless, prints what Stackcast found, plays a
// chapter and saves a screenshot to docs/screenshots/overlay.png.
import type { BrowserContext, Page } from 'playwright-core';
import { mkdirSync, readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { ROOT, launchChromium, serveAudio, silentWav } from './chromium';
import { call, click, overlayHosts, query, waitFor } from '../tests/e2e/closed-root';

const SCREENSHOT = resolve(ROOT, 'docs/screenshots/overlay.png');

/** The demo pages (our own made-up episodes) at real addresses, so the content script's matches apply as on the real sites. */
const PAGES = [
  {
    url: 'https://runninginproduction.com/podcast/999-stackcast-demo-a-tiny-saas-on-one-server',
    file: 'scripts/demo/episode.html',
  },
  { url: 'https://podbay.fm/p/stackcast-demo-radio', file: 'scripts/demo/listing.html' },
] as const;
const AUDIO = /^https:\/\/media\.stackcast-demo\.test\/audio\//;
const AUDIO_SECONDS = 1_900;

function fail(message: string): never {
  console.error(`stackcast demo: ${message}`);
  process.exit(1);
}

interface PanelReading {
  title: string;
  chapters: Array<{ start: number; time: string; title: string }>;
  tech: string[];
}

async function main(): Promise<void> {
  const visible =
    Boolean(process.env.DISPLAY || process.env.WAYLAND_DISPLAY) && process.env.STACKCAST_HEADLESS !== '1';
  const { context, close } = await launchChromium({ visible });
  try {
    // Offline by construction: the launcher fails every request not routed here.
    for (const { url, file } of PAGES) {
      const html = readFileSync(resolve(ROOT, file), 'utf8');
      await context.route(url, (route) =>
        route.fulfill({ status: 200, body: html, contentType: 'text/html; charset=utf-8' }),
      );
    }
    await serveAudio(context, AUDIO, silentWav(AUDIO_SECONDS));

    if (visible) {
      const [first] = context.pages();
      const episode = first ?? (await context.newPage());
      await episode.goto(PAGES[0].url);
      const listing = await context.newPage();
      await listing.goto(PAGES[1].url);
      await episode.bringToFront();
      console.log(
        'Stackcast demo is open: an episode page and a 50-episode listing. Close the browser to finish.',
      );
      await new Promise<void>((resolveClose) => context.on('close', () => resolveClose()));
      return;
    }
    await headlessTour(context);
  } finally {
    await close();
  }
}

async function headlessTour(context: BrowserContext): Promise<void> {
  console.log('No display: running headless.');
  const page = context.pages()[0] ?? (await context.newPage());
  await page.goto(PAGES[0].url);
  // The panels live in closed shadow roots: read and press them over DevTools, as a person with DevTools would.
  await waitFor(() => query(page, '[data-stackcast-chapter]'), 15_000, 'the overlay');
  const found = await readPanels(page);
  for (const panel of found) {
    console.log(`\nEpisode: ${panel.title}`);
    console.log(`  ${panel.chapters.length} chapters:`);
    for (const chapter of panel.chapters) console.log(`    ${chapter.time.padStart(7)}  ${chapter.title}`);
    console.log(`  technologies: ${panel.tech.join(', ')}`);
  }
  const chapter = found[0]?.chapters[2];
  if (chapter) {
    await click(page, (await query(page, `[data-stackcast-chapter][data-start="${chapter.start}"]`))!);
    const time = await page.waitForFunction(
      (start: number) => {
        const audio = document.querySelector<HTMLAudioElement>('audio.js-audio');
        return audio && audio.currentTime >= start && audio.currentTime < start + 5
          ? audio.currentTime
          : false;
      },
      chapter.start,
      { timeout: 15_000 },
    );
    console.log(
      `\nClicked "${chapter.title}" (${chapter.time}): the page's player is at ${Number(await time.jsonValue()).toFixed(1)} s.`,
    );
  }
  mkdirSync(dirname(SCREENSHOT), { recursive: true });
  await page.locator('[data-stackcast]').first().scrollIntoViewIfNeeded();
  await page.screenshot({ path: SCREENSHOT, fullPage: true });
  console.log(`Screenshot: ${SCREENSHOT}`);

  const listing = await context.newPage();
  await listing.goto(PAGES[1].url);
  await listing.waitForFunction(() => document.querySelectorAll('[data-stackcast]').length >= 50, null, {
    timeout: 15_000,
  });
  const panels = await readPanels(listing);
  const chapters = panels.reduce((sum, panel) => sum + panel.chapters.length, 0);
  console.log(`\nListing page: ${panels.length} episodes with overlays, ${chapters} chapters in all.`);
}

async function readPanels(page: Page): Promise<PanelReading[]> {
  const hosts = await overlayHosts(page);
  const readings: PanelReading[] = [];
  for (const { root } of hosts) {
    if (!root) continue;
    readings.push(
      await call(page, root, function (this: Element) {
        const shadow = this as unknown as ShadowRoot;
        return {
          title: shadow.querySelector('.title')?.textContent ?? '',
          chapters: Array.from(shadow.querySelectorAll('[data-stackcast-chapter]'), (chapter) => ({
            start: Number(chapter.getAttribute('data-start')),
            time: chapter.querySelector('.time')?.textContent ?? '',
            title: chapter.querySelector('.text')?.textContent ?? '',
          })),
          tech: Array.from(
            shadow.querySelectorAll('[data-stackcast-tech]'),
            (chip) => chip.textContent?.replace(/\(.*\)$/, '').trim() ?? '',
          ),
        };
      }),
    );
  }
  return readings;
}

main().catch((error) => fail(error instanceof Error ? error.message : String(error)));

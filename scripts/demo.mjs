// `npm start`: open Chromium with the built extension on the bundled demo pages, offline. With a display the
// browser opens visibly until you close it; without one it runs headless, prints what Stackcast found, plays a
// chapter and saves a screenshot to docs/screenshots/overlay.png.
import { chromium } from 'playwright-core';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const EXTENSION_DIR = resolve(ROOT, process.env.STACKCAST_OUT ?? '.output', 'chrome-mv3');
const SCREENSHOT = resolve(ROOT, 'docs/screenshots/overlay.png');

/** The demo pages at real addresses, so the content script's matches apply as on the real sites. */
const PAGES = [
  { url: 'https://runninginproduction.com/podcast/999-stackcast-demo-a-tiny-saas-on-one-server', file: 'public/demo/episode.html' },
  { url: 'https://podbay.fm/p/stackcast-demo-radio', file: 'public/demo/listing.html' },
];
const AUDIO = /^https:\/\/media\.stackcast-demo\.test\/audio\//;
const AUDIO_SECONDS = 1_900;

function chromiumPath() {
  if (process.env.CHROMIUM_PATH) return process.env.CHROMIUM_PATH;
  for (const candidate of ['/usr/bin/chromium', '/usr/bin/chromium-browser']) if (existsSync(candidate)) return candidate;
  try {
    return execFileSync('which', ['chromium'], { encoding: 'utf8' }).trim();
  } catch {
    fail('Chromium not found: install the Debian package `chromium` (sudo apt-get install chromium) or set CHROMIUM_PATH.');
  }
}

function fail(message) {
  console.error(`stackcast demo: ${message}`);
  process.exit(1);
}

/** Silent 8 kHz mono 8-bit WAV: the demo episode's "audio", generated so nothing large is committed. */
function silentWav(seconds) {
  const rate = 8000;
  const samples = Math.ceil(seconds * rate);
  const header = Buffer.alloc(44);
  header.write('RIFF', 0);
  header.writeUInt32LE(36 + samples, 4);
  header.write('WAVEfmt ', 8);
  header.writeUInt32LE(16, 16);
  header.writeUInt16LE(1, 20);
  header.writeUInt16LE(1, 22);
  header.writeUInt32LE(rate, 24);
  header.writeUInt32LE(rate, 28);
  header.writeUInt16LE(1, 32);
  header.writeUInt16LE(8, 34);
  header.write('data', 36);
  header.writeUInt32LE(samples, 40);
  return Buffer.concat([header, Buffer.alloc(samples, 0x80)]);
}

/** Audio with range requests, as a media server answers (the player can seek anywhere). */
async function routeAudio(context, body) {
  await context.route(AUDIO, async (route) => {
    const range = /bytes=(\d+)-(\d*)/.exec((await route.request().headerValue('range')) ?? '');
    const headers = { 'content-type': 'audio/wav', 'accept-ranges': 'bytes' };
    if (!range) return route.fulfill({ status: 200, body, headers });
    const start = Number(range[1]);
    const end = range[2] ? Math.min(Number(range[2]), body.length - 1) : body.length - 1;
    return route.fulfill({ status: 206, body: body.subarray(start, end + 1), headers: { ...headers, 'content-range': `bytes ${start}-${end}/${body.length}` } });
  });
}

async function main() {
  if (!existsSync(join(EXTENSION_DIR, 'manifest.json'))) fail(`no built extension at ${EXTENSION_DIR}: run \`npm run build\` first.`);
  const visible = Boolean(process.env.DISPLAY || process.env.WAYLAND_DISPLAY) && process.env.STACKCAST_HEADLESS !== '1';
  const profile = mkdtempSync(join(tmpdir(), 'stackcast-demo-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: chromiumPath(),
    headless: false,
    viewport: visible ? null : { width: 1100, height: 1000 },
    args: [
      ...(visible ? [] : ['--headless=new', '--disable-gpu']),
      '--no-sandbox',
      `--disable-extensions-except=${EXTENSION_DIR}`,
      `--load-extension=${EXTENSION_DIR}`,
      '--no-first-run',
      '--disable-sync',
      '--disable-background-networking',
      '--disable-component-update',
      '--autoplay-policy=no-user-gesture-required',
    ],
  });
  const cleanup = () => rmSync(profile, { recursive: true, force: true });
  try {
    // Offline by construction: everything not routed below fails.
    await context.route(/^https?:\/\//, (route) => route.abort('internetdisconnected'));
    for (const { url, file } of PAGES) {
      const html = readFileSync(resolve(ROOT, file), 'utf8');
      await context.route(url, (route) => route.fulfill({ status: 200, body: html, contentType: 'text/html; charset=utf-8' }));
    }
    await routeAudio(context, silentWav(AUDIO_SECONDS));

    if (visible) {
      const [first] = context.pages();
      const episode = first ?? (await context.newPage());
      await episode.goto(PAGES[0].url);
      const listing = await context.newPage();
      await listing.goto(PAGES[1].url);
      await episode.bringToFront();
      console.log('Stackcast demo is open: an episode page and a 50-episode listing. Close the browser to finish.');
      await new Promise((resolveClose) => context.on('close', resolveClose));
      return;
    }
    await headlessTour(context);
  } finally {
    await context.close().catch(() => undefined);
    cleanup();
  }
}

async function headlessTour(context) {
  console.log('No display: running headless.');
  const page = context.pages()[0] ?? (await context.newPage());
  await page.goto(PAGES[0].url);
  await page.waitForFunction(() => document.querySelector('[data-stackcast]')?.shadowRoot?.querySelector('[data-stackcast-chapter]'), null, { timeout: 15_000 });
  const found = await readPanels(page);
  for (const panel of found) {
    console.log(`\nEpisode: ${panel.title}`);
    console.log(`  ${panel.chapters.length} chapters:`);
    for (const chapter of panel.chapters) console.log(`    ${chapter.time.padStart(7)}  ${chapter.title}`);
    console.log(`  technologies: ${panel.tech.join(', ')}`);
  }
  const chapter = found[0]?.chapters[2];
  if (chapter) {
    await page.locator(`[data-stackcast] [data-stackcast-chapter][data-start="${chapter.start}"]`).click();
    const time = await page.waitForFunction(
      (start) => {
        const audio = document.querySelector('audio.js-audio');
        return audio && audio.currentTime >= start && audio.currentTime < start + 5 ? audio.currentTime : false;
      },
      chapter.start,
      { timeout: 15_000 },
    );
    console.log(`\nClicked "${chapter.title}" (${chapter.time}): the page's player is at ${(await time.jsonValue()).toFixed(1)} s.`);
  }
  mkdirSync(dirname(SCREENSHOT), { recursive: true });
  await page.locator('[data-stackcast]').first().scrollIntoViewIfNeeded();
  await page.screenshot({ path: SCREENSHOT, fullPage: true });
  console.log(`Screenshot: ${SCREENSHOT}`);

  const listing = await context.newPage();
  await listing.goto(PAGES[1].url);
  await listing.waitForFunction(() => document.querySelectorAll('[data-stackcast]').length >= 50, null, { timeout: 15_000 });
  const panels = await readPanels(listing);
  const chapters = panels.reduce((sum, panel) => sum + panel.chapters.length, 0);
  console.log(`\nListing page: ${panels.length} episodes with overlays, ${chapters} chapters in all.`);
}

function readPanels(page) {
  return page.evaluate(() =>
    Array.from(document.querySelectorAll('[data-stackcast]'), (host) => {
      const root = host.shadowRoot;
      return {
        title: root?.querySelector('.title')?.textContent ?? '',
        chapters: Array.from(root?.querySelectorAll('[data-stackcast-chapter]') ?? [], (chapter) => ({
          start: Number(chapter.getAttribute('data-start')),
          time: chapter.querySelector('.time')?.textContent ?? '',
          title: chapter.querySelector('.text')?.textContent ?? '',
        })),
        tech: Array.from(root?.querySelectorAll('[data-stackcast-tech]') ?? [], (chip) => chip.textContent?.replace(/\(.*\)$/, '').trim() ?? ''),
      };
    }),
  );
}

main().catch((error) => fail(error instanceof Error ? error.message : String(error)));

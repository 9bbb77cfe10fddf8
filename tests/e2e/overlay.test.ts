// The overlay in real Chromium on runninginproduction.com and Apple Podcasts fixtures served at their real URLs.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { launchExtension, serve, silentWav, type ExtensionSession } from './harness';
import {
  clickChapter,
  panelMessage,
  panels,
  waitForMediaTime,
  waitForPanels,
  serveAudio,
} from './overlay-helpers';
import { attribute, query } from './closed-root';
import { ripPost, ripPostUrl, ripPosts } from '../fixtures/corpus';
import { RIP_INDEX_URL, ripEpisodeHtml, ripIndexHtml } from '../fixtures/runninginproduction';
import {
  appleEpisodeFromPost,
  appleEpisodeHtml,
  appleEpisodeUrl,
  appleShowHtml,
  APPLE_SHOW_URL,
} from '../fixtures/apple';
import { FIXTURE_AUDIO_PATTERN } from '../fixtures/audio';

let session: ExtensionSession;

before(async () => {
  session = await launchExtension();
  // Every fixture episode's audio: silent, long enough for the latest chapter of the posts used here.
  await serveAudio(session.context, FIXTURE_AUDIO_PATTERN, silentWav(2_400));
});
after(async () => {
  await session?.close();
});

describe('runninginproduction.com', () => {
  const post = ripPost(50);

  test('episode page: chapters, chips, and a chapter click seeks the site player', async () => {
    const url = ripPostUrl(post);
    await serve(session.context, url, ripEpisodeHtml(post));
    const page = await session.context.newPage();
    try {
      await page.goto(url);
      const [panel] = await waitForPanels(page, 1);
      assert.ok(panel!.hasShadow, 'the host has a shadow root');
      assert.equal(panel!.mode, 'closed', 'the panel lives in a closed shadow root');
      assert.equal(
        await page.evaluate(() => document.querySelector('[data-stackcast]')!.shadowRoot),
        null,
        'the page cannot open the panel',
      );
      assert.deepEqual(
        panel!.chapters.map((c) => c.start),
        post.topics.map((t) => t.seconds),
      );
      assert.deepEqual(
        panel!.chapters.map((c) => c.title.trim()),
        post.topics.map((t) => t.title.trim()),
      );
      for (const tag of post.tags)
        assert.ok(panel!.tech.includes(tag), `chip for ${tag} in ${panel!.tech.join(',')}`);

      const target = post.topics[3]!.seconds;
      await clickChapter(page, target);
      const time = await waitForMediaTime(page, 'audio.js-audio', target);
      assert.ok(Math.abs(time - target) < 5, `audio at ${time}, wanted ${target}`);
      assert.equal(
        await page.evaluate(() => document.querySelectorAll('audio').length),
        1,
        'no mini player when the page has one',
      );
      assert.equal(await panelMessage(page), null);

      // The page's own topic links are marked, and keep working: clicking one seeks (to the right time).
      const seekLinks = await page.evaluate(() =>
        Array.from(document.querySelectorAll('a[data-stackcast-seek]'), (a) =>
          Number(a.getAttribute('data-stackcast-seek')),
        ),
      );
      assert.deepEqual(
        seekLinks,
        post.topics.map((t) => t.seconds),
      );
      const other = post.topics[6]!.seconds;
      await page.locator(`a[data-stackcast-seek="${other}"]`).click();
      await waitForMediaTime(page, 'audio.js-audio', other);
      assert.equal(new URL(page.url()).pathname, new URL(url).pathname);
    } finally {
      await page.close();
    }
  });

  test('index page: one panel per listed episode that has tech, no duplicates after rescans', async () => {
    const posts = ripPosts().filter((p) => p.category === 'podcast');
    await serve(session.context, RIP_INDEX_URL, ripIndexHtml(posts));
    const page = await session.context.newPage();
    try {
      await page.goto(RIP_INDEX_URL);
      const found = await waitForPanels(page, 1);
      // Force mutation-driven rescans, then check nothing was duplicated.
      await page.evaluate(() => document.body.append(document.createElement('div')));
      await page.waitForTimeout(2_500);
      const again = await panels(page);
      assert.equal(again.length, found.length);
      assert.equal(new Set(again.map((p) => p.episode)).size, again.length, 'one panel per episode');
      assert.ok(again.every((p) => p.tech.length > 0 || p.chapters.length >= 2));
    } finally {
      await page.close();
    }
  });
});

describe('podcasts.apple.com', () => {
  const post = ripPost(50);
  const episode = appleEpisodeFromPost(post);

  test('episode page with glued notes and no <audio>: the mini player plays the stream URL from the chapter', async () => {
    const url = appleEpisodeUrl(episode);
    await serve(session.context, url, appleEpisodeHtml(episode));
    const page = await session.context.newPage();
    try {
      await page.goto(url);
      const [panel] = await waitForPanels(page, 1);
      assert.deepEqual(
        panel!.chapters.map((c) => c.start),
        post.topics.map((t) => t.seconds),
      );
      assert.equal(await page.evaluate(() => document.querySelectorAll('audio').length), 0);
      const target = post.topics[2]!.seconds;
      await clickChapter(page, target);
      const time = await waitForMediaTime(page, 'audio[data-stackcast-player]', target);
      assert.ok(Math.abs(time - target) < 5);
      const src = await attribute(page, (await query(page, 'audio[data-stackcast-player]'))!, 'src');
      assert.equal(src, episode.streamUrl);
      // The page's own glued timestamps became clickable spans.
      const seeks = await page.evaluate(() =>
        Array.from(document.querySelectorAll('span[data-stackcast-seek]'), (s) =>
          Number(s.getAttribute('data-stackcast-seek')),
        ),
      );
      assert.deepEqual(
        seeks,
        post.topics.map((t) => t.seconds),
      );
    } finally {
      await page.close();
    }
  });

  test('show page: a panel per listed episode with chapters', async () => {
    const episodes = [ripPost(50), ripPost(53), ripPost(35)].map(appleEpisodeFromPost);
    await serve(session.context, APPLE_SHOW_URL, appleShowHtml('Running in Production', episodes));
    const page = await session.context.newPage();
    try {
      await page.goto(APPLE_SHOW_URL);
      const found = await waitForPanels(page, 1);
      assert.ok(found.length >= 1);
      assert.ok(found.every((p) => p.chapters.length >= 2 || p.tech.length > 0));
    } finally {
      await page.close();
    }
  });
});

describe('background service worker', () => {
  test('parses for the page even after the browser stopped it (an idle worker is woken by the request)', async () => {
    const post = ripPost(53);
    const url = ripPostUrl(post);
    await serve(session.context, url, ripEpisodeHtml(post));
    const page = await session.context.newPage();
    try {
      // What Chromium does to an idle extension service worker after 30 s, done now.
      const cdp = await session.context.newCDPSession(page);
      await cdp.send('ServiceWorker.enable');
      await cdp.send('ServiceWorker.stopAllWorkers');
      await cdp.detach();
      await page.goto(url);
      const [panel] = await waitForPanels(page, 1);
      assert.deepEqual(
        panel!.chapters.map((c) => c.start),
        post.topics.map((t) => t.seconds),
      );
      for (const tag of post.tags)
        assert.ok(panel!.tech.includes(tag), `chip for ${tag} in ${panel!.tech.join(',')}`);
    } finally {
      await page.close();
    }
  });
});

// Topics across episodes in real Chromium with the built extension: a chip marks its chapters on an episode page
// and prev/next walk them; on the seed-000 listing the topic bar highlights the episodes about a technology,
// Save all saves them (Undo removes exactly those), and the queue plays the matching chapters in order.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { launchExtension, serve, serveAudio, silentWav, type ExtensionSession } from './harness';
import { call, click, lendRootsToPage, query, text, waitFor } from './closed-root';
import { toggleSave, waitForMediaTime, waitForPanels } from './overlay-helpers';
import { barAll, barCall, barClick, barQuery, lendBarRoot } from './topic-bar-root';
import { FIXTURE_AUDIO_PATTERN } from '../fixtures/audio';
import {
  barText,
  EPISODE_HTML,
  EPISODE_URL,
  listingHtml,
  LISTING_URL,
  marked,
  readPanels,
  savedIds,
  seriousViolations,
  drawEveryPanel,
} from './topics-steps';

let session: ExtensionSession;
before(async () => {
  session = await launchExtension();
  // Silent audio long enough for the latest chapter of any seed episode, served with byte ranges (206).
  await serveAudio(session.context, FIXTURE_AUDIO_PATTERN, silentWav(6_600));
  await serve(session.context, EPISODE_URL, EPISODE_HTML);
  await serve(session.context, LISTING_URL, listingHtml());
});
after(async () => {
  await session?.close();
});

describe('chip filter on an episode page', () => {
  test('PostgreSQL marks its two chapters, says so, prev/next walk them, a second click clears', async () => {
    const page = await session.context.newPage();
    try {
      await page.goto(EPISODE_URL);
      const [panel] = await waitForPanels(page, 1, 30_000);
      assert.deepEqual(
        panel!.chapters.map((c) => c.start),
        [0, 250, 750, 1500, 2400],
      );
      const chip = await waitFor(() => query(page, '[data-stackcast-tech="postgres"]'), 10_000, 'the chip');
      const pressed = () =>
        call(page, chip, function (this: Element) {
          return this.getAttribute('aria-pressed');
        });
      assert.equal(await pressed(), 'false');
      await click(page, chip);
      assert.equal(await pressed(), 'true');
      assert.deepEqual(await marked(page, 0), [250, 1500]);
      assert.equal(await text(page, (await query(page, '.filter-status'))!), '2 chapters about PostgreSQL');
      // The panel with the filter on, as axe sees it in both colour schemes.
      assert.equal(await lendRootsToPage(page), 1);
      for (const scheme of ['light', 'dark'] as const)
        assert.deepEqual(await seriousViolations(page, '[data-stackcast]', scheme), [], scheme);

      await click(page, (await query(page, 'button[aria-label="Next PostgreSQL chapter"]'))!);
      await waitForMediaTime(page, 'audio[controls]', 250);
      await click(page, (await query(page, 'button[aria-label="Next PostgreSQL chapter"]'))!);
      await waitForMediaTime(page, 'audio[controls]', 1500);
      await click(page, (await query(page, 'button[aria-label="Previous PostgreSQL chapter"]'))!);
      await waitForMediaTime(page, 'audio[controls]', 250);

      await click(page, chip);
      assert.equal(await pressed(), 'false');
      assert.deepEqual(await marked(page, 0), []);
    } finally {
      await page.close();
    }
  });
});

describe('topic bar on the seed-000 listing', () => {
  test('highlights the episodes about a technology, saves them all, undoes exactly that, and plays their chapters', async () => {
    const page = await session.context.newPage();
    try {
      await page.goto(LISTING_URL);
      await waitForPanels(page, 40, 30_000);
      const topics = await waitFor(
        async () => {
          const nodes = await barAll(page, '[data-stackcast-topic]');
          return nodes.length > 0 ? nodes : null;
        },
        15_000,
        'the topic bar',
      );
      // Panels far below are drawn as they approach: draw them all to read what each shows.
      await drawEveryPanel(page);
      const all = await readPanels(page);
      // The page's most talked-about technology that some (not all) episodes' chapters name: the bar's labels
      // read "PostgreSQL: 20 episodes, 12 chapters".
      const labels = await Promise.all(
        topics.map((node) =>
          barCall(page, node, function (this: Element) {
            return [this.getAttribute('data-stackcast-topic') ?? '', this.getAttribute('aria-label') ?? ''];
          }),
        ),
      );
      const pick = labels.findIndex(([, label]) => {
        const [, episodes, chapters] = /: (\d+) episodes?, (\d+) chapters?$/.exec(label!) ?? [];
        return Number(chapters) >= 2 && Number(episodes) < all.length;
      });
      assert.ok(pick >= 0, `a topic with chapters among ${labels.map(([, label]) => label).join('; ')}`);
      const slug = labels[pick]![0]!;
      const chapterCount = Number(/(\d+) chapters?$/.exec(labels[pick]![1]!)![1]);
      // One episode whose chips name it, saved before: Save all must not take it back on Undo.
      const savedBefore = all.findIndex((p) => p.chips.includes(slug));
      assert.ok(savedBefore >= 0);

      await toggleSave(page, savedBefore, 'true');

      await barClick(page, topics[pick]!);
      const highlighted = await waitFor(
        async () => {
          const ids = await page.evaluate(() =>
            Array.from(document.querySelectorAll('[data-stackcast-topic-match]'), (host) =>
              host.getAttribute('data-stackcast-episode'),
            ),
          );
          return ids.length > 0 ? ids : null;
        },
        10_000,
        'highlighted panels',
      );
      // Choosing it revealed every chapter about it (a listing shows five at first): the queue's expected order.
      const revealed = await readPanels(page);
      const about = revealed.filter(
        (p) => p.chips.includes(slug) || p.chapters.some((chapter) => chapter.tech.includes(slug)),
      );
      const expectedQueue = revealed.flatMap((p) =>
        p.chapters
          .filter((c) => c.tech.includes(slug))
          .map((c) => ({ ...c, episode: p.episode, all: p.chapters })),
      );
      assert.equal(expectedQueue.length, chapterCount, 'the bar counts the chapters the panels mark');
      assert.deepEqual(
        highlighted,
        about.map((p) => p.episode),
      );
      // Their chapters about it are marked in each panel, as by the chip.
      const firstWithChapters = revealed.findIndex((p) => p.chapters.some((c) => c.tech.includes(slug)));
      assert.deepEqual(
        await marked(page, firstWithChapters),
        revealed[firstWithChapters]!.chapters.filter((c) => c.tech.includes(slug)).map((c) => c.start),
      );

      const saveAll = (await barQuery(page, '[data-stackcast-save-all]'))!;
      assert.match(
        (await barText(page, '[data-stackcast-save-all]'))!,
        new RegExp(`Save all ${about.length}$`),
      );
      await barClick(page, saveAll);
      await waitFor(async () => /Saved/.test((await barText(page, '[data-stackcast-topic-status]')) ?? ''));
      const everyId = all.map((p) => p.episode);
      assert.deepEqual(await savedIds(session, everyId), about.map((p) => p.episode).sort());

      await barClick(page, (await barQuery(page, '[data-stackcast-undo]'))!);
      await waitFor(async () => /Undone/.test((await barText(page, '[data-stackcast-topic-status]')) ?? ''));
      assert.deepEqual(await savedIds(session, everyId), [all[savedBefore]!.episode]);

      // The queue: each chapter about it, episode after episode, from its start.
      await barClick(page, (await barQuery(page, '[data-stackcast-play-topic]'))!);
      const label = () => barText(page, '[data-stackcast-queue-label]');
      const audioTime = async () => {
        const audio = await barQuery(page, 'audio[data-stackcast-player]');
        return audio
          ? barCall(page, audio, function (this: Element) {
              return (this as HTMLAudioElement).currentTime;
            })
          : null;
      };
      const expectAt = async (index: number) => {
        const item = expectedQueue[index]!;
        await waitFor(
          async () =>
            (await label())?.startsWith(`${index + 1} of ${expectedQueue.length}: ${item.title.trim()}`),
          10_000,
          `queue item ${index + 1}`,
        );
        let last: number | null = null;
        await waitFor(
          async () => {
            last = await audioTime();
            // It plays on meanwhile: on a loaded machine the check may come many seconds after the seek.
            return last !== null && last >= item.start - 1 && last < item.start + 45;
          },
          15_000,
          `the queue's audio at ${item.start} s`,
        ).catch(async (error: Error) => {
          throw new Error(`${error.message} (the audio at ${last}; ${await label()})`);
        });
      };
      await expectAt(0);
      // The bar with a topic chosen and its queue playing, as axe sees it.
      assert.ok(await lendBarRoot(page));
      for (const scheme of ['light', 'dark'] as const)
        assert.deepEqual(await seriousViolations(page, '[data-stackcast-topics]', scheme), [], scheme);
      // The end of a chapter moves on: put the playhead just before the first chapter's end.
      const next = expectedQueue[0]!.all.find((c) => c.start > expectedQueue[0]!.start);
      if (next) {
        const audio = (await barQuery(page, 'audio[data-stackcast-player]'))!;
        await barCall(
          page,
          audio,
          new Function(`this.currentTime = ${next.start - 1};`) as (this: Element) => void,
        );
      } else {
        await barClick(page, (await barQuery(page, '[data-stackcast-queue-skip]'))!);
      }
      await expectAt(1);
      if (expectedQueue.length > 2) {
        await barClick(page, (await barQuery(page, '[data-stackcast-queue-skip]'))!);
        await expectAt(2);
      }
      await barClick(page, (await barQuery(page, '[data-stackcast-queue-back]'))!);
      await expectAt(1);
    } finally {
      await page.close();
    }
  });
});

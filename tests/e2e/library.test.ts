// The library in real Chromium with the built extension: save from an episode page and a listing page
// (overlay Save buttons), find the episode by technology, change status, export Markdown and JSON,
// import a bad file and see the message with nothing changed, and Save buttons following removals.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import type { Download, Page } from 'playwright-core';
import { launchExtension, serve, silentWav, type ExtensionSession } from './harness';
import { ripPost, ripPostUrl, ripPosts } from '../fixtures/corpus';
import { RIP_INDEX_URL, ripEpisodeHtml, ripIndexHtml } from '../fixtures/runninginproduction';
import { FIXTURE_AUDIO_PATTERN } from '../fixtures/audio';
import { saveState, toggleSave, waitForSaveState } from './overlay-helpers';
import { waitFor } from './closed-root';

let session: ExtensionSession;
before(async () => {
  session = await launchExtension();
  await serve(session.context, FIXTURE_AUDIO_PATTERN, silentWav(60), 'audio/wav');
});
after(async () => {
  await session?.close();
});

/** Click the Save toggle of the `index`-th overlay panel and wait until it shows saved; returns the episode id. */
async function saveFromPanel(page: Page, index: number): Promise<string> {
  const state = await waitFor(() => saveState(page, index), 10_000, `the Save button of panel ${index}`);
  assert.equal(state, 'false');
  await toggleSave(page, index, 'true');
  const id = await page.locator('[data-stackcast]').nth(index).getAttribute('data-stackcast-episode');
  assert.ok(id, 'the panel names its episode');
  return id;
}

async function rowIds(page: Page): Promise<string[]> {
  return page
    .locator('[data-stackcast-episode]')
    .evaluateAll((rows) => rows.map((r) => r.getAttribute('data-stackcast-episode') ?? ''));
}

async function exportAs(page: Page, kind: string): Promise<{ name: string; text: string }> {
  await page.locator('[data-stackcast-export-kind]').selectOption(kind);
  const [download] = (await Promise.all([
    page.waitForEvent('download'),
    page.locator('[data-stackcast-export="view"]').click(),
  ])) as [Download, void];
  const path = await download.path();
  return { name: download.suggestedFilename(), text: await readFile(path, 'utf8') };
}

test('save from pages, filter by technology, change status, export, and a bad import changes nothing', async () => {
  const post = ripPost(50);
  const postUrl = ripPostUrl(post);
  await serve(session.context, postUrl, ripEpisodeHtml(post));
  const listed = ripPosts()
    .filter((p) => p.category === 'podcast' && p.number !== 50)
    .slice(0, 8);
  await serve(session.context, RIP_INDEX_URL, ripIndexHtml(listed));

  const episodePage = await session.context.newPage();
  await episodePage.goto(postUrl);
  const savedFromEpisode = await saveFromPanel(episodePage, 0);
  // A double click does not create a second record (checked in the library count below).
  const indexPage = await session.context.newPage();
  await indexPage.goto(RIP_INDEX_URL);
  await indexPage.locator('[data-stackcast]').nth(1).waitFor();
  const savedFromListing = await saveFromPanel(indexPage, 1);
  assert.notEqual(savedFromListing, savedFromEpisode);

  const library = await session.openExtensionPage('library.html');
  await library.waitForFunction(() => document.querySelectorAll('[data-stackcast-episode]').length === 2);
  assert.deepEqual((await rowIds(library)).sort(), [savedFromEpisode, savedFromListing].sort());

  // Filter by one of the episode's technologies: the facet shows a count, the URL carries the view.
  const tech = post.tags.find((tag) => !listed[1]!.tags.includes(tag)) ?? post.tags[0]!;
  const facet = library.locator(`[data-stackcast-facet="${tech}"]`);
  await facet.check();
  await library.waitForFunction((slug) => location.hash === `#tech=${slug}`, tech);
  await library.waitForFunction(
    () => document.querySelector('[data-stackcast-results]')?.getAttribute('data-stackcast-results') !== '2',
  );
  assert.ok((await rowIds(library)).includes(savedFromEpisode));
  assert.ok(!(await rowIds(library)).includes(savedFromListing) || listed[1]!.tags.includes(tech));

  // Change its status in the row; a bookmarked status view finds it.
  const row = library.locator(`[data-stackcast-episode="${savedFromEpisode}"]`);
  await row.locator('[data-stackcast-status]').selectOption('listened');
  const statusView = await session.openExtensionPage('library.html#status=listened');
  await statusView.waitForFunction(
    (id) =>
      [...document.querySelectorAll('[data-stackcast-episode]')]
        .map((r) => r.getAttribute('data-stackcast-episode'))
        .join() === id,
    savedFromEpisode,
  );
  await statusView.close();

  // Export the filtered view as Markdown.
  const markdown = await exportAs(library, 'markdown-technology');
  assert.match(markdown.name, /^stackcast-library-\d{4}-\d{2}-\d{2}\.md$/);
  assert.match(markdown.text, /^# Stackcast reading list\n/);
  assert.ok(markdown.text.includes(`](${postUrl})`), 'links to the episode page');
  const firstTopic = post.topics[1]!;
  assert.ok(markdown.text.includes(`${postUrl}#`), 'chapter links open the page at a time');
  assert.ok(markdown.text.includes(firstTopic.title.trim().split(' ')[0]!), 'chapter titles are listed');
  assert.match(markdown.text, /listened/);
  // Written by the export workers (the page writes it only where no worker can start).
  assert.equal(
    await library.evaluate(() => performance.getEntriesByName('stackcast:export-by-workers').length),
    1,
    'the Markdown was written by workers',
  );

  // Clear filters and export the JSON backup of everything.
  await library.evaluate(() => {
    location.hash = '';
  });
  await library.waitForFunction(
    () => document.querySelector('[data-stackcast-results]')?.getAttribute('data-stackcast-results') === '2',
  );
  const backup = await exportAs(library, 'json');
  assert.match(backup.name, /^stackcast-library-\d{4}-\d{2}-\d{2}\.json$/);
  const data = JSON.parse(backup.text) as {
    format: string;
    version: number;
    episodes: { id: string; status: string; chapters: unknown[] }[];
  };
  assert.equal(data.format, 'stackcast-library');
  assert.equal(data.version, 1);
  assert.deepEqual(data.episodes.map((e) => e.id).sort(), [savedFromEpisode, savedFromListing].sort());
  const saved = data.episodes.find((e) => e.id === savedFromEpisode)!;
  assert.equal(saved.status, 'listened');
  assert.equal(saved.chapters.length, post.topics.length);

  // A hostile backup: refused with a message naming the problem, library unchanged.
  const hostile = {
    ...data,
    episodes: [
      ...data.episodes,
      { ...data.episodes[0]!, id: 'https://evil.example/x', url: 'javascript:alert(1)' },
    ],
  };
  await library.locator('[data-stackcast-import-file]').setInputFiles({
    name: 'bad.json',
    mimeType: 'application/json',
    buffer: Buffer.from(JSON.stringify(hostile)),
  });
  const alert = library.locator('[data-stackcast-notice="error"]');
  await alert.waitFor();
  assert.match((await alert.textContent()) ?? '', /episodes\[2\]\.url: must be an http\(s\) URL/);
  const malformed = library.locator('[data-stackcast-import-file]');
  await malformed.setInputFiles({
    name: 'broken.json',
    mimeType: 'application/json',
    buffer: Buffer.from('{"format": "stackcast-library", '),
  });
  await library.waitForFunction(() =>
    /not valid JSON/.test(document.querySelector('[data-stackcast-notice="error"]')?.textContent ?? ''),
  );
  assert.equal((await rowIds(library)).length, 2);
  const after = JSON.parse((await exportAs(library, 'json')).text) as typeof data;
  assert.deepEqual(after.episodes, data.episodes, 'nothing changed');

  // Removing in the library flips the Save button on the still-open episode page (sync through storage).
  await library.locator(`[data-stackcast-episode="${savedFromEpisode}"] .title`).click();
  await library.locator('[data-stackcast-details] button.danger').click();
  await waitForSaveState(episodePage, 'false');
  // ... and Undo brings it back, pressed again.
  await library.locator('[data-stackcast-undo]').click();
  await waitForSaveState(episodePage, 'true');
});

test('parallel saves of one episode from two pages keep one record', async () => {
  const id = 'https://runninginproduction.com/podcast/9999-parallel-saves';
  const episode = {
    id,
    title: 'Parallel saves',
    podcast: 'Running in Production',
    date: '2026-01-01',
    durationSeconds: 600,
    url: id,
    audioUrl: null,
    chapters: [{ start: 0, title: 'Intro' }],
    chapterConfidence: 0.9,
    tech: [{ slug: 'postgres', name: 'PostgreSQL', category: 'database', source: 'list' }],
  };
  const pages = [
    await session.openExtensionPage('popup.html'),
    await session.openExtensionPage('popup.html'),
  ];
  const results = await Promise.all(
    pages.map((page) =>
      page.evaluate(async (ep) => {
        // No named functions in here: tsx would wrap them in a helper the page does not have.
        const runtime = (
          globalThis as unknown as {
            chrome: { runtime: { sendMessage(m: unknown): Promise<{ ok: boolean }> } };
          }
        ).chrome.runtime;
        return Promise.all(
          Array.from({ length: 10 }, () => runtime.sendMessage({ type: 'library:save', episode: ep })),
        );
      }, episode),
    ),
  );
  assert.ok(
    results.flat().every((r) => r.ok),
    'every save answered ok',
  );
  const library = await session.openExtensionPage(`library.html#q=parallel%20saves`);
  await library.waitForFunction(
    () => document.querySelector('[data-stackcast-results]')?.getAttribute('data-stackcast-results') === '1',
  );
  assert.deepEqual(await rowIds(library), [id]);
});

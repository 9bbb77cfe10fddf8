// The library's Chapters view and technology map in real Chromium with the built extension: a library imported
// from a backup (episodes with chapter technologies, and a chapter saved on its own), the chapters of one
// technology, one played in place from its start until it stops at its end (audio with byte ranges), the topic
// reading list and the M3U downloaded and read, the map drawn and a bar filtering; axe finds nothing serious.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { AxeBuilder } from '@axe-core/playwright';
import type { Download, Page } from 'playwright-core';
import { launchExtension, serveAudio, silentWav, type ExtensionSession } from './harness';
import { waitFor } from './closed-root';
import { FIXTURE_AUDIO_PATTERN, fixtureAudioUrl } from '../fixtures/audio';
import { toBackupJson } from '../../utils/library/backup';
import { DEFAULT_LISTENER_FIELDS, type SavedEpisode } from '../../utils/library/record';
import type { SavedChapter } from '../../utils/library/saved-chapter-record';

const savedAt = '2026-12-01T10:00:00.000Z';
function episode(n: number, title: string, chapters: SavedEpisode['chapters'], tech: SavedEpisode['tech']) {
  return {
    id: `https://example.test/episodes/${n}`,
    url: `https://example.test/episodes/${n}`,
    title,
    podcast: 'Topics Show',
    date: `2026-11-0${n}`,
    durationSeconds: 90,
    audioUrl: fixtureAudioUrl(`topics-${n}`),
    chapters,
    chapterConfidence: 1,
    tech,
    ...DEFAULT_LISTENER_FIELDS,
    savedAt,
    updatedAt: savedAt,
  } as SavedEpisode;
}
const postgres = { slug: 'postgres', name: 'PostgreSQL', category: 'database', source: 'list' } as const;
const kubernetes = { slug: 'kubernetes', name: 'Kubernetes', category: 'container', source: 'list' } as const;
const EPISODES = [
  episode(
    1,
    'Scaling a marketplace',
    [
      { start: 0, title: 'Intro', tech: [] },
      { start: 10, title: 'Postgres failover drills', tech: ['postgres'] },
      { start: 12, title: 'Kubernetes upgrades', tech: ['kubernetes'] },
      { start: 40, title: 'Wrap-up', tech: [] },
    ],
    [postgres, kubernetes],
  ),
  episode(
    2,
    'A boring stack',
    [
      { start: 0, title: 'Why boring', tech: [] },
      { start: 30, title: 'Postgres as a queue', tech: ['postgres'] },
    ],
    [postgres],
  ),
];
const SAVED: SavedChapter[] = [
  {
    episodeId: 'https://example.test/episodes/9',
    start: 5,
    end: 65,
    title: 'Kubernetes on bare metal',
    tech: ['kubernetes'],
    episode: {
      title: 'An episode not saved',
      podcast: 'Another Show',
      date: null,
      durationSeconds: 90,
      url: 'https://example.test/episodes/9',
      audioUrl: fixtureAudioUrl('topics-9'),
    },
    savedAt,
  },
];

let session: ExtensionSession;
let library: Page;
before(async () => {
  session = await launchExtension();
  await serveAudio(session.context, FIXTURE_AUDIO_PATTERN, silentWav(90));
  library = await session.openExtensionPage('library.html');
  await library.locator('[data-stackcast-import-file]').setInputFiles({
    name: 'topics.json',
    mimeType: 'application/json',
    buffer: Buffer.from(toBackupJson(EPISODES, new Date(savedAt), SAVED)),
  });
  await library.locator('[data-stackcast-episode]').nth(1).waitFor();
});
after(async () => {
  await session?.close();
});

const titles = (page: Page) =>
  page
    .locator('[data-stackcast-chapter-row] .title')
    .evaluateAll((nodes) => nodes.map((node) => node.textContent ?? ''));

async function download(page: Page, click: () => Promise<void>): Promise<{ name: string; text: string }> {
  const [file] = (await Promise.all([page.waitForEvent('download'), click()])) as [Download, void];
  return { name: file.suggestedFilename(), text: await readFile(await file.path(), 'utf8') };
}

async function serious(page: Page, scheme: 'light' | 'dark'): Promise<string[]> {
  await page.emulateMedia({ colorScheme: scheme });
  const results = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'])
    .analyze();
  return results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${scheme} ${v.impact} ${v.id}: ${v.nodes.map((n) => JSON.stringify(n.target)).join(', ')}`);
}

test('the Chapters view filters by a technology, plays a chapter in place and stops at its end', async () => {
  await library.locator('[data-stackcast-view-tab="chapters"]').click();
  await library.locator('[data-stackcast-chapter-row]').nth(6).waitFor();
  await library.locator('[data-stackcast-facet="postgres"]').click();
  await waitFor(async () => (await titles(library)).length === 2 || null, 10_000, 'the PostgreSQL chapters');
  // Per chapter: the Kubernetes chapter of the first episode and the saved Kubernetes chapter are left out.
  assert.deepEqual((await titles(library)).sort(), ['Postgres as a queue', 'Postgres failover drills']);
  assert.match(new URL(library.url()).hash, /tech=postgres/);
  assert.match(new URL(library.url()).hash, /show=chapters/);

  const row = library.locator('[data-stackcast-chapter-row="10@https://example.test/episodes/1"]');
  assert.equal(
    await row.locator('a[data-stackcast-open-at]').getAttribute('href'),
    `${fixtureAudioUrl('topics-1')}#t=10`,
  );
  await row.locator('[data-stackcast-play-chapter]').click();
  const audio = library.locator('[data-stackcast-library-player] audio');
  // Plays from the chapter's start (10 s) and pauses by itself at its end (12 s, the next chapter).
  await waitFor(
    () => audio.evaluate((a: HTMLAudioElement) => (!a.paused && a.currentTime >= 10 ? true : null)),
    15_000,
    'the chapter playing from its start',
  );
  const stopped = await waitFor(
    () => audio.evaluate((a: HTMLAudioElement) => (a.paused && a.currentTime >= 12 ? a.currentTime : null)),
    20_000,
    'the chapter stopping at its end',
  );
  assert.ok(stopped < 14, `stopped at ${stopped}`);
  assert.equal(
    await library.locator('[data-stackcast-now-playing]').textContent(),
    '1 chapter: done That was the last chapter.',
  );
});

test('exports the chapters as a topic reading list and an M3U playlist with offsets', async () => {
  await library.locator('[data-stackcast-chapter-export-kind]').selectOption('topic-markdown');
  const markdown = await download(library, () => library.locator('[data-stackcast-export-chapters]').click());
  assert.match(markdown.name, /^stackcast-library-\d{4}-\d{2}-\d{2}\.md$/);
  assert.match(
    markdown.text,
    /^# Stackcast topics\n\nExported \d{4}-\d{2}-\d{2} · 2 chapters\n\n## PostgreSQL \(database\)\n\n/,
  );
  assert.ok(
    markdown.text.includes(
      `- [Postgres failover drills](${fixtureAudioUrl('topics-1')}#t=10) — Scaling a marketplace · Topics Show · at 0:10 · 1 min`,
    ),
    markdown.text,
  );
  assert.ok(
    markdown.text.includes(`- [Postgres as a queue](${fixtureAudioUrl('topics-2')}#t=30) — A boring stack`),
  );

  await library.locator('[data-stackcast-chapter-export-kind]').selectOption('m3u');
  const m3u = await download(library, () => library.locator('[data-stackcast-export-chapters]').click());
  assert.match(m3u.name, /\.m3u$/);
  const lines = m3u.text.split('\r\n');
  assert.equal(lines[0], '#EXTM3U');
  const at = lines.indexOf('#EXTINF:2,Topics Show - Scaling a marketplace: Postgres failover drills');
  assert.ok(at > 0, m3u.text);
  assert.deepEqual(lines.slice(at + 1, at + 4), [
    '#EXTVLCOPT:start-time=10',
    '#EXTVLCOPT:stop-time=12',
    `${fixtureAudioUrl('topics-1')}#t=10,12`,
  ]);
});

test('saved chapters: the one saved on its own shows under Saved chapters, playable though its episode is not saved', async () => {
  await library.locator('[data-stackcast-facet="postgres"]').click();
  await library.locator('[data-stackcast-saved-chapters]').click();
  await waitFor(async () => (await titles(library)).length === 1 || null, 10_000, 'the saved chapter');
  assert.deepEqual(await titles(library), ['Kubernetes on bare metal']);
  assert.equal(await library.locator('[data-stackcast-star]').getAttribute('aria-pressed'), 'true');
  assert.equal(await library.locator('[data-stackcast-play-all]').textContent(), '▶ Play all (1)');
  assert.deepEqual(await serious(library, 'light'), []);
  assert.deepEqual(await serious(library, 'dark'), []);
});

test('the technology map draws a bar per technology, and a click filters', async () => {
  await library.locator('[data-stackcast-view-tab="map"]').click();
  const bar = library.getByRole('button', { name: 'PostgreSQL: 2 episodes, 2 chapters' });
  await bar.waitFor();
  assert.equal(
    await library.locator('[data-stackcast-map-category="database"] [data-stackcast-map-tech]').count(),
    1,
  );
  assert.equal(
    await library.locator('[data-stackcast-map-tech="kubernetes"]').getAttribute('aria-label'),
    'Kubernetes: 1 episode, 1 chapter',
  );
  await bar.click();
  await waitFor(
    async () => (await bar.getAttribute('aria-pressed')) === 'true' || null,
    10_000,
    'the bar pressed',
  );
  assert.match(new URL(library.url()).hash, /tech=postgres/);
  assert.equal(
    await library
      .getByRole('list', { name: 'Appears with PostgreSQL' })
      .getByRole('button')
      .first()
      .getAttribute('aria-label'),
    'Kubernetes: together in 1 episode',
  );
  assert.deepEqual(await serious(library, 'light'), []);
  assert.deepEqual(await serious(library, 'dark'), []);
  await library.locator('[data-stackcast-map-show="chapters"]').click();
  await waitFor(async () => (await titles(library)).length === 2 || null, 10_000, 'the chapters of the bar');
});

// Steps and pages for tests/e2e/topics.test.ts: the episode and listing pages it serves, panels read through their
// closed roots, the library asked from Stackcast's own page, and axe on a closed root lent to it.
import assert from 'node:assert/strict';
import { AxeBuilder } from '@axe-core/playwright';
import type { Page } from 'playwright-core';
import type { ExtensionSession } from './harness';
import { call, overlayHosts, queryAll, waitFor } from './closed-root';
import { barCall, barQuery } from './topic-bar-root';
import { seedListing } from '../fixtures/listing';
import { escapeAttr, escapeHtml } from '../fixtures/html';
import { FIXTURE_AUDIO_BASE } from '../fixtures/audio';

export const EPISODE_URL = 'https://podbay.fm/p/stackcast-topics/e/7';
export const LISTING_URL = 'https://podbay.fm/p/running-in-production-seed-000';

// Written for this test: an episode whose chapters name PostgreSQL twice and Redis once.
export const EPISODE_HTML = `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>Databases at work</title></head>
<body><main><h1>Databases at work</h1><a href="/p/stackcast-topics">Stackcast Topics</a>
<audio controls src="${FIXTURE_AUDIO_BASE}topics-7.wav"></audio>
<div class="description"><p>0:00 Intro</p><p>4:10 Running PostgreSQL in production</p><p>12:30 Caching sessions with Redis</p>
<p>25:00 PostgreSQL backups and restores</p><p>40:00 Wrap-up</p></div></main></body></html>`;

/** Seed 000 as a directory's show page, each episode with its audio (the queue plays it). */
export function listingHtml(): string {
  const items = seedListing()
    .episodes.map(
      (
        episode,
        i,
      ) => `<li class="episode"><div class="meta"><span class="duration">${escapeHtml(episode.duration)}</span>
<time>${escapeHtml(episode.date)}</time></div><h3 class="title">${escapeHtml(episode.title)}</h3>
<audio preload="none" src="${escapeAttr(`${FIXTURE_AUDIO_BASE}seed-${i}.wav`)}"></audio>
<p class="description">${escapeHtml(episode.paragraph)}</p></li>`,
    )
    .join('\n');
  return `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>Running in Production</title></head>
<body><main><h1>Running in Production</h1><h2>Episodes</h2><ol class="episodes">${items}</ol></main></body></html>`;
}

export interface PanelRead {
  episode: string;
  chips: string[];
  chapters: Array<{ start: number; tech: string[]; title: string }>;
}

/** Every panel in page order: its episode, chips, and each chapter's start, title and `data-tech`. */
export async function readPanels(page: Page): Promise<PanelRead[]> {
  const hosts = await overlayHosts(page);
  return Promise.all(
    hosts.map(async ({ root, episode }) => ({
      episode: episode ?? '',
      ...(await call(page, root!, function (this: Element) {
        const shadow = this as unknown as ShadowRoot;
        return {
          chips: Array.from(shadow.querySelectorAll('[data-stackcast-tech]'), (chip) =>
            chip.getAttribute('data-stackcast-tech'),
          ) as string[],
          chapters: Array.from(shadow.querySelectorAll('[data-stackcast-chapter]'), (chapter) => ({
            start: Number(chapter.getAttribute('data-start')),
            tech: (chapter.getAttribute('data-tech') ?? '').split(' ').filter(Boolean),
            title: chapter.querySelector('.text')?.textContent ?? '',
          })),
        };
      })),
    })),
  );
}

export async function marked(page: Page, host: number): Promise<number[]> {
  const nodes = await queryAll(page, '[data-stackcast-match]', { host });
  return Promise.all(
    nodes.map(async (node) =>
      Number(
        await call(page, node, function (this: Element) {
          return this.getAttribute('data-start');
        }),
      ),
    ),
  );
}

export const barText = async (page: Page, selector: string) => {
  const node = await barQuery(page, selector);
  return node
    ? barCall(page, node, function (this: Element) {
        return this.textContent ?? '';
      })
    : null;
};

/** Which of `ids` the library holds, asked from Stackcast's own page as the library does. */
export async function savedIds(session: ExtensionSession, ids: string[]): Promise<string[]> {
  const library = await session.openExtensionPage('library.html');
  try {
    const answer = (await library.evaluate(
      (asked) =>
        (
          globalThis as unknown as { chrome: { runtime: { sendMessage(m: unknown): Promise<unknown> } } }
        ).chrome.runtime.sendMessage({
          type: 'library:saved',
          ids: asked,
        }),
      ids,
    )) as { ok: boolean; value: string[] };
    assert.ok(answer.ok);
    return [...answer.value].sort();
  } finally {
    await library.close();
  }
}

/**
 * The serious and critical axe violations (WCAG 2.x A/AA and best practices) inside `include`, in a colour scheme.
 * A closed root must have been lent to the page first (closed-root.ts lendRootsToPage, lendBarRoot).
 */
export async function seriousViolations(
  page: Page,
  include: string,
  scheme: 'light' | 'dark',
): Promise<string[]> {
  await page.emulateMedia({ colorScheme: scheme });
  const results = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'])
    .include(include)
    .analyze();
  return results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map(
      (v) =>
        `${v.impact} ${v.id}: ${v.help} — ${v.nodes
          .slice(0, 3)
          .map((n) => JSON.stringify(n.target))
          .join(', ')}`,
    );
}

/**
 * Bring every panel near the viewport once, so each is drawn (panels far below are drawn as they approach),
 * then wait until every closed root holds its panel.
 */
export async function drawEveryPanel(page: Page): Promise<void> {
  await page.evaluate(async () => {
    for (const host of Array.from(document.querySelectorAll('[data-stackcast]'))) {
      host.scrollIntoView({ block: 'center' });
      await new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done)));
    }
    window.scrollTo(0, 0);
  });
  await waitFor(
    async () => {
      const hosts = await overlayHosts(page);
      const drawn = await Promise.all(
        hosts.map(({ root }) =>
          call(page, root!, function (this: Element) {
            return (this as unknown as ShadowRoot).querySelector('.panel') !== null;
          }),
        ),
      );
      return drawn.every(Boolean);
    },
    20_000,
    'every panel drawn',
  );
}

// Helpers of the sync end-to-end test: a WebDAV address that can go down and come back, the built extension
// as it stands once the listener allowed that server, and the options and library pages driven as a person does.
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer, request as httpRequest, type Server } from 'node:http';
import type { Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { EXTENSION_DIR } from './harness';

/** Generous waits: the machine running the suite may be busy. */
export const WAIT = 60_000;

/**
 * A port on 127.0.0.1 that forwards to `target` and can stop answering (connection refused) and come
 * back on the same port: the listener's server going down and up, with its files kept.
 */
export async function switchableServer(target: string) {
  const sockets = new Set<Socket>();
  const server: Server = createServer((request, response) => {
    const upstream = httpRequest(
      new URL(request.url ?? '/', target),
      { method: request.method, headers: request.headers },
      (answer) => {
        response.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(response);
      },
    );
    upstream.on('error', () => response.destroy());
    request.pipe(upstream);
  });
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  return {
    url: `http://127.0.0.1:${port}/`,
    async down(): Promise<void> {
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      for (const socket of sockets) socket.destroy();
      await closed;
    },
    async up(): Promise<void> {
      await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
    },
  };
}

/**
 * The built extension as it stands after the listener allowed `http://127.0.0.1/*` on the permission prompt
 * of "Test connection". Headless Chromium gives no way to answer that prompt (the request stays pending;
 * Playwright declines to drive extension prompts, microsoft/playwright#32755; Chromium has no switch that
 * accepts it), so a temporary copy of the build holds that one origin, as the own-sites test does for its
 * sites. The shipped manifest keeps no host_permissions (security-manifest.test.ts), and the options page
 * still asks: permissions.request answers true at once for an origin already held.
 */
export function extensionAllowing(origin: string): string {
  const copy = mkdtempSync(join(tmpdir(), 'stackcast-sync-e2e-'));
  cpSync(EXTENSION_DIR, copy, { recursive: true });
  const manifestPath = join(copy, 'manifest.json');
  const manifest = JSON.parse(readFileSync(manifestPath, 'utf8')) as { host_permissions?: string[] };
  manifest.host_permissions = [...(manifest.host_permissions ?? []), origin];
  writeFileSync(manifestPath, JSON.stringify(manifest));
  return copy;
}

export interface SyncAccount {
  url: string;
  user: string;
  password: string;
  folder: string;
}

/** Type the settings into the options page and click Test connection; returns what it said. */
export async function setUpSync(options: Page, account: SyncAccount): Promise<string> {
  await options.locator('[data-stackcast-sync-url]').fill(account.url);
  await options.locator('[data-stackcast-sync-user]').fill(account.user);
  await options.locator('[data-stackcast-sync-password]').fill(account.password);
  await options.locator('[data-stackcast-sync-folder]').fill(account.folder);
  await options.locator('[data-stackcast-sync-test]').click();
  const result = options.locator('[data-stackcast-sync-result]');
  await options.waitForFunction(
    () => {
      const text = document.querySelector('[data-stackcast-sync-result]')?.textContent ?? '';
      return text !== '' && !text.includes('…');
    },
    undefined,
    { timeout: WAIT },
  );
  return (await result.textContent()) ?? '';
}

/** Click Sync now and wait for that sync's status line; returns its state and text. */
export async function syncNow(options: Page): Promise<{ state: string; text: string }> {
  const line = options.locator('[data-stackcast-sync-status]');
  const before = (await line.getAttribute('data-last-attempt')) ?? '';
  await options.locator('[data-stackcast-sync-now]').click();
  await options.waitForFunction(
    (previous) => {
      const element = document.querySelector('[data-stackcast-sync-status]');
      const state = element?.getAttribute('data-state');
      return (
        element?.getAttribute('data-last-attempt') !== previous && (state === 'ok' || state === 'failed')
      );
    },
    before,
    { timeout: WAIT },
  );
  return { state: (await line.getAttribute('data-state')) ?? '', text: (await line.textContent()) ?? '' };
}

/** Save an episode as Stackcast's own pages do (the popup's Save sends this message). */
export async function saveEpisode(page: Page, episode: Record<string, unknown>): Promise<void> {
  const answer = await page.evaluate(async (ep) => {
    const runtime = (
      globalThis as unknown as { chrome: { runtime: { sendMessage(m: unknown): Promise<{ ok: boolean }> } } }
    ).chrome.runtime;
    return runtime.sendMessage({ type: 'library:save', episode: ep });
  }, episode);
  if (!answer.ok) throw new Error(`saving failed: ${JSON.stringify(answer)}`);
}

/** The episode ids the library page lists once it has loaded. */
export async function libraryIds(library: Page): Promise<string[]> {
  await library.reload();
  await library.locator('[data-stackcast-results]').waitFor({ timeout: WAIT });
  return library
    .locator('[data-stackcast-episode]')
    .evaluateAll((rows) => rows.map((row) => row.getAttribute('data-stackcast-episode') ?? ''));
}

/** Open an episode's details on the library page and return its notes field. */
export async function openNotes(library: Page, id: string) {
  await library.reload();
  await library.locator(`[data-stackcast-episode="${id}"] .title`).click({ timeout: WAIT });
  return library.locator('[data-stackcast-details] [data-stackcast-notes]');
}

/** Type notes on the library page and leave the field (which saves them); waits for the write to commit. */
export async function writeNotes(library: Page, id: string, text: string): Promise<void> {
  const notes = await openNotes(library, id);
  const revision = () =>
    library.evaluate(async () => {
      const storage = (
        globalThis as unknown as {
          chrome: { storage: { local: { get(key: string): Promise<Record<string, unknown>> } } };
        }
      ).chrome.storage.local;
      return JSON.stringify((await storage.get('stackcast:library-revision'))['stackcast:library-revision']);
    });
  const before = await revision();
  await notes.fill(text);
  await notes.blur();
  // The library announces each committed write in storage: the note is stored once that changes.
  await library.waitForFunction(
    async (previous) => {
      const storage = (
        globalThis as unknown as {
          chrome: { storage: { local: { get(key: string): Promise<Record<string, unknown>> } } };
        }
      ).chrome.storage.local;
      const now = JSON.stringify(
        (await storage.get('stackcast:library-revision'))['stackcast:library-revision'],
      );
      return now !== previous;
    },
    before,
    { timeout: WAIT },
  );
}

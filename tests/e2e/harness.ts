// End-to-end harness: Debian's Chromium with the built extension loaded, every request served from
// fixtures (nothing reaches the network).
import { chromium, type BrowserContext, type Page, type Worker } from 'playwright-core';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

export const ROOT = resolve(import.meta.dirname, '../..');
export const SHARED = resolve(ROOT, '../shared');
/** Where `wxt build` put the Chrome build (STACKCAST_OUT lets parallel builds use their own folder). */
export const EXTENSION_DIR = resolve(ROOT, process.env.STACKCAST_OUT ?? '.output', 'chrome-mv3');

export function chromiumPath(): string {
  if (process.env.CHROMIUM_PATH) return process.env.CHROMIUM_PATH;
  for (const candidate of ['/usr/bin/chromium', '/usr/bin/chromium-browser']) if (existsSync(candidate)) return candidate;
  try {
    return execFileSync('which', ['chromium'], { encoding: 'utf8' }).trim();
  } catch {
    throw new Error('Chromium not found: install the Debian package `chromium` or set CHROMIUM_PATH');
  }
}

export interface ExtensionSession {
  context: BrowserContext;
  extensionId: string;
  worker: Worker;
  /** Open a page of the extension, e.g. `library.html`. */
  openExtensionPage(path: string): Promise<Page>;
  close(): Promise<void>;
}

/**
 * Launch Chromium with the built extension, headless, with all network blocked except routed fixtures.
 * @example
 * const s = await launchExtension(); await serve(s.context, 'https://runninginproduction.com/podcast/1-x', html);
 */
export async function launchExtension(options: { extensionDir?: string } = {}): Promise<ExtensionSession> {
  const extensionDir = options.extensionDir ?? EXTENSION_DIR;
  if (!existsSync(join(extensionDir, 'manifest.json'))) {
    throw new Error(`No built extension at ${extensionDir}: run \`npm run build\` first`);
  }
  const userDataDir = mkdtempSync(join(tmpdir(), 'stackcast-e2e-'));
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: chromiumPath(),
    headless: false,
    viewport: { width: 1280, height: 900 },
    args: [
      '--headless=new',
      '--no-sandbox',
      `--disable-extensions-except=${extensionDir}`,
      `--load-extension=${extensionDir}`,
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      '--disable-gpu',
      '--disable-quic',
      '--autoplay-policy=no-user-gesture-required',
    ],
  });
  // Nothing leaves the machine: unrouted requests fail. Later routes take precedence over this one.
  await context.route(/^https?:\/\//, (route) => route.abort('internetdisconnected'));
  const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker', { timeout: 15_000 }));
  const extensionId = new URL(worker.url()).host;
  return {
    context,
    extensionId,
    worker,
    async openExtensionPage(path: string) {
      const page = await context.newPage();
      await page.goto(`chrome-extension://${extensionId}/${path.replace(/^\//, '')}`);
      return page;
    },
    async close() {
      await context.close();
      rmSync(userDataDir, { recursive: true, force: true });
    },
  };
}

/** Serve `body` at exactly `url` (and anything matching `pattern` if given) in this context. */
export async function serve(
  context: BrowserContext,
  url: string | RegExp,
  body: string | Buffer,
  contentType = 'text/html; charset=utf-8',
): Promise<void> {
  await context.route(url, (route) =>
    route.fulfill({ status: 200, body, headers: { 'content-type': contentType, 'access-control-allow-origin': '*' } }),
  );
}

/**
 * A silent mono 8 kHz 8-bit WAV of `seconds` length, for seeking tests (≈8 KB a second).
 * @example
 * await serve(context, 'https://cdn.example/ep.mp3', silentWav(4000), 'audio/wav');
 */
export function silentWav(seconds: number): Buffer {
  const rate = 8000;
  const samples = Math.ceil(seconds * rate);
  const header = Buffer.alloc(44);
  header.write('RIFF', 0);
  header.writeUInt32LE(36 + samples, 4);
  header.write('WAVEfmt ', 8);
  header.writeUInt32LE(16, 16);
  header.writeUInt16LE(1, 20); // PCM
  header.writeUInt16LE(1, 22); // mono
  header.writeUInt32LE(rate, 24);
  header.writeUInt32LE(rate, 28);
  header.writeUInt16LE(1, 32);
  header.writeUInt16LE(8, 34);
  header.write('data', 36);
  header.writeUInt32LE(samples, 40);
  return Buffer.concat([header, Buffer.alloc(samples, 0x80)]);
}

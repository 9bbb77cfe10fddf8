// Debian's Chromium with the built extension loaded, offline: shared by `npm start` (the demo), the end-to-end
// tests and the in-browser benchmarks, so all three run the extension the same way.
import { chromium, type BrowserContext } from 'playwright-core';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

export const ROOT = resolve(import.meta.dirname, '..');
/** Where `wxt build` put the Chrome build (STACKCAST_OUT lets parallel builds use their own folder). */
export const EXTENSION_DIR = resolve(ROOT, process.env.STACKCAST_OUT ?? '.output', 'chrome-mv3');

/** Chromium's path: CHROMIUM_PATH, else Debian's package. Throws a message that says how to get it. */
export function chromiumPath(): string {
  if (process.env.CHROMIUM_PATH) return process.env.CHROMIUM_PATH;
  for (const candidate of ['/usr/bin/chromium', '/usr/bin/chromium-browser'])
    if (existsSync(candidate)) return candidate;
  try {
    return execFileSync('which', ['chromium'], { encoding: 'utf8' }).trim();
  } catch {
    throw new Error(
      'Chromium not found: install the Debian package `chromium` (apt-get install chromium) or set CHROMIUM_PATH',
    );
  }
}

export interface LaunchedChromium {
  context: BrowserContext;
  /** Close the browser and delete its temporary profile. */
  close(): Promise<void>;
}

/**
 * Launch Chromium with the built extension and a fresh profile. Headless unless `visible`; every request that
 * is not routed later fails (later routes take precedence), so nothing leaves the machine.
 * @example
 * const { context, close } = await launchChromium({ extensionDir: EXTENSION_DIR });
 */
export async function launchChromium(
  options: { extensionDir?: string; visible?: boolean } = {},
): Promise<LaunchedChromium> {
  const extensionDir = options.extensionDir ?? EXTENSION_DIR;
  if (!existsSync(join(extensionDir, 'manifest.json'))) {
    throw new Error(`No built extension at ${extensionDir}: run \`npm run build\` first`);
  }
  const userDataDir = mkdtempSync(join(tmpdir(), 'stackcast-chromium-'));
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: chromiumPath(),
    headless: false,
    viewport: options.visible ? null : { width: 1280, height: 900 },
    args: [
      ...(options.visible ? [] : ['--headless=new', '--disable-gpu']),
      '--no-sandbox',
      `--disable-extensions-except=${extensionDir}`,
      `--load-extension=${extensionDir}`,
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      '--disable-quic',
      '--autoplay-policy=no-user-gesture-required',
    ],
  });
  await context.route(/^https?:\/\//, (route) => route.abort('internetdisconnected'));
  return {
    context,
    async close() {
      await context.close().catch(() => undefined);
      rmSync(userDataDir, { recursive: true, force: true });
    },
  };
}

/**
 * A silent mono 8 kHz 8-bit WAV of `seconds` length (≈8 KB a second): episode audio for demos and tests,
 * generated so nothing large is committed.
 * @example
 * await serveAudio(context, /\/audio\//, silentWav(4000));
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

/**
 * Serve audio with HTTP range support (206), as real media servers do: without it Chromium cannot seek
 * beyond what it buffered and snaps back to 0.
 */
export async function serveAudio(
  context: BrowserContext,
  url: string | RegExp,
  body: Buffer,
  contentType = 'audio/wav',
): Promise<void> {
  await context.route(url, async (route) => {
    const range = /bytes=(\d+)-(\d*)/.exec((await route.request().headerValue('range')) ?? '');
    const headers = {
      'content-type': contentType,
      'accept-ranges': 'bytes',
      'access-control-allow-origin': '*',
    };
    if (!range)
      return route.fulfill({
        status: 200,
        body,
        headers: { ...headers, 'content-length': String(body.length) },
      });
    const start = Number(range[1]);
    const end = range[2] ? Math.min(Number(range[2]), body.length - 1) : body.length - 1;
    if (start >= body.length)
      return route.fulfill({ status: 416, headers: { 'content-range': `bytes */${body.length}` } });
    return route.fulfill({
      status: 206,
      body: body.subarray(start, end + 1),
      headers: {
        ...headers,
        'content-range': `bytes ${start}-${end}/${body.length}`,
        'content-length': String(end - start + 1),
      },
    });
  });
}

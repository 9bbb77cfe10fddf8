// Sync in real Chromium (issue 13): two browser profiles with the built extension and one WebDAV server on
// 127.0.0.1. A save travels from the first to the second, a delete in the second reaches the first, and a
// note edited on both while the server is down keeps both versions once it is back.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { rmSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { launchExtension, type ExtensionSession } from './harness';
import { startWebDavServer, type RunningWebDav } from '../fixtures/webdav-servers';
import {
  extensionAllowing,
  libraryIds,
  openNotes,
  saveEpisode,
  setUpSync,
  switchableServer,
  syncNow,
  writeNotes,
  type SyncAccount,
} from './sync-helpers';

function episode(n: number, title: string) {
  const id = `https://runninginproduction.com/podcast/${9100 + n}-sync-${n}`;
  return {
    id,
    title,
    podcast: 'Running in Production',
    date: '2026-11-30',
    durationSeconds: 1800,
    url: id,
    audioUrl: null,
    chapters: [
      { start: 0, title: 'Intro' },
      { start: 300, title: 'Moving to Postgres' },
    ],
    chapterConfidence: 0.9,
    tech: [{ slug: 'postgres', name: 'PostgreSQL', category: 'database', source: 'list' }],
  };
}

let webdav: RunningWebDav;
let server: Awaited<ReturnType<typeof switchableServer>>;
let extension: string;
const devices: Array<{ session: ExtensionSession; options: Page; library: Page }> = [];

before(async () => {
  webdav = await startWebDavServer();
  server = await switchableServer(webdav.url);
  extension = extensionAllowing('http://127.0.0.1/*');
  for (let i = 0; i < 2; i++) {
    // Each launch is its own profile (a fresh user-data directory): two browsers, two libraries.
    const session = await launchExtension({ extensionDir: extension });
    // The harness fails every http(s) request it does not serve; this one local server is let through.
    await session.context.route(`${server.url}**`, (route) => route.continue());
    devices.push({
      session,
      options: await session.openExtensionPage('options.html'),
      library: await session.openExtensionPage('library.html'),
    });
  }
});

after(async () => {
  for (const device of devices) await device.session.close();
  await server?.down().catch(() => undefined);
  await webdav?.stop();
  if (extension) rmSync(extension, { recursive: true, force: true });
});

test('Test connection asks for the server and says the folder is ready, on both profiles', async () => {
  const account: SyncAccount = {
    url: server.url,
    user: webdav.user,
    password: webdav.password,
    folder: 'Stackcast',
  };
  const [first, second] = devices;
  // The folder does not exist yet: the first profile is offered to create it.
  const missing = await setUpSync(first!.options, account);
  assert.match(missing, /does not exist yet/);
  await first!.options.getByRole('button', { name: 'Create the folder' }).click();
  await first!.options.waitForFunction(() =>
    /Connected/.test(document.querySelector('[data-stackcast-sync-result]')?.textContent ?? ''),
  );
  assert.match(await setUpSync(second!.options, account), /Connected/);
  // Before the first sync the options page offers a backup of the library.
  assert.equal(await first!.options.locator('[data-stackcast-sync-backup]').count(), 1);
});

test('a save in the first profile appears in the second after a sync', async () => {
  const [first, second] = devices;
  const saved = episode(1, 'Synced from the first browser');
  await saveEpisode(first!.options, saved);
  const sent = await syncNow(first!.options);
  assert.equal(sent.state, 'ok', sent.text);
  assert.match(sent.text, /1 sent, 0 received/);
  const received = await syncNow(second!.options);
  assert.equal(received.state, 'ok', received.text);
  assert.match(received.text, /0 sent, 1 received/);
  assert.deepEqual(await libraryIds(second!.library), [saved.id]);
  // The popup shows the same line.
  const popup = await second!.session.openExtensionPage('popup.html');
  await popup.locator('[data-stackcast-sync-status]').waitFor();
  assert.match((await popup.locator('[data-stackcast-sync-status]').textContent()) ?? '', /1 received/);
  await popup.close();
});

test('a delete in the second profile removes the episode from the first', async () => {
  const [first, second] = devices;
  const id = episode(1, '').id;
  await second!.library.reload();
  await second!.library.locator(`[data-stackcast-episode="${id}"] .title`).click();
  await second!.library.locator('[data-stackcast-details] button.danger').click();
  await second!.library.waitForFunction(
    (gone) => !document.querySelector(`[data-stackcast-episode="${gone}"]`),
    id,
  );
  assert.match((await syncNow(second!.options)).text, /1 sent/);
  assert.match((await syncNow(first!.options)).text, /1 received/);
  assert.deepEqual(await libraryIds(first!.library), []);
});

test('notes edited on both profiles while the server is down are both kept', async () => {
  const [first, second] = devices;
  const shared = episode(2, 'Edited on both');
  await saveEpisode(first!.options, shared);
  await syncNow(first!.options);
  await syncNow(second!.options);
  assert.deepEqual(await libraryIds(second!.library), [shared.id]);

  await server.down();
  await writeNotes(first!.library, shared.id, 'Note typed on the laptop');
  await writeNotes(second!.library, shared.id, 'Note typed on the desktop');
  // Saving worked offline; the sync says what is wrong and keeps the last good sync.
  const failed = await syncNow(first!.options);
  assert.equal(failed.state, 'failed');
  assert.match(failed.text, /could not reach the server/);

  await server.up();
  for (const device of [first, second, first]) assert.equal((await syncNow(device!.options)).state, 'ok');
  for (const device of [first, second]) {
    const notes = await (await openNotes(device!.library, shared.id)).inputValue();
    assert.match(notes, /Note typed on the laptop/);
    assert.match(notes, /Note typed on the desktop/);
    assert.match(notes, /Conflict copy/);
  }
  const [laptop, desktop] = await Promise.all(
    [first, second].map(async (device) => (await openNotes(device!.library, shared.id)).inputValue()),
  );
  assert.equal(laptop, desktop, 'both profiles show the same notes');
});

test('with sync on, a save is sent by itself a few seconds later', async () => {
  const [first, second] = devices;
  const options = first!.options;
  const lastAttempt = () => options.locator('[data-stackcast-sync-status]').getAttribute('data-last-attempt');
  const nextSync = async (previous: string | null) => {
    await options.waitForFunction(
      (before) => {
        const line = document.querySelector('[data-stackcast-sync-status]');
        return (
          line?.getAttribute('data-last-attempt') !== before && line?.getAttribute('data-state') === 'ok'
        );
      },
      previous,
      { timeout: 60_000 },
    );
    return (await options.locator('[data-stackcast-sync-status]').textContent()) ?? '';
  };
  // Turning sync on syncs at once; then the save below is sent by the debounced sync, with no click.
  let before = await lastAttempt();
  await options.locator('[data-stackcast-sync-enabled]').check();
  await nextSync(before);
  before = await lastAttempt();
  const automatic = episode(3, 'Sent without a click');
  await saveEpisode(options, automatic);
  assert.match(await nextSync(before), /1 sent/);
  assert.match((await syncNow(second!.options)).text, /1 received/);
  assert.ok((await libraryIds(second!.library)).includes(automatic.id));
});

// Keyboard commands: content commands reach the active tab as validated messages, the library opens.
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { COMMANDS, runCommand } from '@/utils/background/commands';
import { parseContentMessage } from '@/utils/messages';

beforeEach(() => {
  fakeBrowser.reset();
  vi.restoreAllMocks();
});

describe('runCommand', () => {
  it('sends next-chapter to the tab the command came from, as a message the content script accepts', async () => {
    const send = vi.spyOn(fakeBrowser.tabs, 'sendMessage').mockResolvedValue(undefined);
    const outcome = await runCommand('next-chapter', { id: 7 } as never);
    expect(outcome).toEqual({ ok: true, command: 'next-chapter', tabId: 7 });
    expect(send).toHaveBeenCalledOnce();
    const [tabId, message] = send.mock.calls[0]!;
    expect(tabId).toBe(7);
    expect(parseContentMessage(message)).toEqual({
      ok: true,
      value: { type: 'command:run', command: 'next-chapter' },
    });
  });

  it('falls back to the active tab when the command carries none', async () => {
    const query = vi.spyOn(fakeBrowser.tabs, 'query').mockResolvedValue([{ id: 42 } as never]);
    const send = vi.spyOn(fakeBrowser.tabs, 'sendMessage').mockResolvedValue(undefined);
    const outcome = await runCommand('save-episode');
    expect(query).toHaveBeenCalledWith({ active: true, currentWindow: true });
    expect(outcome).toMatchObject({ ok: true, tabId: 42 });
    expect(send.mock.calls[0]?.[1]).toEqual({ type: 'command:run', command: 'save-episode' });
  });

  it('reports, rather than throws, when the tab has no content script', async () => {
    vi.spyOn(fakeBrowser.tabs, 'sendMessage').mockRejectedValue(
      new Error('Could not establish connection. Receiving end does not exist.'),
    );
    const outcome = await runCommand('previous-chapter', { id: 3 } as never);
    expect(outcome).toEqual({
      ok: false,
      command: 'previous-chapter',
      reason: expect.stringMatching(/no Stackcast overlay/),
    });
  });

  it('opens the library page in a new tab', async () => {
    const create = vi.spyOn(fakeBrowser.tabs, 'create');
    expect(await runCommand('open-library')).toEqual({ ok: true, command: 'open-library' });
    expect(create).toHaveBeenCalledWith({ url: expect.stringMatching(/\/library\.html$/) });
  });

  it('rejects a command the manifest does not declare', async () => {
    const send = vi.spyOn(fakeBrowser.tabs, 'sendMessage');
    expect(await runCommand('delete-everything', { id: 1 } as never)).toEqual({
      ok: false,
      command: 'delete-everything',
      reason: 'unknown command',
    });
    expect(send).not.toHaveBeenCalled();
  });
});

describe('parseContentMessage', () => {
  it.each([
    ['unknown command', { type: 'command:run', command: 'rm -rf' }],
    ['unknown type', { type: 'library:save' }],
    ['not an object', 'command:run'],
  ])('rejects %s', (_label, raw) => {
    expect(parseContentMessage(raw)).toMatchObject({
      ok: false,
      error: expect.stringMatching(/invalid message/),
    });
  });

  it('accepts every declared content command', () => {
    for (const command of COMMANDS.filter((c) => c !== 'open-library')) {
      expect(parseContentMessage({ type: 'command:run', command }).ok).toBe(true);
    }
  });
});

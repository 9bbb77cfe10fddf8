// The one sender every page and content script uses: the background's value comes back, a refusal or no answer
// becomes an error worded for the caller, and the request reaches the background exactly as it was given.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { askBackground } from '@/utils/ask-background';

afterEach(() => {
  vi.restoreAllMocks();
  fakeBrowser.reset();
});

describe('askBackground', () => {
  it("sends the request as given and returns the answer's value", async () => {
    const send = vi
      .spyOn(fakeBrowser.runtime, 'sendMessage')
      .mockResolvedValue({ ok: true, value: ['https://example.com/1'] });
    const saved = await askBackground({ type: 'library:saved', ids: ['https://example.com/1', 'guid:2'] });
    expect(send).toHaveBeenCalledExactlyOnceWith({
      type: 'library:saved',
      ids: ['https://example.com/1', 'guid:2'],
    });
    expect(saved).toEqual(['https://example.com/1']);
  });

  it("rejects with the background's reason when it refuses", async () => {
    vi.spyOn(fakeBrowser.runtime, 'sendMessage').mockResolvedValue({
      ok: false,
      error: 'sender is not this extension',
    });
    await expect(askBackground({ type: 'library:remove', id: 'guid:1' })).rejects.toThrow(
      'sender is not this extension',
    );
  });

  it("rejects with the caller's wording when nothing answers, and with a default otherwise", async () => {
    vi.spyOn(fakeBrowser.runtime, 'sendMessage').mockResolvedValue(undefined);
    await expect(askBackground({ type: 'tab:get-episodes', tabId: 3 }, 'reopen the popup')).rejects.toThrow(
      /^reopen the popup$/,
    );
    await expect(askBackground({ type: 'tab:get-episodes', tabId: 3 })).rejects.toThrow(
      'the background did not answer',
    );
  });

  it('passes on a failure to reach the background (the extension was reloaded)', async () => {
    const send = vi
      .spyOn(fakeBrowser.runtime, 'sendMessage')
      .mockRejectedValue(new Error('Extension context invalidated.'));
    await expect(askBackground({ type: 'library:open' })).rejects.toThrow('Extension context invalidated.');
    expect(send).toHaveBeenCalledTimes(1);
  });

  it('sends again when the message reached a worker that was stopping, and gives up after a few tries', async () => {
    vi.useFakeTimers();
    try {
      const noReceiver = new Error('Could not establish connection. Receiving end does not exist.');
      const send = vi
        .spyOn(fakeBrowser.runtime, 'sendMessage')
        .mockRejectedValueOnce(noReceiver)
        .mockRejectedValueOnce(noReceiver)
        .mockResolvedValueOnce({ ok: true, value: ['guid:1'] });
      const saved = askBackground({ type: 'library:saved', ids: ['guid:1'] });
      await vi.advanceTimersByTimeAsync(500);
      expect(await saved).toEqual(['guid:1']);
      expect(send).toHaveBeenCalledTimes(3);

      send.mockReset().mockRejectedValue(noReceiver);
      const never = expect(askBackground({ type: 'library:open' })).rejects.toThrow(
        'Receiving end does not exist',
      );
      await vi.advanceTimersByTimeAsync(5_000);
      await never;
      expect(send).toHaveBeenCalledTimes(5);
    } finally {
      vi.useRealTimers();
    }
  });
});

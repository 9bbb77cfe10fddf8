// The content script's side of parsing in the background: one message per batch, answers checked before use,
// and a refusal or an unreachable background surfaces as an error the scan handles (no panel, retried later).
import { afterEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { parseHTML } from 'linkedom';
import '@/utils/zod-setup';
import { parseReadings } from '@/utils/background/parse-episodes';
import { ParseCache } from '@/utils/background/parse-cache';
import { parseInBackground } from '@/utils/overlay/parse-remote';
import { backgroundParseCounts } from '@/utils/overlay/bench-marks';
import { parseRequest } from '@/utils/messages';
import { findPageEpisodes, readEpisode, scanPage } from '@/utils/sites/scan';
import { listingHtml, LISTING_URL } from '../../fixtures';

afterEach(() => {
  vi.restoreAllMocks();
  fakeBrowser.reset();
});

function listingReadings() {
  const { document } = parseHTML(listingHtml()) as unknown as { document: Document };
  const page = findPageEpisodes(document, LISTING_URL)!;
  return {
    readings: page.found.map((_, index) => readEpisode(page, index)!),
    whole: scanPage(document, LISTING_URL).map((item) => item.episode),
  };
}

describe('parseInBackground', () => {
  it("sends one parse:episodes message and returns the background's episodes in order", async () => {
    const { readings, whole } = listingReadings();
    const cache = new ParseCache();
    // The background's real handler behind a structured-clone-like boundary.
    const send = vi.spyOn(fakeBrowser.runtime, 'sendMessage').mockImplementation(async (raw: unknown) => {
      const request = parseRequest(JSON.parse(JSON.stringify(raw)));
      if (!request.ok || request.value.type !== 'parse:episodes') return request;
      return { ok: true, value: parseReadings(request.value.readings, cache) };
    });
    const before = backgroundParseCounts().requests;
    const episodes = await parseInBackground(readings);
    expect(send).toHaveBeenCalledTimes(1);
    expect(episodes.filter(Boolean)).toEqual(whole);
    expect(backgroundParseCounts().requests).toBe(before + 1);
  });

  it('rejects with the reason when the background refuses, does not answer, or answers for other episodes', async () => {
    const { readings } = listingReadings();
    const send = vi.spyOn(fakeBrowser.runtime, 'sendMessage');
    send.mockResolvedValueOnce({ ok: false, error: 'invalid message: readings too many' });
    await expect(parseInBackground(readings)).rejects.toThrow('invalid message: readings too many');
    send.mockResolvedValueOnce(undefined);
    await expect(parseInBackground(readings)).rejects.toThrow('did not answer');
    send.mockResolvedValueOnce({ ok: true, value: { episodes: [null], milliseconds: 1, cached: 0 } });
    await expect(parseInBackground(readings)).rejects.toThrow('other episodes');
    send.mockRejectedValueOnce(new Error('Extension context invalidated.'));
    await expect(parseInBackground(readings)).rejects.toThrow('Extension context invalidated.');
  });
});

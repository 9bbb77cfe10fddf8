// A page decides what its content script reads, so one that rewrites its show notes on every rescan could
// keep the service worker parsing without end: each tab has an allowance of parse time per window.
import { describe, expect, it } from 'vitest';
import '@/utils/zod-setup';
import { ParseBudget, PARSE_ALLOWANCE_MS } from '@/utils/background/parse-budget';
import { handlers, parseBudget, PARSE_REFUSED } from '@/utils/background/handlers';
import { callerOf, EXTENSION_CALLER } from '@/utils/background/caller';
import { findPageEpisodes, readEpisode } from '@/utils/sites/scan';
import { parseHTML } from 'linkedom';

describe('ParseBudget', () => {
  it('allows a tab its allowance per window, then refuses it until the window turns; other tabs are not affected', () => {
    let now = 0;
    const budget = new ParseBudget(100, 1_000, () => now);
    expect(budget.allows(1)).toBe(true);
    budget.charge(1, 60);
    expect(budget.allows(1)).toBe(true);
    budget.charge(1, 60);
    expect(budget.allows(1)).toBe(false);
    expect(budget.allows(2)).toBe(true);
    now = 999;
    expect(budget.allows(1)).toBe(false);
    now = 1_000;
    expect(budget.allows(1)).toBe(true);
  });
});

describe('parse:episodes from a page', () => {
  /** A page whose show notes change every time they are read (as a hostile page can make them). */
  function freshReadings(round: number) {
    const notes = Array.from(
      { length: 300 },
      (_, i) => `<p>${i}:00 Topic ${round}-${i} with Postgres and Redis</p>`,
    ).join('');
    const { document } = parseHTML(
      `<!DOCTYPE html><html><body><h1>Round ${round}</h1><div class="notes">${notes}</div></body></html>`,
    ) as unknown as { document: Document };
    const page = findPageEpisodes(document, `https://flood.example/ep/${round}`)!;
    return page.found.map((_, index) => readEpisode(page, index));
  }

  it('stops parsing for a tab that has used its allowance, and says why', async () => {
    const caller = callerOf({ url: 'https://flood.example/ep/1', tab: { id: 41 } }, 'chrome-extension://x');
    await expect(
      handlers['parse:episodes']({ type: 'parse:episodes', readings: freshReadings(0) }, caller),
    ).resolves.toBeTruthy();
    // As if the page had had its notes re-parsed for most of a minute already.
    parseBudget.charge(41, PARSE_ALLOWANCE_MS);
    await expect(
      handlers['parse:episodes']({ type: 'parse:episodes', readings: freshReadings(1) }, caller),
    ).rejects.toThrow(PARSE_REFUSED);
    expect(parseBudget.allows(41)).toBe(false);
    // Another tab, and Stackcast's own pages, still parse.
    const other = callerOf({ url: 'https://other.example/', tab: { id: 42 } }, 'chrome-extension://x');
    await expect(
      handlers['parse:episodes']({ type: 'parse:episodes', readings: freshReadings(9_999) }, other),
    ).resolves.toBeTruthy();
    await expect(
      handlers['parse:episodes'](
        { type: 'parse:episodes', readings: freshReadings(9_998) },
        EXTENSION_CALLER,
      ),
    ).resolves.toBeTruthy();
  });
});

// How much parsing one tab may ask of the background. A page decides what its content script reads: one that
// rewrites its show notes on every rescan would have the service worker parse without end. Each tab gets an
// allowance of parse time per window; beyond it, its requests are refused until the window turns (its
// episodes then wait for the next scan, as after any failed request).

/** Parse time one tab may use per window, in milliseconds: many cold loads of the largest listing a page may have. */
export const PARSE_ALLOWANCE_MS = 5_000;
export const PARSE_WINDOW_MS = 60_000;

/**
 * Parse time spent per tab, in fixed windows.
 * @example
 * if (!budget.allows(tabId)) throw new Error('busy'); budget.charge(tabId, result.milliseconds);
 */
export class ParseBudget {
  private readonly spent = new Map<number, { since: number; milliseconds: number }>();

  constructor(
    private readonly allowance = PARSE_ALLOWANCE_MS,
    private readonly window = PARSE_WINDOW_MS,
    private readonly now: () => number = () => performance.now(),
  ) {}

  /** Whether `tab` may parse now (it has not used up this window's allowance). */
  allows(tab: number): boolean {
    const entry = this.current(tab);
    return !entry || entry.milliseconds < this.allowance;
  }

  /** Count `milliseconds` of parsing against `tab`. */
  charge(tab: number, milliseconds: number): void {
    const entry = this.current(tab) ?? { since: this.now(), milliseconds: 0 };
    entry.milliseconds += Math.max(0, milliseconds);
    this.spent.set(tab, entry);
  }

  private current(tab: number): { since: number; milliseconds: number } | undefined {
    const now = this.now();
    // Windows that have turned are dropped, so the map holds only tabs that parsed recently.
    for (const [key, entry] of this.spent) if (now - entry.since >= this.window) this.spent.delete(key);
    return this.spent.get(tab);
  }
}

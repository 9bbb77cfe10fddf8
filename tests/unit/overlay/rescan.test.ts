// The rescan scheduler: debounced, bounded by max wait, spaced by the last scan's cost.
import { describe, expect, it } from 'vitest';
import { createRescanScheduler, type Clock } from '@/utils/overlay/rescan';

function fakeClock() {
  let now = 0;
  const timers = new Map<number, { at: number; callback: () => void }>();
  let nextId = 1;
  const clock: Clock = {
    now: () => now,
    setTimeout(callback, ms) {
      const id = nextId++;
      timers.set(id, { at: now + ms, callback });
      return id;
    },
    clearTimeout(handle) {
      timers.delete(handle as number);
    },
  };
  const advance = (ms: number) => {
    const end = now + ms;
    for (;;) {
      const due = [...timers.entries()].filter(([, t]) => t.at <= end).sort((a, b) => a[1].at - b[1].at)[0];
      if (!due) break;
      timers.delete(due[0]);
      now = due[1].at;
      due[1].callback();
    }
    now = end;
  };
  return { clock, advance };
}

const limits = { debounce: 250, maxWait: 2_000, minInterval: 1_000, costFactor: 100, navigationDelay: 60 };

describe('createRescanScheduler', () => {
  it('coalesces a burst of mutations into one scan after a quiet period', () => {
    const { clock, advance } = fakeClock();
    const scans: number[] = [];
    const scheduler = createRescanScheduler(() => (scans.push(clock.now()), 1), clock, limits);
    for (let i = 0; i < 10; i++) {
      scheduler.request('mutation');
      advance(50);
    }
    advance(1_000);
    expect(scans).toEqual([700]);
  });

  it('still scans under constant mutation, at most every maxWait / minInterval', () => {
    const { clock, advance } = fakeClock();
    const scans: number[] = [];
    const scheduler = createRescanScheduler(() => (scans.push(clock.now()), 1), clock, limits);
    for (let t = 0; t < 10_000; t += 16) {
      scheduler.request('mutation');
      advance(16);
    }
    expect(scans.length).toBeGreaterThanOrEqual(4);
    expect(scans.length).toBeLessThanOrEqual(6);
    for (let i = 1; i < scans.length; i++) expect(scans[i]! - scans[i - 1]!).toBeGreaterThanOrEqual(1_000);
  });

  it('spaces scans by their cost so an expensive page is not rescanned often', () => {
    const { clock, advance } = fakeClock();
    const scans: number[] = [];
    const scheduler = createRescanScheduler(() => (scans.push(clock.now()), 40), clock, limits);
    scheduler.request('mutation');
    advance(300);
    expect(scans).toHaveLength(1);
    scheduler.request('mutation');
    advance(3_000);
    expect(scans).toHaveLength(1); // 40 ms × 100 = 4 s spacing
    advance(1_500);
    expect(scans).toHaveLength(2);
  });

  it('scans promptly after navigation and reports whether a scan is pending', () => {
    const { clock, advance } = fakeClock();
    let scans = 0;
    const scheduler = createRescanScheduler(() => (scans++, 1), clock, limits);
    scheduler.request('navigation');
    expect(scheduler.pending).toBe(true);
    advance(60);
    expect(scans).toBe(1);
    expect(scheduler.pending).toBe(false);
    scheduler.request('navigation');
    scheduler.cancel();
    advance(1_000);
    expect(scans).toBe(1);
  });

  it('never runs two sliced scans at once: one due meanwhile waits for the running one, then its spacing', async () => {
    const { clock, advance } = fakeClock();
    const started: number[] = [];
    const finish: Array<(cost: number) => void> = [];
    const scheduler = createRescanScheduler(
      () => {
        started.push(clock.now());
        return new Promise<number>((resolve) => finish.push(resolve));
      },
      clock,
      limits,
    );
    const first = scheduler.runNow();
    scheduler.request('mutation');
    advance(3_000);
    expect(started).toEqual([0]);
    expect(scheduler.pending).toBe(true);
    finish[0]!(5);
    expect(await first).toBe(5);
    advance(999);
    expect(started).toEqual([0]);
    advance(1);
    expect(started).toEqual([0, 4_000]);
  });

  it('serves a navigation that came during a sliced scan as soon as that scan ends', async () => {
    const { clock, advance } = fakeClock();
    const started: number[] = [];
    const finish: Array<(cost: number) => void> = [];
    const scheduler = createRescanScheduler(
      () => {
        started.push(clock.now());
        return new Promise<number>((resolve) => finish.push(resolve));
      },
      clock,
      limits,
    );
    const first = scheduler.runNow();
    scheduler.request('navigation');
    advance(500);
    finish[0]!(2);
    await first;
    advance(0);
    expect(started).toEqual([0, 500]);
  });

  it('a page announcing navigations without end (synthetic turbo:load, pushState) is rescanned no more often than one that mutates', () => {
    const { clock, advance } = fakeClock();
    const scans: number[] = [];
    const scheduler = createRescanScheduler(() => (scans.push(clock.now()), 1), clock, limits);
    for (let t = 0; t < 10_000; t += 16) {
      scheduler.request('navigation');
      advance(16);
    }
    // The first is served promptly, each later one after the spacing (1 s here).
    expect(scans[0]).toBe(60);
    expect(scans.length).toBeLessThanOrEqual(11);
    for (let i = 1; i < scans.length; i++) expect(scans[i]! - scans[i - 1]!).toBeGreaterThanOrEqual(1_000);
    // A navigation after a quiet spell is prompt again.
    advance(5_000);
    const before = scans.length;
    scheduler.request('mutation');
    advance(2_000);
    scheduler.request('navigation');
    advance(60);
    expect(scans.length).toBe(before + 2);
  });
});

import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  HybridClock,
  StampSchema,
  compareStamps,
  formatStamp,
  parseStamp,
  stampDevice,
} from '@/utils/sync/clock';

describe('HybridClock', () => {
  it('gives ever later stamps even when the wall clock goes back', () => {
    let time = 1_750_000_000_000;
    const clock = new HybridClock('laptop', () => time);
    const first = clock.tick();
    time -= 60_000;
    const second = clock.tick();
    time += 120_000;
    const third = clock.tick();
    expect(first < second && second < third).toBe(true);
    expect(parseStamp(second)).toEqual({ wall: 1_750_000_000_000, counter: 1, device: 'laptop' });
    expect(parseStamp(third)).toEqual({ wall: 1_750_000_060_000, counter: 0, device: 'laptop' });
  });

  it('orders what a device does after what it has received, however far behind its wall clock is', () => {
    const ahead = new HybridClock('ahead', () => 1_900_000_000_000);
    const behind = new HybridClock('behind', () => 1_000_000_000_000);
    const remote = ahead.tick();
    behind.receive(remote);
    const local = behind.tick();
    expect(compareStamps(local, remote)).toBe(1);
    expect(stampDevice(local)).toBe('behind');
  });

  it('carries a full counter into the wall part, keeping the text order', () => {
    const clock = new HybridClock('d', () => 5, formatStamp({ wall: 5, counter: 999_999, device: 'x' }));
    const next = clock.tick();
    expect(parseStamp(next).wall).toBe(6);
    expect(next > formatStamp({ wall: 5, counter: 999_999, device: 'zzz' })).toBe(true);
  });

  it('resumes after the last stamp it persisted', () => {
    const before = new HybridClock('laptop', () => 100).tick();
    const restarted = new HybridClock('laptop', () => 50, before);
    expect(restarted.tick() > before).toBe(true);
  });

  it('refuses a device id that would break the stamp', () => {
    expect(() => new HybridClock('a-b')).toThrow();
    expect(StampSchema.safeParse('000000000000001-000000-a-b').success).toBe(false);
  });

  it('sorts stamps as text exactly as by (wall, counter, device)', () => {
    const parts = fc.record({
      wall: fc.integer({ min: 0, max: 10 ** 14 }),
      counter: fc.integer({ min: 0, max: 999_999 }),
      device: fc.stringMatching(/^[a-z0-9]{1,8}$/),
    });
    fc.assert(
      fc.property(parts, parts, (a, b) => {
        const byParts =
          a.wall - b.wall ||
          a.counter - b.counter ||
          (a.device < b.device ? -1 : a.device > b.device ? 1 : 0);
        expect(Math.sign(compareStamps(formatStamp(a), formatStamp(b)))).toBe(Math.sign(byParts));
        expect(parseStamp(formatStamp(a))).toEqual(a);
      }),
      { numRuns: 200 },
    );
  });
});

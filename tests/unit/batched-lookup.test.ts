// Lookups made together share one message; a big batch is asked in chunks; a failed ask reaches every caller.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { batchedLookup } from '@/utils/batched-lookup';

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

describe('batchedLookup', () => {
  it('asks once for the keys looked up within the window, each caller getting its own answer', async () => {
    const ask = vi.fn(async (keys: string[]) => keys.map((key) => key.toUpperCase()));
    const lookup = batchedLookup(ask, 100);
    const answers = Promise.all([lookup('a'), lookup('b'), lookup('a')]);
    await vi.advanceTimersByTimeAsync(100);
    expect(await answers).toEqual(['A', 'B', 'A']);
    expect(ask.mock.calls).toEqual([[['a', 'b']]]);
    // A lookup after the window is a new message.
    const later = lookup('c');
    await vi.advanceTimersByTimeAsync(100);
    expect(await later).toBe('C');
    expect(ask).toHaveBeenCalledTimes(2);
  });

  it('asks in chunks, and a key without an answer is undefined', async () => {
    const ask = vi.fn(async (keys: string[]) => keys.slice(0, 2).map((key) => Number(key)));
    const lookup = batchedLookup(ask, 10, 3);
    const answers = Promise.all(['1', '2', '3', '4', '5'].map((key) => lookup(key)));
    await vi.advanceTimersByTimeAsync(10);
    expect(ask.mock.calls).toEqual([[['1', '2', '3']], [['4', '5']]]);
    expect(await answers).toEqual([1, 2, undefined, 4, 5]);
  });

  it('gives every caller the rejection of a failed ask, and the next batch asks again', async () => {
    const ask = vi.fn(async (): Promise<string[]> => {
      throw new Error('Stackcast did not answer');
    });
    const lookup = batchedLookup(ask, 10);
    const first = expect(lookup('a')).rejects.toThrow('did not answer');
    const second = expect(lookup('b')).rejects.toThrow('did not answer');
    await vi.advanceTimersByTimeAsync(10);
    await Promise.all([first, second]);
    const again = expect(lookup('a')).rejects.toThrow('did not answer');
    await vi.advanceTimersByTimeAsync(10);
    await again;
    expect(ask).toHaveBeenCalledTimes(2);
  });
});

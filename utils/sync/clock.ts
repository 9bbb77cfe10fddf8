// Hybrid logical clock: orders every change made on any device without trusting the devices' wall clocks.
import { z } from 'zod';

/** Digits of the wall part: milliseconds since 1970 up to year 33658, so the text form sorts as a number. */
const WALL_DIGITS = 15;
/** Digits of the counter: past it the counter carries into the wall part (see `HybridClock.advance`). */
const COUNTER_DIGITS = 6;
const COUNTER_LIMIT = 10 ** COUNTER_DIGITS;

/**
 * A stamp as text: `<wall ms, 15 digits>-<counter, 6 digits>-<device id>`. Fixed-width numbers make the text
 * order the clock's total order, so stamps compare as strings and read well in the server's files.
 */
export const StampSchema = z
  .string()
  .regex(/^\d{15}-\d{6}-[A-Za-z0-9_]{1,64}$/, 'must be a sync clock stamp');
export type Stamp = z.infer<typeof StampSchema>;

/** A device id: letters, digits and `_` (no `-`, which separates the stamp's parts). */
export const DeviceIdSchema = z.string().regex(/^[A-Za-z0-9_]{1,64}$/, 'must be a device id');

export interface StampParts {
  wall: number;
  counter: number;
  device: string;
}

export function formatStamp({ wall, counter, device }: StampParts): Stamp {
  return `${String(wall).padStart(WALL_DIGITS, '0')}-${String(counter).padStart(COUNTER_DIGITS, '0')}-${device}`;
}

export function parseStamp(stamp: Stamp): StampParts {
  const [wall = '0', counter = '0', device = ''] = stamp.split('-');
  return { wall: Number(wall), counter: Number(counter), device };
}

/** The device a stamp was made on. */
export function stampDevice(stamp: Stamp): string {
  return stamp.slice(WALL_DIGITS + COUNTER_DIGITS + 2);
}

/** Total order of stamps: negative, zero or positive. */
export function compareStamps(a: Stamp, b: Stamp): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** The later of two stamps, either may be missing. */
export function laterStamp(a: Stamp | null | undefined, b: Stamp | null | undefined): Stamp | null {
  if (!a) return b ?? null;
  if (!b) return a;
  return a < b ? b : a;
}

/** A random device id for a new installation (no `-`: it separates a stamp's parts). */
export function newDeviceId(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(8));
  return Array.from(bytes, (byte) => byte.toString(16).padStart(2, '0')).join('');
}

/**
 * One device's clock. `tick` stamps a local change; `receive` takes in a stamp seen from another device, so
 * everything this device stamps afterwards orders after what it has seen, even when its wall clock is behind.
 * A device whose wall clock is far ahead drags every clock that hears from it forward; they keep counting
 * from there (the counter carries into the wall part), so order and causality hold, only the wall part of
 * their stamps stops meaning "now" until real time catches up.
 */
export class HybridClock {
  private wall = 0;
  private counter = 0;

  constructor(
    readonly device: string,
    private readonly now: () => number = Date.now,
    last?: Stamp | null,
  ) {
    DeviceIdSchema.parse(device);
    if (last) this.receive(last);
  }

  /** The last stamp this clock gave out or took in (to persist between runs). */
  get last(): Stamp {
    return formatStamp({ wall: this.wall, counter: this.counter, device: this.device });
  }

  /** A new stamp for a local change, later than every stamp this clock has given out or received. */
  tick(): Stamp {
    this.advance(0, 0);
    return this.last;
  }

  /** Take in a stamp from another device (a record or manifest read from the server). */
  receive(stamp: Stamp): void {
    const remote = parseStamp(StampSchema.parse(stamp));
    this.advance(remote.wall, remote.counter);
  }

  private advance(remoteWall: number, remoteCounter: number): void {
    const physical = Math.floor(this.now());
    const wall = Math.max(this.wall, remoteWall, physical);
    if (wall === this.wall && wall === remoteWall) this.counter = Math.max(this.counter, remoteCounter) + 1;
    else if (wall === this.wall) this.counter += 1;
    else if (wall === remoteWall) this.counter = remoteCounter + 1;
    else this.counter = 0;
    this.wall = wall;
    // A counter past its digits would break the text order: carry into the wall part instead.
    if (this.counter >= COUNTER_LIMIT) {
      this.wall += 1;
      this.counter = 0;
    }
  }
}

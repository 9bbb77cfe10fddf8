// Readings go to the parser in batches, the first small so parsing starts while the rest are read. What was
// parsed before is the background's to remember (utils/background/parse-cache.ts): there is no second cache here.
import type { Episode } from '../model';
import type { EpisodeReading } from '../sites/reading';

/**
 * Parse readings, one result per reading in order, null where there is nothing to show: in the background
 * (utils/overlay/parse-remote.ts) or in place (utils/sites parseEpisodeReading). May reject: those episodes
 * then get no panel until the next scan.
 */
export type ParseReadings = (
  readings: EpisodeReading[],
) => Promise<Array<Episode | null>> | Array<Episode | null>;

/** Readings in the parser's first batch (small, so it starts early), in each later one, and characters at most. */
export const FIRST_BATCH = 4;
const BATCH = 12;
const BATCH_MAX_CHARS = 1_000_000;

/** About how many characters a reading puts in a message: its texts dominate. */
function readingChars(reading: EpisodeReading): number {
  return (
    1_000 +
    (reading.notes?.text.length ?? 0) +
    (reading.tech?.kind === 'node' ? reading.tech.reading.text.length : 0)
  );
}

/**
 * One scan's readings on their way to the parser, and the answers back, by the episode's index on the page.
 * @example
 * const batches = new ParseBatches(parseInBackground); batches.add(0, reading, true);
 * await batches.next(); batches.ready.shift() // { index: 0, episode }
 */
export class ParseBatches {
  /** Answers not yet drawn, in the order they arrived; an unreadable episode is answered null at once. */
  readonly ready: Array<{ index: number; episode: Episode | null }> = [];
  /** Readings sent to the parser so far. */
  sent = 0;
  private readonly waiting = new Set<Promise<void>>();
  private batch: Array<{ index: number; reading: EpisodeReading }> = [];
  private batchChars = 0;
  private batches = 0;

  constructor(private readonly parse: ParseReadings) {}

  /** Whether answers are still to come. */
  get pending(): boolean {
    return this.waiting.size > 0;
  }

  /** Add the reading of episode `index`; `last` sends what is left. */
  add(index: number, reading: EpisodeReading | null, last: boolean): void {
    if (reading === null) {
      this.ready.push({ index, episode: null });
    } else {
      this.batch.push({ index, reading });
      this.batchChars += readingChars(reading);
    }
    const size = this.batches === 0 ? FIRST_BATCH : BATCH;
    if (this.batch.length > 0 && (this.batch.length >= size || this.batchChars >= BATCH_MAX_CHARS || last))
      this.send();
  }

  /** Send the readings added so far, however few. */
  flush(): void {
    if (this.batch.length > 0) this.send();
  }

  /** Resolves when one of the batches in flight is answered. */
  next(): Promise<void> {
    return Promise.race(this.waiting);
  }

  private send(): void {
    const sent = this.batch;
    this.batch = [];
    this.batchChars = 0;
    this.batches += 1;
    this.sent += sent.length;
    const settle = (episodes: ReadonlyArray<Episode | null>) => {
      sent.forEach(({ index }, k) => this.ready.push({ index, episode: episodes[k] ?? null }));
    };
    const done = (async () => {
      try {
        settle(await this.parse(sent.map(({ reading }) => reading)));
      } catch (error) {
        console.debug('[stackcast] could not parse episodes:', error);
        settle([]);
      }
    })();
    this.waiting.add(done);
    void done.then(() => this.waiting.delete(done));
  }
}

// What the parser benchmark's sections share: table cells, and matching chapters against a post's topics.
import { parseHTML } from 'linkedom';
import { expectedChapters, type Topic } from './corpus';
import { ms, type Timing } from './timing';

/** Chapters as every parser compared reports them. */
export type Found = { start: number; title: string }[];

/** Median, p95 and min cells of a table row. */
export const cells = (timing: Timing) => [ms(timing.median), ms(timing.p95), ms(timing.min)];
export const kb = (chars: number) => `${(chars / 1024).toFixed(1)} KB`;
export const mbPerSecond = (chars: number, timing: Timing) =>
  `${(chars / 1024 / 1024 / (timing.median / 1000)).toFixed(1)} MB/s`;

/** Compared with the ground truth's topics as chapters, two topics at one second merged (expectedChapters). */
export function exactMatch(found: Found, topics: Topic[]): boolean {
  const truth = expectedChapters(topics);
  return (
    found.length === truth.length &&
    found.every((chapter, i) => chapter.start === truth[i]!.start && chapter.title.trim() === truth[i]!.title)
  );
}

/** Only the start times equal the ground truth's. */
export function startsMatch(found: Found, topics: Topic[]): boolean {
  const truth = expectedChapters(topics);
  return found.length === truth.length && found.every((chapter, i) => chapter.start === truth[i]!.start);
}

/** An HTML text as a linkedom document. */
export function parseDocument(html: string): Document {
  return (parseHTML(html) as unknown as { document: Document }).document;
}

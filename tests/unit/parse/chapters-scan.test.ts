// The timestamp scan held to a small reference: the `digits:digits(:digits…)` clusters a plain loop finds. The scan
// may drop a cluster (a time of day, a verse, a URL…), but every time it keeps starts where a cluster starts and
// lies inside it (a typo reading may read on over one mistyped separator), and on a clean chapter list it keeps
// every one, read as written.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { scanTimestamps } from '@/utils/parse/chapters-scan';

interface Cluster {
  /** The first digit of the cluster's first digit run. */
  start: number;
  /** Just past its last digit. */
  end: number;
}

/** Every maximal run of `\d+(:\d+)+` in `text`, found one character at a time. */
function referenceClusters(text: string): Cluster[] {
  const digit = (i: number): boolean => i < text.length && text[i]! >= '0' && text[i]! <= '9';
  const clusters: Cluster[] = [];
  let i = 0;
  while (i < text.length) {
    if (!digit(i)) {
      i++;
      continue;
    }
    const start = i;
    while (digit(i)) i++;
    let end = start;
    while (text[i] === ':' && digit(i + 1)) {
      i++;
      while (digit(i)) i++;
      end = i;
    }
    if (end > start) clusters.push({ start, end });
  }
  return clusters;
}

/** A time as chapter lists write it: `m:ss`, `mm:ss`, or `h:mm:ss` past the hour. */
function stamp(seconds: number, padded: boolean): string {
  const h = Math.floor(seconds / 3600);
  const m = Math.floor((seconds % 3600) / 60);
  const s = String(seconds % 60).padStart(2, '0');
  if (h > 0) return `${h}:${String(m).padStart(2, '0')}:${s}`;
  return `${padded ? String(m).padStart(2, '0') : m}:${s}`;
}

/** Every occurrence starts a reference cluster and lies inside it, in text order. */
function expectInsideClusters(text: string, duration: number | null): void {
  const clusters = new Map(referenceClusters(text).map((c) => [c.start, c]));
  let previous = -1;
  for (const occurrence of scanTimestamps(text, duration)) {
    const cluster = clusters.get(occurrence.runStart);
    expect(cluster, `${JSON.stringify(text)} @${occurrence.runStart}`).toBeDefined();
    expect(occurrence.runStart).toBeGreaterThan(previous);
    // Only `A:BB` or `A:BB:CC` shapes are times: minutes and seconds below 60, the last group at least two digits.
    expect(text.slice(cluster!.start, cluster!.end)).toMatch(/^\d+(?::[0-5]\d)?:[0-5]\d+$/);
    for (const reading of occurrence.readings) {
      expect(reading.start).toBeGreaterThanOrEqual(cluster!.start);
      expect(reading.start).toBeLessThan(cluster!.end);
      // A typo reading may read on over one mistyped separator and its digits (`1:04-22`); the rest stay inside.
      if (reading.kind === 'typo') expect(text.slice(cluster!.end, reading.end)).toMatch(/^(?:[^\d\s]\d+)?$/);
      else expect(reading.end).toBeLessThanOrEqual(cluster!.end);
    }
    expect(occurrence.end).toBeGreaterThan(cluster!.start);
    if (occurrence.end > cluster!.end)
      expect(text.slice(cluster!.end, occurrence.end)).toMatch(/^[^\d\s]\d+$/);
    previous = occurrence.runStart;
  }
}

describe('referenceClusters', () => {
  it('finds whole digit runs with their colon groups', () => {
    expect(referenceClusters('a12:30 b 1:2:3:4 5: 6:x 007:05')).toEqual([
      { start: 1, end: 6 },
      { start: 9, end: 16 },
      { start: 24, end: 30 },
    ]);
  });
});

describe('scanTimestamps', () => {
  it('keeps only times that start and lie inside a cluster, URLs, ranges and glued text included', () => {
    const pieces = fc.constantFrom(
      '1:45',
      '01:02:03',
      '12:30',
      '0:00',
      '5:30',
      '1:04-22',
      '99:99',
      '1:2:3:4',
      '123',
      '4',
      ':',
      '::',
      ' ',
      '\n',
      '\t',
      '\u00a0',
      '-',
      ' – ',
      ' / ',
      ' of ',
      'https://',
      'http://x.io/',
      'www.',
      'Www.',
      'w',
      '/',
      '.',
      ',',
      'am',
      ' PM',
      'Mark',
      'Duration ',
      '(',
      ')',
      '[',
      ']',
      'Intro',
      'é',
      '=',
      '$',
      'v',
      '+02:00',
    );
    fc.assert(
      fc.property(fc.array(pieces, { maxLength: 40 }), fc.constantFrom(null, 600, 3600), (parts, duration) =>
        expectInsideClusters(parts.join(''), duration),
      ),
      { numRuns: 2_000 },
    );
  });

  it('keeps only times that start and lie inside a cluster, on any string of digits, colons and separators', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^[0-9: \n/w.a-z-]{0,80}$/), (text) => expectInsideClusters(text, null)),
      { numRuns: 2_000 },
    );
  });

  it('finds every time of a clean chapter list, read as written, whatever comes between its lines', () => {
    const line = fc.record({
      bullet: fc.constantFrom('', '- ', '* '),
      padded: fc.boolean(),
      separator: fc.constantFrom(' ', ' – ', ' - '),
      title: fc.constantFrom(
        'Intro',
        'Tooling and deploys',
        'Questions',
        'Wrap up',
        'Überblick',
        'What we test',
      ),
      between: fc.constantFrom('\n', '\n\n', '\nNotes at https://example.org/notes\n', '\nwww.example.org\n'),
    });
    fc.assert(
      fc.property(
        fc.nat(120),
        fc.array(fc.tuple(line, fc.integer({ min: 30, max: 1_500 })), { minLength: 3, maxLength: 12 }),
        fc.constantFrom('', 'Show notes\n', 'Links: https://example.org/episode\n'),
        fc.constantFrom('', '\nThanks for listening'),
        (first, lines, before, after) => {
          let seconds = first;
          const expected: number[] = [];
          let text = before;
          for (const [{ bullet, padded, separator, title, between }, step] of lines) {
            text += `${bullet}${stamp(seconds, padded)}${separator}${title}${between}`;
            expected.push(seconds);
            seconds += step;
          }
          text += after;
          const found = scanTimestamps(text, null);
          expect(found.map((o) => o.runStart)).toEqual(referenceClusters(text).map((c) => c.start));
          expect(found.map((o) => o.readings.find((r) => r.kind === 'plain')?.seconds)).toEqual(expected);
        },
      ),
      { numRuns: 1_000 },
    );
  });

  it('reads no time glued into a URL, and reads the time after one once white space ends it', () => {
    fc.assert(
      fc.property(
        fc.constantFrom('https://', 'http://', 'www.', 'Www.', 'https://www.'),
        fc.constantFrom('example.org', 'x.io'),
        fc.constantFrom('/a', '/#t', '?p-', '/x.', '/clip'),
        fc.constantFrom('1:45', '12:30', '01:02:03'),
        fc.constantFrom(' ', '\n', '\t'),
        (scheme, host, path, time, space) => {
          const glued = `${scheme}${host}${path}${time} Intro`;
          expect(scanTimestamps(`0:00 Start\n${glued}\n9:00:00 End`, null).map((o) => o.runStart)).toEqual([
            0,
            11 + glued.length + 1,
          ]);
          const spaced = `${scheme}${host}${path}${space}${time} Intro`;
          const text = `0:00 Start\n${spaced}\n9:00:00 End`;
          expect(scanTimestamps(text, null).map((o) => o.runStart)).toEqual(
            referenceClusters(text).map((c) => c.start),
          );
        },
      ),
    );
  });
});

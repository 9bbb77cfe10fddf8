// Oracle for the timestamp scan: scanTimestamps of utils/parse/chapters-scan.ts as it was before commit b72209c found
// clusters by a regular expression, every character visited by the loop (URLs noted on the way). Only the loop is
// kept here; everything it calls is the module's own. Kept only so a property test can hold the scan to it.
import {
  COLON,
  isDigit,
  isSpace,
  keepListOnly,
  markPairs,
  MAX_BLOCK_ITEMS,
  MAX_ITEM_GAP,
  MAX_OCCURRENCES,
  plausibleShape,
  readOccurrence,
  type TimestampOccurrence,
} from '@/utils/parse/chapters-scan';

/**
 * The timestamp occurrences of `text`, found by the character loop the regular-expression scan replaced.
 *
 * @example scanTimestamps('1:45 – Overview 7:01 – Compute', null).map((o) => o.readings[0].seconds); // [105, 421]
 */
export function scanTimestamps(text: string, durationSeconds: number | null): TimestampOccurrence[] {
  const occurrences: TimestampOccurrence[] = [];
  const n = text.length;
  let lastSpace = -1;
  let lastUrl = -2;
  const groups: Array<[number, number]> = [
    [0, 0],
    [0, 0],
    [0, 0],
    [0, 0],
  ];
  let blockStart = 0;
  let blockCount = 0;
  let overflowing = false;
  let lastClusterEnd = -Infinity;
  let i = 0;
  while (i < n) {
    const c = text.charCodeAt(i);
    if (isDigit(c)) {
      let j = i + 1;
      while (j < n && isDigit(text.charCodeAt(j))) j++;
      if (j < n - 1 && text.charCodeAt(j) === COLON && isDigit(text.charCodeAt(j + 1))) {
        groups[0] = [i, j];
        let count = 1;
        let k = j;
        while (k < n - 1 && text.charCodeAt(k) === COLON && isDigit(text.charCodeAt(k + 1))) {
          const start = k + 1;
          let end = start + 1;
          while (end < n && isDigit(text.charCodeAt(end))) end++;
          if (count < 4) groups[count] = [start, end];
          count++;
          k = end;
        }
        // Beyond MAX_BLOCK_ITEMS neighbours a block is a log, a transcript or noise: stop reading its times
        // (keeps adversarial input linear and cheap), until a long stretch without times starts a new block.
        if (i - lastClusterEnd > MAX_ITEM_GAP) {
          blockStart = occurrences.length;
          blockCount = 0;
          overflowing = false;
        }
        lastClusterEnd = k;
        if (!overflowing && count <= 3 && plausibleShape(text, groups, count)) {
          if (++blockCount > MAX_BLOCK_ITEMS) {
            overflowing = true;
            occurrences.length = blockStart;
          } else {
            const occurrence = readOccurrence(
              text,
              i,
              k,
              groups,
              count,
              lastUrl > lastSpace,
              durationSeconds,
            );
            if (occurrence) occurrences.push(occurrence);
            if (occurrences.length >= MAX_OCCURRENCES) break;
          }
        }
        i = k;
        continue;
      }
      i = j;
      continue;
    }
    if (isSpace(c)) lastSpace = i;
    else if (c === COLON && text.charCodeAt(i + 1) === 47 && text.charCodeAt(i + 2) === 47) lastUrl = i;
    else if ((c === 119 || c === 87) && text.startsWith('ww.', i + 1)) lastUrl = i;
    i++;
  }
  keepListOnly(occurrences);
  markPairs(text, occurrences);
  return occurrences;
}

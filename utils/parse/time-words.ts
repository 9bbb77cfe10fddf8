// Words and dates next to a number pair that say it is not an episode time: times of day, time zones, scripture
// books (chapter:verse), scores, ratios, a date before a time of publishing; and the readers of the words around a
// time. One copy for the chapter parser (utils/parse/chapters-scan.ts) and the content
// script's small scan (utils/overlay/page-timestamps.ts), so the two agree on what a time is.

/** Words after a time that make it a time of day. */
export const TIME_OF_DAY_WORDS: ReadonlySet<string> = new Set([
  'am',
  'pm',
  'a.m',
  'p.m',
  'a.m.',
  'p.m.',
  'h',
  'hrs',
  'hr',
  'uhr',
  'o',
  'oclock',
  'hs',
]);
/** Time zones written after a time of day (case-sensitive: `ET` yes, `et` no). */
export const TIME_ZONES: ReadonlySet<string> = new Set([
  'UTC',
  'GMT',
  'EST',
  'EDT',
  'PST',
  'PDT',
  'CST',
  'CDT',
  'MST',
  'MDT',
  'CET',
  'CEST',
  'BST',
  'IST',
  'JST',
  'AEST',
  'AEDT',
  'ET',
  'PT',
  'CT',
  'MT',
  'KST',
  'HKT',
  'SGT',
  'WET',
  'EET',
  'EEST',
  'MSK',
  'NZST',
  'NZDT',
  'Z',
]);
/** Book names (and common abbreviations) before chapter:verse references. */
export const SCRIPTURE_BOOKS: ReadonlySet<string> = new Set(
  (
    'genesis gen exodus exod ex leviticus lev numbers num deuteronomy deut joshua josh judges judg ruth samuel sam ' +
    'kings kgs chronicles chron ezra nehemiah neh esther esth job psalm psalms ps psa proverbs prov ecclesiastes eccl ' +
    'isaiah isa jeremiah jer lamentations lam ezekiel ezek daniel dan hosea hos joel amos obadiah jonah micah mic nahum ' +
    'habakkuk hab zephaniah zeph haggai hag zechariah zech malachi mal matthew matt mt mark mk luke lk john jn acts ' +
    'romans rom corinthians cor galatians gal ephesians eph philippians phil colossians col thessalonians thess ' +
    'timothy tim titus philemon hebrews heb james jas peter pet jude revelation revelations rev sura surah quran'
  ).split(' '),
);
/** Words next to a pair of numbers that make it a ratio or a score. */
export const RATIO_WORDS_BEFORE: ReadonlySet<string> = new Set([
  'ratio',
  'aspect',
  'score',
  'scores',
  'scored',
  'odds',
  'won',
  'lost',
  'beat',
  'beats',
  'final',
  'halftime',
  'record',
  'vs',
  'versus',
  'draw',
  'tied',
]);
export const RATIO_WORDS_AFTER: ReadonlySet<string> = new Set([
  'ratio',
  'aspect',
  'odds',
  'win',
  'loss',
  'lead',
  'victory',
  'defeat',
  'vs',
  'scoreline',
]);

/** A Latin letter, accented ones included. */
export const isLetter = (c: number): boolean =>
  (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || (c >= 0xc0 && c <= 0x24f && c !== 0xd7 && c !== 0xf7);

/** The word (letters and dots) ending just before `index`, skipping up to `skip` separator chars. */
export function wordBefore(text: string, index: number, skippable: string): string {
  let i = index - 1;
  let skipped = 0;
  while (i >= 0 && skipped < 8 && skippable.includes(text.charAt(i))) {
    i--;
    skipped++;
  }
  const end = i + 1;
  if (i < 0 || !(isLetter(text.charCodeAt(i)) || text.charCodeAt(i) === 46)) return '';
  let length = 0;
  while (i >= 0 && length < 16) {
    const c = text.charCodeAt(i);
    if (!isLetter(c) && c !== 46) break;
    i--;
    length++;
  }
  return text
    .slice(i + 1, end)
    .replace(/^\.+|\.+$/g, '')
    .toLowerCase();
}

/** The word (letters, dots, apostrophes) starting after `index`, skipping up to two spaces; original case. */
export function wordAfter(text: string, index: number): string {
  let i = index;
  let skipped = 0;
  while (i < text.length && skipped < 2 && (text.charCodeAt(i) === 32 || text.charCodeAt(i) === 160)) {
    i++;
    skipped++;
  }
  const start = i;
  if (!isLetter(text.charCodeAt(i))) return '';
  while (i < text.length && i - start < 12) {
    const c = text.charCodeAt(i);
    if (!isLetter(c) && c !== 46 && c !== 39 && c !== 0x2019) break;
    i++;
  }
  if (i - start >= 12) return '';
  return text.slice(start, i).replace(/['’]/g, '');
}

/** Whether the 24 characters before `index` end in a calendar date, making the time part of a timestamp of publishing. */
export function followsDate(text: string, index: number): boolean {
  const before = text.slice(Math.max(0, index - 28), index);
  return (
    /\d{1,4}[-/.]\d{1,2}[-/.]\d{2,4},?\s{0,2}(?:at\s{1,2})?$/.test(before) ||
    /\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]{0,6}\.? \d{1,2}(?:st|nd|rd|th)?,? \d{4},?\s{0,2}(?:at\s{1,2})?$/i.test(
      before,
    ) ||
    /\b\d{1,2}(?:st|nd|rd|th)? (?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]{0,6}\.?,? \d{4},?\s{0,2}(?:at\s{1,2})?$/i.test(
      before,
    )
  );
}

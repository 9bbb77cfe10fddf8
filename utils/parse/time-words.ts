// Words next to a number pair that say it is not an episode time: times of day, time zones, scripture books
// (chapter:verse), scores and ratios. One list for the chapter parser (utils/parse/chapters-scan.ts) and the content
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

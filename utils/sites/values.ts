// Normalising the loose values pages carry (URLs, durations, dates, labels) into the model's shapes.
import { truncateText } from '../text-limits';

/** Longest title or label we keep; the model allows 2,000 characters. */
export const MAX_LABEL_LENGTH = 500;

/**
 * An absolute http(s) URL, or null for anything else (javascript:, data:, blob:, broken).
 * @example httpUrl('/podcast/3-x', 'https://runninginproduction.com/') // 'https://runninginproduction.com/podcast/3-x'
 */
export function httpUrl(raw: string | null | undefined, base?: string | URL, keepHash = true): string | null {
  if (typeof raw !== 'string') return null;
  const trimmed = raw.trim();
  if (!trimmed || trimmed.length > 8_000) return null;
  try {
    const url = new URL(trimmed, base);
    if (url.protocol !== 'http:' && url.protocol !== 'https:') return null;
    if (!keepHash) url.hash = '';
    return url.href;
  } catch {
    return null;
  }
}

/**
 * An audio URL: absolute http(s), without the fragment a player appended (Overcast adds `#t=0`).
 * @example audioUrl('https://cdn.example.com/1.mp3#t=0') // 'https://cdn.example.com/1.mp3'
 */
export function audioUrl(raw: string | null | undefined, base?: string | URL): string | null {
  return httpUrl(raw, base, false);
}

/** Whitespace collapsed and trimmed; null when nothing is left. Long labels are cut at MAX_LABEL_LENGTH. */
export function cleanLabel(raw: string | null | undefined): string | null {
  if (typeof raw !== 'string') return null;
  const text = raw
    .slice(0, 20_000)
    .replace(/[\s\u200e\u200f]+/g, ' ')
    .trim();
  if (!text) return null;
  return truncateText(text, MAX_LABEL_LENGTH, '…');
}

const ISO_DURATION =
  /^P(?:(\d+(?:\.\d+)?)D)?(?:T(?:(\d+(?:\.\d+)?)H)?(?:(\d+(?:\.\d+)?)M)?(?:(\d+(?:\.\d+)?)S)?)?$/i;
const CLOCK = /^(?:(\d{1,3}):)?(\d{1,2}):(\d{2})$/;
const HUMAN_PART = /(\d+(?:\.\d+)?)\s*(hours?|hrs?|h|minutes?|mins?|m|seconds?|secs?|s)\b/gi;

/**
 * Seconds from the ways pages write a duration: ISO 8601 (`PT1H43M`), a clock (`52:20`, `1:43:12`),
 * words (`1 hr 43 min`, `56min`, `1h 5m`) or a number of seconds. Null when unreadable or absurd.
 * @example parseDuration('1 hr 43 min') // 6180
 */
export function parseDuration(raw: unknown): number | null {
  let seconds: number | null = null;
  if (typeof raw === 'number') seconds = raw;
  else if (typeof raw === 'string') {
    const text = raw.trim().slice(0, 100);
    const iso = ISO_DURATION.exec(text);
    const clock = CLOCK.exec(text);
    if (iso && text.length > 1) {
      const [, d, h, m, s] = iso;
      seconds = Number(d ?? 0) * 86_400 + Number(h ?? 0) * 3_600 + Number(m ?? 0) * 60 + Number(s ?? 0);
    } else if (clock) {
      const [, h, m, s] = clock;
      if (Number(s) < 60 && (h === undefined || Number(m) < 60)) {
        seconds = Number(h ?? 0) * 3_600 + Number(m) * 60 + Number(s);
      }
    } else if (/^\d+(?:\.\d+)?$/.test(text)) {
      seconds = Number(text);
    } else {
      let total = 0;
      let found = false;
      for (const [, value, unit] of text.matchAll(HUMAN_PART)) {
        const u = (unit ?? '').toLowerCase();
        const factor = u.startsWith('h') ? 3_600 : u.startsWith('m') ? 60 : 1;
        total += Number(value) * factor;
        found = true;
      }
      if (found) seconds = total;
    }
  }
  if (seconds === null || !Number.isFinite(seconds) || seconds <= 0 || seconds > 1_000_000) return null;
  return Math.round(seconds);
}

const MONTHS: Record<string, number> = {
  jan: 1,
  feb: 2,
  mar: 3,
  apr: 4,
  may: 5,
  jun: 6,
  jul: 7,
  aug: 8,
  sep: 9,
  sept: 9,
  oct: 10,
  nov: 11,
  dec: 12,
};

function isoFromParts(year: number, month: number, day: number): string | null {
  if (year < 1900 || year > 2200 || month < 1 || month > 12 || day < 1 || day > 31) return null;
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/**
 * An ISO date (YYYY-MM-DD) from ISO timestamps or English dates (`Dec 20, 2021`, `20 December 2021`).
 * Null for anything else (relative dates, other languages): better no date than a wrong one.
 * @example isoDate('Published on June 1, 2020') // '2020-06-01'
 */
export function isoDate(raw: unknown): string | null {
  if (typeof raw !== 'string') return null;
  const text = raw.slice(0, 200);
  const iso = /\b(\d{4})-(\d{2})-(\d{2})/.exec(text);
  if (iso) return isoFromParts(Number(iso[1]), Number(iso[2]), Number(iso[3]));
  const monthFirst = /\b([A-Za-z]{3,9})\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})\b/.exec(text);
  if (monthFirst) {
    const month =
      MONTHS[(monthFirst[1] ?? '').slice(0, 4).toLowerCase()] ??
      MONTHS[(monthFirst[1] ?? '').slice(0, 3).toLowerCase()];
    if (month) return isoFromParts(Number(monthFirst[3]), month, Number(monthFirst[2]));
  }
  const dayFirst = /\b(\d{1,2})(?:st|nd|rd|th)?\s+([A-Za-z]{3,9})\.?,?\s+(\d{4})\b/.exec(text);
  if (dayFirst) {
    const month =
      MONTHS[(dayFirst[2] ?? '').slice(0, 4).toLowerCase()] ??
      MONTHS[(dayFirst[2] ?? '').slice(0, 3).toLowerCase()];
    if (month) return isoFromParts(Number(dayFirst[3]), month, Number(dayFirst[1]));
  }
  return null;
}

/**
 * Whole seconds within a sane range (0 to 1,000,000), or null for anything else.
 * @example wholeSeconds(104.6) // 105
 */
export function wholeSeconds(value: number | null | undefined): number | null {
  if (typeof value !== 'number' || !Number.isFinite(value) || value < 0 || value > 1_000_000) return null;
  return Math.round(value);
}

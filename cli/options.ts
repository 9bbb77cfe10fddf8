// The `parse` command's options, checked and turned into values (or a usage error a user can act on).
import { CHAPTER_FORMAT_IDS, type ChapterFormatId } from '../utils/export/formats';
import { CliError, EXIT_USAGE } from './errors';

/** The CLI's own JSON, every chapter format of the registry, and the episode as Markdown. */
export type Format = 'json' | ChapterFormatId | 'markdown';
export const FORMATS: readonly Format[] = ['json', ...CHAPTER_FORMAT_IDS, 'markdown'];

/** The Episode model's limit for seconds (about 11.5 days). */
const MAX_SECONDS = 1_000_000;

/**
 * The output format, or a usage error listing the known ones.
 * @example parseFormat('webvtt') // 'webvtt'
 */
export function parseFormat(value: string): Format {
  const format = FORMATS.find((known) => known === value.trim().toLowerCase());
  if (!format)
    throw new CliError(`unknown format "${value}" (use one of: ${FORMATS.join(', ')})`, EXIT_USAGE);
  return format;
}

/**
 * The episode's duration in whole seconds, from `3600`, `3600.4`, `1:00:00` or `60:00`.
 * @example parseDuration('1:02:03') // 3723
 */
export function parseDuration(value: string): number {
  const text = value.trim();
  let seconds: number | null = null;
  if (/^\d+(\.\d+)?$/.test(text)) seconds = Math.round(Number(text));
  else if (/^\d+:[0-5]\d(:[0-5]\d)?$/.test(text)) {
    seconds = text.split(':').reduce((total, part) => total * 60 + Number(part), 0);
  }
  if (seconds === null || !Number.isFinite(seconds) || seconds <= 0 || seconds > MAX_SECONDS) {
    throw new CliError(
      `--duration must be a positive number of seconds (e.g. 3600) or a time (e.g. 1:00:00) up to ${MAX_SECONDS} s, not "${value}"`,
      EXIT_USAGE,
    );
  }
  return seconds;
}

/**
 * The page's address: an absolute http(s) URL (file: is accepted for local pages).
 * @example parseUrl('https://runninginproduction.com/podcast/1-x').hostname // 'runninginproduction.com'
 */
export function parseUrl(value: string): URL {
  let url: URL;
  try {
    url = new URL(value.trim());
  } catch {
    throw new CliError(
      `--url must be an absolute URL such as https://example.com/episode, not "${value}"`,
      EXIT_USAGE,
    );
  }
  if (!['http:', 'https:', 'file:'].includes(url.protocol)) {
    throw new CliError(`--url must be an http(s) (or file:) URL, not "${url.protocol}"`, EXIT_USAGE);
  }
  return url;
}

/**
 * 1-based episode number for `--episode`.
 * @example parseEpisodeNumber('2') // 2
 */
export function parseEpisodeNumber(value: string): number {
  if (!/^\d+$/.test(value.trim()) || Number(value) < 1) {
    throw new CliError(`--episode must be a whole number from 1, not "${value}"`, EXIT_USAGE);
  }
  return Number(value);
}

/** Longest `--timeout` accepted: an hour is past any page worth waiting for. */
const MAX_TIMEOUT_SECONDS = 3600;

/**
 * Seconds to wait for a web page (`--timeout`), from the first byte asked to the last one read.
 * @example parseTimeout('2.5') // 2.5
 */
export function parseTimeout(value: string): number {
  const seconds = Number(value.trim());
  if (!/^\d+(\.\d+)?$/.test(value.trim()) || seconds <= 0 || seconds > MAX_TIMEOUT_SECONDS) {
    throw new CliError(
      `--timeout must be a number of seconds from 0.1 up to ${MAX_TIMEOUT_SECONDS}, not "${value}"`,
      EXIT_USAGE,
    );
  }
  return seconds;
}

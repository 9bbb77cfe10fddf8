// The chapter formats, once: the CLI's --format, the library's chapter downloads and its buttons all read this.
// A new format is a file of its own exporting a ChapterFormat, and a line here.
import type { ChapterFormat } from './chapter-format';
import { PODCAST_CHAPTERS_FORMAT } from './podcast-chapters';
import { PSC_FORMAT } from './psc';
import { WEBVTT_FORMAT } from './webvtt';

export type { ChapterFormat };

export const CHAPTER_FORMATS = {
  'podcast-chapters': PODCAST_CHAPTERS_FORMAT,
  webvtt: WEBVTT_FORMAT,
  psc: PSC_FORMAT,
} as const satisfies Record<string, ChapterFormat>;

export type ChapterFormatId = keyof typeof CHAPTER_FORMATS;

/** The formats' ids in the order they are offered. */
export const CHAPTER_FORMAT_IDS = Object.keys(CHAPTER_FORMATS) as ChapterFormatId[];

// The chapter and episode export formats, one file each; this index only gathers them for callers (the chapter
// formats' registry is formats.ts).
export { CHAPTER_FORMATS, CHAPTER_FORMAT_IDS } from './formats';
export type { ChapterFormat, ChapterFormatId } from './formats';
export { toPodcastChapters, toPodcastChaptersDocument } from './podcast-chapters';
export type { PodcastChapter, PodcastChaptersDocument } from './podcast-chapters';
export { toWebVtt, vttText } from './webvtt';
export { toPsc, toPscElement, PSC_NAMESPACE } from './psc';
export { episodeToMarkdown, episodesToMarkdown, markdownChapterLines } from './markdown';
export { timeLinker, withTimeFragment } from './time-link';
export type { MarkdownOptions } from './markdown';
export { markdownEscape, xmlEscape, safeHttpUrl, oneLine, exportTitle } from './escape';
export { exportChapters } from './chapters';
export type { TimedChapter } from './chapters';
export { vttTime, nptTime, formatTimestamp } from '../parse/time';

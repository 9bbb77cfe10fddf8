// WebVTT chapters (W3C WebVTT, "chapter title text"): one cue per chapter, for <track kind="chapters">.
import type { Episode } from '../model';
import type { ChapterFormat } from './chapter-format';
import { exportChapters } from './chapters';
import { vttTime } from '../parse/time';
import { exportTitle, oneLine } from './escape';

/** Players clip a cue to the media's end, so an open-ended last chapter runs "to the end" this way. */
const OPEN_END_SECONDS = 99 * 3600 + 59 * 60 + 59.999;

/**
 * Chapter title text for a cue: one line (a blank line would end the cue early), `&`, `<` and `>` escaped as
 * WebVTT cue text requires — which also makes `-->` impossible, so a title can never start a new cue.
 * @example vttText('A --> B & <C>') // 'A --&gt; B &amp; &lt;C&gt;'
 */
export function vttText(text: string): string {
  return oneLine(text).replace(/[&<>]/g, (char) => (char === '&' ? '&amp;' : char === '<' ? '&lt;' : '&gt;'));
}

/**
 * The episode's chapters as a WebVTT chapters file. A last chapter with no known end (no duration) runs to
 * 99:59:59.999, i.e. to the end of the media.
 * @example toWebVtt(episode) // 'WEBVTT\n\n1\n00:00:00.000 --> 00:01:45.000\nIntro\n\n…'
 */
export function toWebVtt(episode: Episode): string {
  const blocks = ['WEBVTT'];
  const title = episode.title === null ? '' : vttText(episode.title);
  // A NOTE block says which episode this is without becoming a cue; its text may not contain "-->".
  if (title) blocks.push(`NOTE ${title}`);
  exportChapters(episode).forEach((chapter, index) => {
    const end =
      chapter.end !== null && chapter.end > chapter.start
        ? chapter.end
        : Math.max(OPEN_END_SECONDS, chapter.start + 1);
    blocks.push(
      `${index + 1}\n${vttTime(chapter.start)} --> ${vttTime(end)}\n${vttText(exportTitle(chapter.title, index))}`,
    );
  });
  return `${blocks.join('\n\n')}\n`;
}

export const WEBVTT_FORMAT: ChapterFormat = {
  label: 'WebVTT chapters',
  name: 'WebVTT',
  help: 'WebVTT chapters; several episodes: one file after another (pick one with --episode)',
  extension: 'vtt',
  mime: 'text/vtt',
  write: toWebVtt,
  writeSeveral: (episodes) => (episodes.length === 0 ? 'WEBVTT\n' : episodes.map(toWebVtt).join('\n')),
};

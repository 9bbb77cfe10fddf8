// Podlove Simple Chapters (podlove.org/simple-chapters, version 1.2) as a standalone XML document.
import type { Episode } from '../model';
import type { ChapterFormat } from './chapter-format';
import { exportChapters } from './chapters';
import { nptTime } from '../parse/time';
import { exportTitle, oneLine, xmlEscape } from './escape';

export const PSC_NAMESPACE = 'http://podlove.org/simple-chapters';

/**
 * The `<psc:chapters>` element alone, for embedding in a feed item.
 * @example toPscElement(episode) // '<psc:chapters version="1.2" xmlns:psc="http://podlove.org/simple-chapters">\n  <psc:chapter start="00:00:00" title="Intro"/>\n</psc:chapters>'
 */
export function toPscElement(episode: Episode): string {
  const lines = [`<psc:chapters version="1.2" xmlns:psc="${PSC_NAMESPACE}">`];
  exportChapters(episode).forEach((chapter, index) => {
    lines.push(
      `  <psc:chapter start="${nptTime(chapter.start)}" title="${xmlEscape(exportTitle(chapter.title, index))}"/>`,
    );
  });
  lines.push('</psc:chapters>');
  return lines.join('\n');
}

/**
 * The episode's chapters as a Podlove Simple Chapters XML document (an XML declaration, a comment naming the
 * episode, then the `<psc:chapters>` element).
 * @example toPsc(episode) // '<?xml version="1.0" encoding="UTF-8"?>\n<psc:chapters version="1.2" …'
 */
export function toPsc(episode: Episode): string {
  const head = ['<?xml version="1.0" encoding="UTF-8"?>'];
  const title = episode.title === null ? '' : oneLine(episode.title);
  // "--" is not allowed inside an XML comment, and a trailing "-" would merge with the closing "-->".
  // Comment text is not parsed for markup, so only dashes need care.
  if (title) head.push(`<!-- ${title.replace(/-(?=-)|-$/g, '- ')} -->`);
  return `${[...head, toPscElement(episode)].join('\n')}\n`;
}

/** An episode with nothing to say: what an empty chapters document is written from. */
const NO_EPISODE: Episode = {
  id: 'none',
  title: null,
  podcast: null,
  date: null,
  durationSeconds: null,
  url: null,
  audioUrl: null,
  chapters: [],
  chapterConfidence: 0,
  tech: [],
};

export const PSC_FORMAT: ChapterFormat = {
  label: 'Podlove Simple Chapters',
  name: 'Podlove',
  help: 'Podlove Simple Chapters XML; several episodes: one document after another',
  extension: 'psc.xml',
  mime: 'application/xml',
  write: toPsc,
  writeSeveral: (episodes) => (episodes.length === 0 ? toPsc(NO_EPISODE) : episodes.map(toPsc).join('\n')),
};

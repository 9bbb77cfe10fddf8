// An extended M3U playlist of chapters. Each entry is the episode's audio, which a player would play from its
// beginning; M3U has no standard start field, so each entry says where the chapter is in two ways that players
// honour: VLC's `#EXTVLCOPT:start-time=`/`stop-time=` lines (seconds), and a W3C media fragment `#t=start,end`
// on the address (browsers and mpv read it; players that do not simply ignore the fragment and the options).
import { oneLine, safeHttpUrl } from './escape';
import type { ListedChapter } from './listed-chapter';

/** M3U lines end at a line break and `#EXTINF`'s title runs to the end of its line: keep it one line. */
function infoText(text: string): string {
  return oneLine(text).replace(/[\r\n]/g, ' ');
}

/**
 * `#EXTM3U`, then per chapter with an http(s) audio address: `#EXTINF:<seconds>,<podcast - episode: chapter>`,
 * VLC's start and stop options, and the address with `#t=start,end` (`#t=start` when the end is unknown).
 * Chapters without audio are left out. Lines end with CRLF, which every M3U reader accepts.
 * @example
 * toM3u([{ title: 'Postgres upgrades', start: 754, end: 1480, audioUrl: 'https://cdn.test/1.mp3', … }])
 * // '#EXTM3U\r\n#EXTINF:726,Show - Episode: Postgres upgrades\r\n#EXTVLCOPT:start-time=754\r\n#EXTVLCOPT:stop-time=1480\r\nhttps://cdn.test/1.mp3#t=754,1480\r\n'
 */
export function toM3u(chapters: readonly ListedChapter[]): string {
  const lines = ['#EXTM3U'];
  for (const chapter of chapters) {
    const audio = safeHttpUrl(chapter.audioUrl);
    if (audio === null) continue;
    const start = Math.floor(chapter.start);
    const end = chapter.end === null ? null : Math.ceil(chapter.end);
    const length = end === null ? -1 : end - start;
    const name = [chapter.podcast, chapter.episodeTitle].filter(Boolean).join(' - ');
    lines.push(`#EXTINF:${length},${infoText(name ? `${name}: ${chapter.title}` : chapter.title)}`);
    lines.push(`#EXTVLCOPT:start-time=${start}`);
    if (end !== null) lines.push(`#EXTVLCOPT:stop-time=${end}`);
    // safeHttpUrl percent-encoded anything unsafe, so a fragment can be appended as it is.
    const base = audio.replace(/#.*$/, '');
    lines.push(`${base}#t=${start}${end === null ? '' : `,${end}`}`);
  }
  return lines.join('\r\n') + '\r\n';
}

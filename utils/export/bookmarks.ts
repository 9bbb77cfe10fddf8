// Browser bookmarks HTML (the Netscape bookmark file format Chrome and Firefox import), a folder per podcast.
import { oneLine, safeHttpUrl, xmlEscape } from './escape';
import type { ListedEpisode } from './listed-episode';

const seconds = (iso: string) => String(Math.floor(Date.parse(iso) / 1000));

/**
 * Only episodes with an http(s) page (or audio) URL become bookmarks; every text is entity-escaped.
 * Firefox reads `TAGS` (technologies and personal tags); Chrome ignores it.
 * @example
 * toBookmarksHtml(episodes, new Date()) // '<!DOCTYPE NETSCAPE-Bookmark-file-1>\n...'
 */
export function toBookmarksHtml(episodes: readonly ListedEpisode[], exportedAt: Date): string {
  const byPodcast = new Map<string, ListedEpisode[]>();
  for (const episode of episodes) {
    if (!safeHttpUrl(episode.url ?? episode.audioUrl)) continue;
    const podcast = oneLine(episode.podcast ?? '') || 'Other episodes';
    const list = byPodcast.get(podcast);
    if (list) list.push(episode);
    else byPodcast.set(podcast, [episode]);
  }
  const now = String(Math.floor(exportedAt.getTime() / 1000));
  const lines = [
    '<!DOCTYPE NETSCAPE-Bookmark-file-1>',
    '<!-- This is an automatically generated file.',
    '     It will be read and overwritten.',
    '     DO NOT EDIT! -->',
    '<META HTTP-EQUIV="Content-Type" CONTENT="text/html; charset=UTF-8">',
    '<TITLE>Bookmarks</TITLE>',
    '<H1>Bookmarks</H1>',
    '<DL><p>',
    `    <DT><H3 ADD_DATE="${now}" LAST_MODIFIED="${now}">Stackcast library</H3>`,
    '    <DL><p>',
  ];
  for (const [podcast, list] of byPodcast) {
    lines.push(
      `        <DT><H3 ADD_DATE="${now}" LAST_MODIFIED="${now}">${xmlEscape(podcast)}</H3>`,
      '        <DL><p>',
    );
    for (const episode of list) {
      const href = safeHttpUrl(episode.url ?? episode.audioUrl)!;
      const tags = [...episode.tech.map((t) => t.slug), ...episode.tags].map((t) =>
        oneLine(t).replace(/,/g, ' '),
      );
      const title = oneLine(episode.title ?? '') || href;
      lines.push(
        `            <DT><A HREF="${xmlEscape(href)}" ADD_DATE="${seconds(episode.savedAt)}" LAST_MODIFIED="${seconds(episode.updatedAt)}"${tags.length ? ` TAGS="${xmlEscape(tags.join(','))}"` : ''}>${xmlEscape(title)}</A>`,
      );
      if (episode.notes.trim()) lines.push(`            <DD>${xmlEscape(oneLine(episode.notes))}`);
    }
    lines.push('        </DL><p>');
  }
  lines.push('    </DL><p>', '</DL><p>');
  return lines.join('\n') + '\n';
}

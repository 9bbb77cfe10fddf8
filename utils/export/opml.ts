// OPML 2.0 outline of the library: a folder per podcast, an outline of type "link" per episode.
import { oneLine, safeHttpUrl, xmlEscape } from './escape';
import type { ListedEpisode } from './listed-episode';

/**
 * Every outline has the required `text`; links are http(s) only; dates are RFC 822 as OPML 2.0 asks.
 * @example
 * toOpml(episodes, new Date()) // '<?xml version="1.0" encoding="UTF-8"?>\n<opml version="2.0">...'
 */
export function toOpml(episodes: readonly ListedEpisode[], exportedAt: Date): string {
  const byPodcast = new Map<string, ListedEpisode[]>();
  for (const episode of episodes) {
    const podcast = oneLine(episode.podcast ?? '') || 'Other episodes';
    const list = byPodcast.get(podcast);
    if (list) list.push(episode);
    else byPodcast.set(podcast, [episode]);
  }
  const attr = (name: string, value: string) => ` ${name}="${xmlEscape(value)}"`;
  const lines = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<opml version="2.0">',
    '  <head>',
    '    <title>Stackcast library</title>',
    `    <dateCreated>${exportedAt.toUTCString()}</dateCreated>`,
    '  </head>',
    '  <body>',
  ];
  for (const [podcast, list] of byPodcast) {
    lines.push(`    <outline${attr('text', podcast)}>`);
    for (const episode of list) {
      const url = safeHttpUrl(episode.url) ?? safeHttpUrl(episode.audioUrl);
      const category = episode.tech.map((t) => '/' + oneLine(t.slug).replace(/[,/]/g, ' ')).join(',');
      lines.push(
        '      <outline' +
          attr('text', oneLine(episode.title ?? '') || url || episode.id) +
          (url ? attr('type', 'link') + attr('url', url) : '') +
          attr('created', new Date(episode.savedAt).toUTCString()) +
          (category ? attr('category', category) : '') +
          '/>',
      );
    }
    lines.push('    </outline>');
  }
  lines.push('  </body>', '</opml>');
  return lines.join('\n') + '\n';
}

// The Markdown reading list: saved episodes grouped by technology or by podcast, with links and chapters.
import { clockLabel } from '../../export/clock';
import { markdownEscape, oneLine, safeHttpUrl } from '../../export/escape';
import type { SavedEpisode } from '../record';
import { openAtLinker } from '../open-at';

export interface ReadingListOptions {
  groupBy: 'technology' | 'podcast';
  /** With a technology filter in the view, group only under those technologies. */
  technologies?: string[];
  exportedAt: Date;
}

const STATUS_LABEL = { 'to-listen': 'to listen', listening: 'listening', listened: 'listened' } as const;

function heading(episode: SavedEpisode): string {
  const title = markdownEscape(episode.title ?? '') || 'Untitled episode';
  const url = safeHttpUrl(episode.url) ?? safeHttpUrl(episode.audioUrl);
  const facts = [
    episode.podcast && markdownEscape(episode.podcast),
    episode.date && markdownEscape(episode.date),
    episode.durationSeconds !== null && clockLabel(episode.durationSeconds),
    STATUS_LABEL[episode.status],
  ].filter(Boolean);
  return `- ${url ? `[${title}](${url})` : title} — ${facts.join(' · ')}`;
}

function details(episode: SavedEpisode): string[] {
  const lines: string[] = [];
  if (episode.tech.length) lines.push(`  - Tech: ${episode.tech.map((t) => markdownEscape(t.name)).join(', ')}`);
  if (episode.tags.length) lines.push(`  - Tags: ${episode.tags.map((t) => markdownEscape(t)).join(', ')}`);
  if (episode.notes.trim()) lines.push(`  - Notes: ${markdownEscape(episode.notes)}`);
  const linkAt = openAtLinker(episode);
  episode.chapters.forEach((chapter, index) => {
    const link = linkAt(chapter.start);
    const label = clockLabel(chapter.start);
    lines.push(`  - ${link ? `[${label}](${link})` : label} ${markdownEscape(chapter.title) || `Chapter ${index + 1}`}`);
  });
  return lines;
}

/**
 * Grouped by technology, an episode appears under each of its technologies, with its chapter list the
 * first time only (later entries point back), so the file grows with the library, not with its square.
 * @example
 * toReadingList(episodes, { groupBy: 'podcast', exportedAt: new Date() })
 */
export function toReadingList(episodes: readonly SavedEpisode[], options: ReadingListOptions): string {
  const groups = new Map<string, { title: string; episodes: SavedEpisode[] }>();
  const only = options.technologies?.length ? new Set(options.technologies) : null;
  for (const episode of episodes) {
    if (options.groupBy === 'podcast') {
      const name = oneLine(episode.podcast ?? '') || 'Other episodes';
      const group = groups.get(name) ?? { title: markdownEscape(name), episodes: [] };
      group.episodes.push(episode);
      groups.set(name, group);
      continue;
    }
    const mentions = episode.tech.filter((t) => !only || only.has(t.slug));
    if (mentions.length === 0) mentions.push({ slug: '', name: 'No technology recognised', category: 'other', source: 'text' });
    for (const mention of mentions) {
      const group = groups.get(mention.slug) ?? {
        title: mention.slug ? `${markdownEscape(mention.name)} (${mention.category})` : mention.name,
        episodes: [],
      };
      group.episodes.push(episode);
      groups.set(mention.slug, group);
    }
  }
  const ordered = [...groups.values()].sort((a, b) => b.episodes.length - a.episodes.length || (a.title < b.title ? -1 : 1));
  const count = episodes.length;
  const out = [
    '# Stackcast reading list',
    '',
    `Exported ${options.exportedAt.toISOString().slice(0, 10)} · ${count} episode${count === 1 ? '' : 's'} · grouped by ${options.groupBy}`,
    '',
  ];
  const written = new Map<string, string>();
  // An episode is listed under each of its ~10 technologies: escape and link its line once.
  const headings = new Map<string, string>();
  for (const group of ordered) {
    out.push(`## ${group.title}`, '');
    for (const episode of group.episodes) {
      let line = headings.get(episode.id);
      if (line === undefined) headings.set(episode.id, (line = heading(episode)));
      out.push(line);
      const firstUnder = written.get(episode.id);
      if (firstUnder) out.push(`  - Chapters: see ${firstUnder}`);
      else {
        out.push(...details(episode));
        written.set(episode.id, group.title);
      }
    }
    out.push('');
  }
  return out.join('\n').trimEnd() + '\n';
}

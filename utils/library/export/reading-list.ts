// The Markdown reading list: saved episodes grouped by technology or by podcast, with links and chapters.
import { clockLabel } from '../../export/clock';
import { oneLine, safeHttpUrl } from '../../export/escape';
import { markdownText } from './markdown-text';
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
  const title = markdownText(episode.title ?? '') || 'Untitled episode';
  const url = safeHttpUrl(episode.url) ?? safeHttpUrl(episode.audioUrl);
  const facts = [
    episode.podcast && markdownText(episode.podcast),
    episode.date && markdownText(episode.date),
    episode.durationSeconds !== null && clockLabel(episode.durationSeconds),
    STATUS_LABEL[episode.status],
  ].filter(Boolean);
  return `- ${url ? `[${title}](${url})` : title} — ${facts.join(' · ')}`;
}

function details(episode: SavedEpisode): string[] {
  const lines: string[] = [];
  if (episode.tech.length) lines.push(`  - Tech: ${episode.tech.map((t) => markdownText(t.name)).join(', ')}`);
  if (episode.tags.length) lines.push(`  - Tags: ${episode.tags.map((t) => markdownText(t)).join(', ')}`);
  if (episode.notes.trim()) lines.push(`  - Notes: ${markdownText(episode.notes)}`);
  const linkAt = openAtLinker(episode);
  episode.chapters.forEach((chapter, index) => {
    const link = linkAt(chapter.start);
    const label = clockLabel(chapter.start);
    lines.push(`  - ${link ? `[${label}](${link})` : label} ${markdownText(chapter.title) || `Chapter ${index + 1}`}`);
  });
  return lines;
}

/** One episode's part of a reading list, computed once however many groups list it. */
export interface ReadingListEntry {
  id: string;
  podcast: string | null;
  tech: { slug: string; name: string; category: string }[];
  /** The episode's line, with its newline. */
  heading: string;
  /** Tech, tags, notes and chapter lines (each with its newline), written under its first group. */
  details: string;
}

/**
 * @example
 * readingListEntry(saved).heading // '- [Deploys](https://…) — Running in Production · 2024-05-01 · 58:00 · to listen\n'
 */
export function readingListEntry(episode: SavedEpisode): ReadingListEntry {
  const lines = details(episode);
  return {
    id: episode.id,
    podcast: episode.podcast,
    tech: episode.tech.map((t) => ({ slug: t.slug, name: t.name, category: t.category })),
    heading: heading(episode) + '\n',
    details: lines.length ? lines.join('\n') + '\n' : '',
  };
}

/**
 * The reading list's text in pieces (a header, then a group at a time), for writers that stream.
 * Grouped by technology, an episode appears under each of its technologies, with its chapter list the
 * first time only (later entries point back), so the file grows with the library, not with its square.
 * @example
 * const text = [...readingListParts(episodes.map(readingListEntry), options)].join('');
 */
export function* readingListParts(entries: readonly ReadingListEntry[], options: ReadingListOptions): Generator<string> {
  const groups = new Map<string, { title: string; entries: ReadingListEntry[] }>();
  const only = options.technologies?.length ? new Set(options.technologies) : null;
  for (const entry of entries) {
    if (options.groupBy === 'podcast') {
      const name = oneLine(entry.podcast ?? '') || 'Other episodes';
      const group = groups.get(name) ?? { title: markdownText(name), entries: [] };
      group.entries.push(entry);
      groups.set(name, group);
      continue;
    }
    const mentions = entry.tech.filter((t) => !only || only.has(t.slug));
    if (mentions.length === 0) mentions.push({ slug: '', name: 'No technology recognised', category: 'other' });
    for (const mention of mentions) {
      let group = groups.get(mention.slug);
      if (!group) {
        group = { title: mention.slug ? `${markdownText(mention.name)} (${mention.category})` : mention.name, entries: [] };
        groups.set(mention.slug, group);
      }
      group.entries.push(entry);
    }
  }
  const ordered = [...groups.values()].sort((a, b) => b.entries.length - a.entries.length || (a.title < b.title ? -1 : 1));
  const count = entries.length;
  yield `# Stackcast reading list\n\nExported ${options.exportedAt.toISOString().slice(0, 10)} · ${count} episode${count === 1 ? '' : 's'} · grouped by ${options.groupBy}\n`;
  const written = new Map<string, string>();
  for (const group of ordered) {
    const out = [`\n## ${group.title}\n\n`];
    for (const entry of group.entries) {
      out.push(entry.heading);
      const firstUnder = written.get(entry.id);
      if (firstUnder) out.push(`  - Chapters: see ${firstUnder}\n`);
      else {
        out.push(entry.details);
        written.set(entry.id, group.title);
      }
    }
    yield out.join('');
  }
}

/**
 * The Markdown reading list of these episodes.
 * @example
 * toReadingList(episodes, { groupBy: 'podcast', exportedAt: new Date() })
 */
export function toReadingList(episodes: readonly SavedEpisode[], options: ReadingListOptions): string {
  return [...readingListParts(episodes.map(readingListEntry), options)].join('');
}

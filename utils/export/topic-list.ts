// The topic reading list: chapters (not episodes) grouped by technology, each linked to its moment.
import { formatTimestamp } from '../parse/time';
import { techBySlug } from '../tech/catalog';
import { markdownEscape, safeHttpUrl } from './escape';
import type { ListedChapter } from './listed-chapter';
import { timeLinker } from './time-link';

export interface TopicListOptions {
  exportedAt: Date;
  /** The view's technologies: their groups come first, and only theirs are written. */
  technologies?: readonly string[];
}

const OTHER = 'Chapters without a technology';

function entryOf(chapter: ListedChapter): string {
  const at = formatTimestamp(chapter.start);
  const link = timeLinker(safeHttpUrl(chapter.pageUrl), chapter.audioUrl)(chapter.start);
  const title = markdownEscape(chapter.title) || 'Untitled chapter';
  const minutes = chapter.end === null ? null : Math.max(1, Math.round((chapter.end - chapter.start) / 60));
  const where = [chapter.episodeTitle, chapter.podcast].filter(Boolean).map((text) => markdownEscape(text!));
  const meta = [...where, `at ${at}`, ...(minutes === null ? [] : [`${minutes} min`])].join(' · ');
  return `- ${link ? `[${title}](${link})` : title} — ${meta}\n`;
}

/**
 * Markdown, one `##` group per technology (a chapter under each of its technologies), the view's technologies
 * first, then the others by how many chapters name them; chapters naming none last. Within a group, the
 * chapters keep the order given.
 * @example
 * toTopicList([{ title: 'Postgres upgrades', tech: ['postgres'], start: 754, … }], { exportedAt })
 * // '# Stackcast topics\n\nExported 2026-12-03 · 1 chapter\n\n## PostgreSQL (database)\n\n- [Postgres upgrades](…#t=754) — … · at 12:34 · 12 min\n'
 */
export function toTopicList(chapters: readonly ListedChapter[], options: TopicListOptions): string {
  const chosen = options.technologies ?? [];
  const groups = new Map<string, string[]>();
  const other: string[] = [];
  for (const chapter of chapters) {
    const slugs = chosen.length > 0 ? chapter.tech.filter((slug) => chosen.includes(slug)) : chapter.tech;
    if (slugs.length === 0) {
      if (chosen.length === 0) other.push(entryOf(chapter));
      continue;
    }
    const entry = entryOf(chapter);
    for (const slug of slugs) {
      const group = groups.get(slug);
      if (group) group.push(entry);
      else groups.set(slug, [entry]);
    }
  }
  const rank = (slug: string) => (chosen.includes(slug) ? chosen.indexOf(slug) : chosen.length);
  const order = [...groups.keys()].sort(
    (a, b) =>
      rank(a) - rank(b) || groups.get(b)!.length - groups.get(a)!.length || (a < b ? -1 : a > b ? 1 : 0),
  );
  const count = chapters.length;
  let text = `# Stackcast topics\n\nExported ${options.exportedAt.toISOString().slice(0, 10)} · ${count} chapter${count === 1 ? '' : 's'}\n`;
  for (const slug of order) {
    const tech = techBySlug(slug);
    const title = tech ? `${markdownEscape(tech.name)} (${tech.category})` : markdownEscape(slug);
    text += `\n## ${title}\n\n${groups.get(slug)!.join('')}`;
  }
  if (other.length > 0) text += `\n## ${OTHER}\n\n${other.join('')}`;
  return text;
}

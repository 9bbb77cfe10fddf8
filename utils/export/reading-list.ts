// The Markdown reading list: saved episodes grouped by technology or by podcast, with links and chapters.
import { markdownEscape, oneLine } from './escape';
import { episodeSection, nameText } from './markdown';
import type { ListedEpisode } from './listed-episode';

export interface ReadingListOptions {
  groupBy: 'technology' | 'podcast';
  /** With a technology filter in the view, group only under those technologies. */
  technologies?: string[];
  exportedAt: Date;
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
export function readingListEntry(episode: ListedEpisode): ReadingListEntry {
  const { heading, details } = episodeSection(episode, 'reading-list-item');
  return {
    id: episode.id,
    podcast: episode.podcast,
    tech: episode.tech.map((t) => ({ slug: t.slug, name: t.name, category: t.category })),
    heading,
    details,
  };
}

/** A group of the reading list: its title and the positions of its entries, in the order they were added. */
export interface ReadingListGroup {
  title: string;
  entries: number[];
}

/** A `ReadingListGroups` as plain data (posted from a worker, merged with others by `merge`). */
export interface ReadingListGroupsState {
  groups: { key: string; title: string; titledAt: number; entries: number[] }[];
  inOrder: boolean;
}

/**
 * Which groups list which entries, built an entry at a time (so a streaming writer need not keep the
 * entries' technologies). Grouped by technology, an entry joins each of its technologies' groups (or
 * "No technology recognised"); by podcast, its podcast's (or "Other episodes"). Entries may come in any
 * order of position (records read shelf by shelf): each group lists them by position, and a technology's
 * group is titled by its first mention in the lowest position, as if they had come in order.
 */
export class ReadingListGroups {
  private readonly groups = new Map<string, ReadingListGroup & { titledAt: number }>();
  private readonly only: Set<string> | null;
  private last = -1;
  private inOrder = true;

  /** @example const grouping = new ReadingListGroups(options); grouping.add(entry, 0); grouping.ordered() */
  constructor(private readonly options: ReadingListOptions) {
    this.only = options.technologies?.length ? new Set(options.technologies) : null;
  }

  /** Add the entry at this position (each position once). */
  add(entry: Pick<ReadingListEntry, 'podcast' | 'tech'>, index: number): void {
    if (index < this.last) this.inOrder = false;
    this.last = index;
    const groups = this.groups;
    if (this.options.groupBy === 'podcast') {
      const name = oneLine(entry.podcast ?? '') || 'Other episodes';
      let group = groups.get(name);
      if (!group) groups.set(name, (group = { title: markdownEscape(name), entries: [], titledAt: index }));
      group.entries.push(index);
      return;
    }
    let listed = false;
    for (const mention of entry.tech) {
      if (this.only && !this.only.has(mention.slug)) continue;
      listed = true;
      let group = groups.get(mention.slug);
      if (!group)
        groups.set(mention.slug, (group = { title: technologyTitle(mention), entries: [], titledAt: index }));
      else if (index < group.titledAt) {
        // An earlier position than the one that titled it (a later mention of the slug in this same entry
        // finds titledAt === index and leaves the title to the first).
        group.title = technologyTitle(mention);
        group.titledAt = index;
      }
      group.entries.push(index);
    }
    if (!listed) {
      let group = groups.get('');
      if (!group)
        groups.set('', (group = { title: 'No technology recognised', entries: [], titledAt: index }));
      group.entries.push(index);
    }
  }

  /**
   * This grouping as plain data.
   * @example
   * postMessage(grouping.state())
   */
  state(): ReadingListGroupsState {
    return { groups: [...this.groups].map(([key, group]) => ({ key, ...group })), inOrder: this.inOrder };
  }

  /**
   * Add the groups of another grouping of the same list (its entries at positions this one has not
   * seen): as if every entry had been added here, a group titled by its lowest position's mention.
   * @example
   * const all = new ReadingListGroups(options); all.merge(a.state()); all.merge(b.state());
   */
  merge(state: ReadingListGroupsState): void {
    // Entries of two groupings interleave: `ordered` sorts them by position.
    if (this.groups.size > 0 || !state.inOrder) this.inOrder = false;
    for (const { key, title, titledAt, entries } of state.groups) {
      const group = this.groups.get(key);
      if (!group) {
        this.groups.set(key, { title, titledAt, entries: [...entries] });
        continue;
      }
      for (const entry of entries) group.entries.push(entry);
      if (titledAt < group.titledAt) {
        group.title = title;
        group.titledAt = titledAt;
      }
    }
  }

  /** The groups in the order they are written: the largest first, then by title; entries by position. */
  ordered(): ReadingListGroup[] {
    const groups = [...this.groups.values()].map(({ title, entries }) => ({
      title,
      entries: this.inOrder ? entries : entries.sort((a, b) => a - b),
    }));
    return groups.sort((a, b) => b.entries.length - a.entries.length || (a.title < b.title ? -1 : 1));
  }
}

function technologyTitle(mention: { name: string; category: string }): string {
  return `${nameText(mention.name)} (${mention.category})`;
}

/**
 * The file's first lines.
 * @example
 * readingListHeader(2, options) // '# Stackcast reading list\n\nExported 2026-11-22 · 2 episodes · grouped by technology\n'
 */
export function readingListHeader(count: number, options: ReadingListOptions): string {
  return `# Stackcast reading list\n\nExported ${options.exportedAt.toISOString().slice(0, 10)} · ${count} episode${count === 1 ? '' : 's'} · grouped by ${options.groupBy}\n`;
}

/**
 * A group's heading line, with the blank lines around it.
 * @example
 * groupHeadingOf({ title: 'Docker (devops)', entries: [] }) // '\n## Docker (devops)\n\n'
 */
export function groupHeadingOf(group: ReadingListGroup): string {
  return `\n## ${group.title}\n\n`;
}

/**
 * What later groups write under an entry whose details this group wrote first.
 * @example
 * seeLineOf({ title: 'Docker (devops)', entries: [] }) // '  - Chapters: see Docker (devops)\n'
 */
export function seeLineOf(group: ReadingListGroup): string {
  return `  - Chapters: see ${group.title}\n`;
}

/**
 * The reading list's text in pieces (a header, then a group at a time), for writers that stream.
 * Grouped by technology, an episode appears under each of its technologies, with its chapter list the
 * first time only (later entries point back), so the file grows with the library, not with its square.
 * @example
 * const text = [...readingListParts(episodes.map(readingListEntry), options)].join('');
 */
export function* readingListParts(
  entries: readonly ReadingListEntry[],
  options: ReadingListOptions,
): Generator<string> {
  const grouping = new ReadingListGroups(options);
  for (let index = 0; index < entries.length; index++) grouping.add(entries[index]!, index);
  const ordered = grouping.ordered();
  yield readingListHeader(entries.length, options);
  const seeLines: (string | undefined)[] = new Array(entries.length);
  for (const group of ordered) {
    const seeLine = seeLineOf(group);
    const out = [groupHeadingOf(group)];
    for (const index of group.entries) {
      const entry = entries[index]!;
      out.push(entry.heading);
      const seen = seeLines[index];
      if (seen) out.push(seen);
      else {
        out.push(entry.details);
        seeLines[index] = seeLine;
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
export function toReadingList(episodes: readonly ListedEpisode[], options: ReadingListOptions): string {
  return [...readingListParts(episodes.map(readingListEntry), options)].join('');
}

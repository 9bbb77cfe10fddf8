// The technologies a listing page talks about, with how many of its episodes and chapters do: computed once per
// scan from the parsed episodes, for the topic bar above them.
import type { Episode, TechCategory } from '../model';
// Not model.ts's chapterTechOf: a value import of model.ts would bring zod into the content script.

export interface PageTopic {
  slug: string;
  name: string;
  category: TechCategory;
  /** Episodes about it: their technologies name it, or one of their chapters does. */
  episodes: number;
  /** Chapters about it, across the page. */
  chapters: number;
}

/**
 * Every technology of the page's episodes, most episodes first (then most chapters, then by name): those their
 * chips list and those only their chapters talk about (named by the parse, `chapterTech`). A slug with no name
 * from either is left out.
 * @example
 * pageTopics([episode])[0] // { slug: 'postgres', name: 'PostgreSQL', category: 'database', episodes: 1, chapters: 2 }
 */
export function pageTopics(
  episodes: readonly Pick<Episode, 'tech' | 'chapters' | 'chapterTech'>[],
): PageTopic[] {
  // Names first: a chapter may name what only a later episode's chips list.
  const topics = new Map<string, PageTopic>();
  for (const episode of episodes)
    for (const { slug, name, category } of [...episode.tech, ...(episode.chapterTech ?? [])])
      if (!topics.has(slug)) topics.set(slug, { slug, name, category, episodes: 0, chapters: 0 });
  const about = new Set<string>();
  for (const episode of episodes) {
    about.clear();
    for (const mention of episode.tech) about.add(mention.slug);
    for (const chapter of episode.chapters)
      for (const slug of chapter.tech ?? []) {
        about.add(slug);
        const topic = topics.get(slug);
        if (topic) topic.chapters += 1;
      }
    for (const slug of about) {
      const topic = topics.get(slug);
      if (topic) topic.episodes += 1;
    }
  }
  // Names compare as lower-case strings, not by locale: in a content script `localeCompare`, and a collator's
  // compare too, cost far more per call than on a page (BENCHMARKS.md, overlay), and a listing sorts hundreds.
  const byName = new Map([...topics.values()].map((topic) => [topic, topic.name.toLowerCase()]));
  return [...topics.values()].sort(
    (a, b) =>
      b.episodes - a.episodes ||
      b.chapters - a.chapters ||
      (byName.get(a)! < byName.get(b)! ? -1 : byName.get(a)! > byName.get(b)! ? 1 : 0),
  );
}

/**
 * Whether an episode is about `slug`: its technologies or one of its chapters name it.
 * @example
 * episodeIsAbout(episode, 'postgres') // true
 */
export function episodeIsAbout(episode: Pick<Episode, 'tech' | 'chapters'>, slug: string): boolean {
  return (
    episode.tech.some((mention) => mention.slug === slug) ||
    episode.chapters.some((chapter) => (chapter.tech ?? []).includes(slug))
  );
}

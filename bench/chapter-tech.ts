// Per-chapter technology accuracy on ../shared: no corpus says which technologies a chapter is about, so the
// judgement borrows the episode's: a chapter's technology is right when the episode's tags (its stack, written by
// the site) contain it, and a chapter should find every tag its title names by a catalog spelling.
import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chapterTech } from '@/utils/tech/chapter-tech';
import { extractTech, techInputFromText } from '@/utils/tech/extract';
import { loadGroundTruth, namedTags, postTechText, siteTagSlugs } from './tech-accuracy';

const sharedDir = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..', 'shared');

interface Post {
  title: string;
  intro?: string;
  tags: string[];
  topics: { title: string }[];
}

export interface ChapterTechScore {
  corpus: string;
  episodes: number;
  chapters: number;
  /** Chapters given at least one technology. */
  tagged: number;
  /** Technologies given to chapters, in all. */
  reported: number;
  /** Of those, in the episode's tags. */
  inTags: number;
  /** Of those, of a technology runninginproduction has a tag for at all (the others can never be in its tags). */
  taggable: number;
  /** Of the taggable ones, in the episode's tags. */
  taggableInTags: number;
  /** (chapter, tag its title names) pairs, and how many of them the chapter carries. */
  named: number;
  namedFound: number;
  /** Chapter technologies not in the episode's tags, counted by slug. */
  wrong: Map<string, number>;
  /** Named tags the chapters missed, counted by slug. */
  missed: Map<string, number>;
}

const count = (map: Map<string, number>, slug: string) => map.set(slug, (map.get(slug) ?? 0) + 1);

/**
 * Scores the chapters of posts: each topic title read as a chapter with the product's rules, the episode's
 * technologies (what its page's text and tags give) vouching, as they do on the page.
 */
export function scoreChapters(
  corpus: string,
  posts: readonly Post[],
  taggable: ReadonlySet<string>,
  claimedOnly = false,
): ChapterTechScore {
  const score: ChapterTechScore = {
    corpus,
    episodes: 0,
    chapters: 0,
    tagged: 0,
    reported: 0,
    inTags: 0,
    taggable: 0,
    taggableInTags: 0,
    named: 0,
    namedFound: 0,
    wrong: new Map(),
    missed: new Map(),
  };
  for (const post of posts) {
    if (post.tags.length === 0 || post.topics.length === 0) continue;
    score.episodes++;
    const text = postTechText({ title: post.title, intro: post.intro ?? '', topics: post.topics });
    const episodeTech = extractTech({ ...techInputFromText(text), tags: post.tags });
    const truth = new Set(post.tags);
    for (const topic of post.topics) {
      score.chapters++;
      const found = chapterTech({ title: topic.title, episodeTech, claimedOnly });
      if (found.length > 0) score.tagged++;
      for (const slug of found) {
        score.reported++;
        if (truth.has(slug)) score.inTags++;
        else count(score.wrong, slug);
        if (taggable.has(slug)) {
          score.taggable++;
          if (truth.has(slug)) score.taggableInTags++;
        }
      }
      for (const slug of namedTags(topic.title, post.tags)) {
        score.named++;
        if (found.includes(slug)) score.namedFound++;
        else count(score.missed, slug);
      }
    }
  }
  return score;
}

/** Precision against the tags; over technologies the site can tag; recall of title-named tags. */
export function ratios(score: ChapterTechScore): {
  precision: number;
  precisionTaggable: number;
  recall: number;
} {
  const ratio = (a: number, b: number) => (b === 0 ? 1 : a / b);
  return {
    precision: ratio(score.inTags, score.reported),
    precisionTaggable: ratio(score.taggableInTags, score.taggable),
    recall: ratio(score.namedFound, score.named),
  };
}

/**
 * The runninginproduction and devtools.fm scores (Syntax has no tags to judge against), then the same with the
 * episode's claim rules (`claimedOnly`) for comparison.
 */
export function evaluateChapterTech(): ChapterTechScore[] {
  const taggable = siteTagSlugs();
  const devtools = JSON.parse(
    readFileSync(resolve(sharedDir, 'corpus', 'devtoolsfm', 'ground-truth.json'), 'utf8'),
  ) as Post[];
  const rip = loadGroundTruth();
  return [
    scoreChapters('runninginproduction', rip, taggable),
    // devtools.fm's tags are its own words; "taggable" there still means runninginproduction's tag set.
    scoreChapters('devtoolsfm', devtools, taggable),
    // The episode's claim rules kept (only names claimed as used): what talking-about adds, and costs.
    scoreChapters('runninginproduction, claimed only', rip, taggable, true),
    scoreChapters('devtoolsfm, claimed only', devtools, taggable, true),
  ];
}

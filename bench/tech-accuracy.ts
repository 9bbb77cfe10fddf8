// Tech-stack accuracy on the runninginproduction corpus: what the text alone (title, intro, topic titles) yields
// against each post's tags, and whether an explicit list or tag links reproduce the tags exactly.
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { extractTech } from '@/utils/tech/extract';
import { TECHNOLOGIES, techBySlug, type Technology } from '@/utils/tech/catalog';
import type { TechMention } from '@/utils/model';

const sharedDir = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..', 'shared');

interface GroundTruthPost {
  file: string;
  number: number;
  title: string;
  intro: string;
  tags: string[];
  topics: { title: string }[];
}

export interface PostTechAccuracy {
  number: number;
  title: string;
  tags: string[];
  /** Tags whose catalog name or an alias appears in the text (case-insensitive, whole words). */
  named: string[];
  /** Reported from text: source `text` and `implied`. */
  reported: { slug: string; source: TechMention['source'] }[];
  /** Named tags the extractor missed. */
  missedNamed: string[];
  /** Reported slugs that are not among the post's tags. */
  falsePositives: string[];
  /** Explicit list (`listed` = tags), tag links (`/tags/x`) and list + text all reproduce the tags exactly. */
  exactWithList: boolean;
}

export interface TechAccuracy {
  posts: number;
  /** Of the tags the text names by any catalog name or alias: the share reported (target ≥ 0.95). */
  recallNamed: number;
  /**
   * Of everything reported from text (sources `text` + `implied`): the share that is a tag. This is the issue's
   * "of everything reported from text, precision ≥ 0.85 against the tags", measured strictly.
   */
  precision: number;
  /** The same precision counting only source `text` (no implied parents). */
  precisionTextOnly: number;
  /**
   * Precision over reported technologies the site has a tag for at all (its tags folder): the site cannot tag
   * JavaScript, Celery or EC2, so those reports can never match; this isolates the extractor's own judgement.
   */
  precisionTaggable: number;
  /** Reported technologies the site has no tag for (counted as wrong in `precision`). */
  untaggableReported: number;
  /**
   * Wrong reports by kind, mechanically: technologies the site has no tag for; implied parents the site could tag but
   * did not (S3 → AWS); text mentions of taggable technologies. Which of these are extractor errors and which are
   * real uses the tags leave out needs reading the text (see the tech-accuracy section of BENCHMARKS.md).
   */
  wrongByKind: { untaggable: number; impliedTaggable: number; textTaggable: number };
  /** Of all tags: the share reported from text (show notes name only part of a stack). */
  recallAll: number;
  namedTotal: number;
  tagsTotal: number;
  reportedTotal: number;
  /** Posts whose explicit list / tag links reproduced the tags exactly. */
  exactWithList: number;
  perPost: PostTechAccuracy[];
}

/** The text of a post the way show notes show it: title, intro, then one topic title a line. */
export function postTechText(post: Pick<GroundTruthPost, 'title' | 'intro' | 'topics'>): string {
  return [post.title, post.intro, ...post.topics.map((topic) => topic.title)].join('\n');
}

export function loadGroundTruth(): GroundTruthPost[] {
  return JSON.parse(
    readFileSync(resolve(sharedDir, 'corpus', 'runninginproduction', 'ground-truth.json'), 'utf8'),
  ) as GroundTruthPost[];
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * "Named" is decided independently of the extractor: a plain case-insensitive whole-word search for each
 * of the tag's catalog spellings (name and aliases), with curly apostrophes straightened.
 */
function spellingPatterns(tech: Technology): RegExp[] {
  return [tech.name, ...tech.aliases].map(
    (spelling) =>
      new RegExp(
        `(?<![\\p{L}\\p{N}])${escapeRegExp(spelling.replace(/\u2019/g, "'"))}(?![\\p{L}\\p{N}])`,
        'iu',
      ),
  );
}

export function namedTags(text: string, tags: readonly string[]): string[] {
  const plain = text.replace(/\u2019/g, "'");
  return tags.filter((slug) => {
    const tech = techBySlug(slug);
    return tech !== undefined && spellingPatterns(tech).some((pattern) => pattern.test(plain));
  });
}

/** Tags the site uses anywhere: the file names of its tags folder. */
export function siteTagSlugs(): Set<string> {
  return new Set(
    readdirSync(resolve(sharedDir, 'corpus', 'runninginproduction', 'tags')).map((file) =>
      file.replace(/\.md$/, ''),
    ),
  );
}

function sameSlugs(mentions: readonly TechMention[], tags: readonly string[]): boolean {
  // A few posts list a tag twice; the stack is the set, in first-listed order.
  const unique = [...new Set(tags)];
  return mentions.length === unique.length && mentions.every((mention, i) => mention.slug === unique[i]);
}

/**
 * Measures tech extraction over every post of the corpus (micro-averaged over all tags / reports).
 * @example const { recallNamed, precision } = await evaluateTechAccuracy();
 */
export async function evaluateTechAccuracy(): Promise<TechAccuracy> {
  const posts = loadGroundTruth();
  const taggable = siteTagSlugs();
  let taggableTotal = 0;
  let untaggable = 0;
  const perPost: PostTechAccuracy[] = [];
  let namedTotal = 0;
  let namedHit = 0;
  let tagsTotal = 0;
  let tagHit = 0;
  let reportedTotal = 0;
  let reportedCorrect = 0;
  let textOnlyTotal = 0;
  let textOnlyCorrect = 0;
  let exact = 0;
  const wrongByKind = { untaggable: 0, impliedTaggable: 0, textTaggable: 0 };
  for (const post of posts) {
    const text = postTechText(post);
    const tags = new Set(post.tags);
    post.tags = [...tags];
    const reported = extractTech({ text });
    const reportedSlugs = new Set(reported.map((mention) => mention.slug));
    const named = namedTags(text, post.tags);
    namedTotal += named.length;
    namedHit += named.filter((slug) => reportedSlugs.has(slug)).length;
    tagsTotal += post.tags.length;
    tagHit += post.tags.filter((slug) => reportedSlugs.has(slug)).length;
    reportedTotal += reported.length;
    reportedCorrect += reported.filter((mention) => tags.has(mention.slug)).length;
    taggableTotal += reported.filter((mention) => taggable.has(mention.slug)).length;
    untaggable += reported.filter((mention) => !taggable.has(mention.slug)).length;
    for (const mention of reported) {
      if (tags.has(mention.slug)) continue;
      if (!taggable.has(mention.slug)) wrongByKind.untaggable++;
      else if (mention.source === 'implied') wrongByKind.impliedTaggable++;
      else wrongByKind.textTaggable++;
    }
    const textOnly = reported.filter((mention) => mention.source === 'text');
    textOnlyTotal += textOnly.length;
    textOnlyCorrect += textOnly.filter((mention) => tags.has(mention.slug)).length;

    const withList = extractTech({ listed: post.tags });
    const withLinks = extractTech({
      links: post.tags.map((slug) => `https://runninginproduction.com/tags/${slug}`),
    });
    const withListAndText = extractTech({ listed: post.tags, text }).filter(
      (mention) => mention.source === 'list',
    );
    const exactWithList =
      sameSlugs(withList, post.tags) &&
      sameSlugs(withLinks, post.tags) &&
      sameSlugs(withListAndText, post.tags);
    if (exactWithList) exact++;

    perPost.push({
      number: post.number,
      title: post.title,
      tags: post.tags,
      named,
      reported: reported.map(({ slug, source }) => ({ slug, source })),
      missedNamed: named.filter((slug) => !reportedSlugs.has(slug)),
      falsePositives: reported.filter((mention) => !tags.has(mention.slug)).map((mention) => mention.slug),
      exactWithList,
    });
  }
  const ratio = (part: number, whole: number) => (whole === 0 ? 1 : part / whole);
  return {
    posts: posts.length,
    recallNamed: ratio(namedHit, namedTotal),
    precision: ratio(reportedCorrect, reportedTotal),
    precisionTextOnly: ratio(textOnlyCorrect, textOnlyTotal),
    precisionTaggable: ratio(reportedCorrect, taggableTotal),
    untaggableReported: untaggable,
    wrongByKind,
    recallAll: ratio(tagHit, tagsTotal),
    namedTotal,
    tagsTotal,
    reportedTotal,
    exactWithList: exact,
    perPost,
  };
}

/** Catalog size, for the report. */
export const catalogSize = TECHNOLOGIES.length;

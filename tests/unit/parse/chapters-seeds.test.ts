// Every seed capture: the chapters each episode block shows are found (ground truth where the episode is in the corpus).
import { readFileSync, readdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseChapters } from '@/utils/parse/chapters';
import { parseTimestamp } from '@/utils/parse/time';

const SHARED = resolve(import.meta.dirname, '../../../..', 'shared');
const SEEDS = resolve(SHARED, 'seeds');

interface Topic {
  time: string;
  seconds: number;
  title: string;
}
interface Post {
  number: number;
  title: string;
  topics: Topic[];
}

const groundTruth = JSON.parse(
  readFileSync(resolve(SHARED, 'corpus/runninginproduction/ground-truth.json'), 'utf8'),
) as Post[];

/** Seeds are captured pages: curly quotes, `&` for `&amp;`, Markdown underscores kept where ground truth dropped them. */
const normal = (s: string): string =>
  s
    .replace(/[’‘]/g, "'")
    .replace(/[“”]/g, '"')
    .replace(/&amp;/g, '&')
    .replace(/_/g, '')
    .replace(/\s+/g, ' ')
    .trim();
const titleKey = (s: string): string =>
  normal(s)
    .toLowerCase()
    .replace(/[^a-z0-9]/g, '');
const postByTitle = new Map(groundTruth.map((p) => [titleKey(p.title), p]));

function seed(prefix: string): string {
  const name = readdirSync(SEEDS).find((f) => f.startsWith(prefix));
  if (!name) throw new Error(`seed ${prefix} missing from ${SEEDS}`);
  return readFileSync(resolve(SEEDS, name), 'utf8');
}

/**
 * Asserts a full topic list: starts exact, titles equal after normalising, except that ground truth keeps only
 * the first source line of the two items the site wraps over several lines (#9 at 1:03:52, #10 at 1:15:34).
 */
function expectTopics(text: string, post: Post): void {
  const got = parseChapters(text).chapters;
  expect(got.map((c) => c.start)).toEqual(post.topics.map((t) => t.seconds));
  got.forEach((chapter, i) => {
    const truth = normal(post.topics[i]!.title);
    if (normal(chapter.title) !== truth) expect(normal(chapter.title).startsWith(truth)).toBe(true);
  });
}

describe('seed 000: a directory page, each episode’s topics inline in one paragraph (descriptions truncated)', () => {
  const blocks = seed('000')
    .split(/^(?=(?:\d+ hr(?: \d+ min)?|\d+ min)\n)/m)
    .slice(1);

  it('has the episode blocks', () => {
    expect(blocks.length).toBeGreaterThanOrEqual(45);
  });

  it.each(blocks.map((b) => [b.split('\n')[2] ?? '', b] as const))('%s', (_title, block) => {
    const got = parseChapters(block).chapters;
    // What the block shows, read independently of the parser: each `time – ` after "Topics Include".
    const topics = block.slice(Math.max(0, block.indexOf('Topics Include')));
    const shown = [...topics.matchAll(/(?:^|\s)(\d{1,2}(?::\d\d){1,2}) – /g)].map((m) =>
      parseTimestamp(m[1]!),
    );
    expect(got.map((c) => c.start)).toEqual(shown);
    const post = postByTitle.get(titleKey(block.split('\n')[2] ?? ''));
    got.forEach((chapter, i) => {
      expect(chapter.title.length).toBeGreaterThan(0);
      // Every title is text the block shows (the parser invents nothing)...
      expect(normal(block)).toContain(normal(chapter.title));
      if (!post) return;
      const truth = normal(post.topics[i]!.title);
      expect(chapter.start).toBe(post.topics[i]!.seconds);
      const last = i === got.length - 1;
      // ...and equals ground truth, unless the page shows something else there (an obfuscated e-mail
      // address, the truncated end of a description).
      if (normal(block).includes(truth) && !last) expect(normal(chapter.title)).toBe(truth);
      if (last) expect(truth.startsWith(normal(chapter.title))).toBe(true);
    });
  });

  it('matches most blocks to corpus posts, so ground truth covers the seed', () => {
    const matched = blocks.filter((b) => postByTitle.has(titleKey(b.split('\n')[2] ?? '')));
    expect(matched.length).toBeGreaterThanOrEqual(30);
  });
});

describe('seed 001: a show-notes page, one topic a line per episode', () => {
  const blocks = seed('001')
    .split(/^(?=[A-Z][a-z]{2} \d{1,2}, \d{4} • )/m)
    .slice(1);

  it('has the episodes, all in the corpus', () => {
    expect(blocks.length).toBe(10);
    for (const block of blocks) expect(postByTitle.has(titleKey(block.split('\n')[1] ?? ''))).toBe(true);
  });

  it.each(blocks.map((b) => [b.split('\n')[1] ?? '', b] as const))('%s', (title, block) => {
    expectTopics(block, postByTitle.get(titleKey(title))!);
  });
});

describe.each([
  ['002', 'the episode index followed by one episode page', 23],
  ['003', 'an episode page with a title broken at inline code', 14],
  ['004', 'an episode page with wrapped lines', 3],
] as const)('seed %s: %s', (prefix, _what, number) => {
  const post = groundTruth.find((p) => p.number === number && p.topics.length > 0)!;

  it('the page shows this episode', () => {
    expect(normal(seed(prefix))).toContain(normal(post.topics[0]!.title));
  });

  it('finds its topics in the whole page, index and all', () => {
    expectTopics(seed(prefix), post);
  });
});

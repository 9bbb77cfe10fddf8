// Every runninginproduction.com post with topics, rendered four ways and from its real Markdown, against ground truth.
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseChapters } from '@/utils/parse/chapters';

const SHARED = resolve(import.meta.dirname, '../../../..', 'shared');
const CORPUS = resolve(SHARED, 'corpus/runninginproduction');

interface Topic {
  time: string;
  seconds: number;
  title: string;
}
interface Post {
  file: string;
  number: number;
  title: string;
  topics: Topic[];
}

const posts = (JSON.parse(readFileSync(resolve(CORPUS, 'ground-truth.json'), 'utf8')) as Post[]).filter(
  (p) => p.topics.length > 0,
);

/**
 * Ground truth lists two topics at one second once (post 26, 59:20 twice); the parser promises unique starts
 * and keeps both topics in one chapter, titles joined with "; ".
 */
function expected(topics: Topic[]): Array<{ start: number; title: string }> {
  const out: Array<{ start: number; title: string }> = [];
  for (const topic of topics) {
    const last = out[out.length - 1];
    if (last && last.start === topic.seconds) last.title = `${last.title}; ${topic.title.trim()}`;
    else out.push({ start: topic.seconds, title: topic.title.trim() });
  }
  return out;
}

function simplify(
  chapters: Array<{ start: number; title: string }>,
): Array<{ start: number; title: string }> {
  return chapters.map((c) => ({ start: c.start, title: c.title.trim() }));
}

describe('ground truth', () => {
  it('has the posts and the three typo-ed times the issue names, with corrected seconds', () => {
    expect(posts.length).toBeGreaterThanOrEqual(70);
    const typos = posts.flatMap((p) => p.topics).filter((t) => !/^\d{1,2}(?::\d\d){1,2}$/.test(t.time));
    // The visible text keeps the typo; the seconds are what the typo meant (h:mm-ss → h:mm:ss).
    expect(typos.map((t) => [t.time, t.seconds])).toEqual([
      ['1:11-20', 4280],
      ['1:04-22', 3862],
      ['1:19-27', 4767],
    ]);
  });
});

describe.each(posts.map((p) => [`#${p.number} ${p.file}`, p] as const))('post %s', (_name, post) => {
  const want = expected(post.topics);

  it('one topic a line', () => {
    const text = post.topics.map((t) => `${t.time} – ${t.title}`).join('\n');
    expect(simplify(parseChapters(text).chapters)).toEqual(want);
  });

  it('one inline paragraph', () => {
    const text = `Topics Include ${post.topics.map((t) => `${t.time} – ${t.title}`).join(' ')}`;
    expect(simplify(parseChapters(text).chapters)).toEqual(want);
  });

  it('glued, no separator between items', () => {
    const text = post.topics.map((t) => `${t.time} – ${t.title}`).join('');
    expect(simplify(parseChapters(text).chapters)).toEqual(want);
  });

  // podcasts.apple.com strips the feed's block breaks and nothing separates time from title or item from item,
  // so a title's last word sits against the next time (`developed by Mark4:12 Motivation`).
  it('glued Apple style, no separator at all', () => {
    const text = `Timestamps:${post.topics.map((t) => `${t.time} ${t.title}`).join('')}`;
    expect(simplify(parseChapters(text).chapters)).toEqual(want);
  });
});

/**
 * Renders the inline Markdown of one line the way ground truth did: links to their text, Liquid variables
 * resolved, code and emphasis marks dropped (ground truth drops every underscore: `node_modules` → `nodemodules`).
 */
function renderMarkdownLine(line: string, frontMatter: Record<string, string>): string {
  return line
    .replace(/\{\{\s*(?:page|site|guest)\.([a-z0-9_]+)\s*\}\}/g, (_m, key: string) => frontMatter[key] ?? '')
    .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/<(https?:[^>]+)>/g, '$1')
    .replace(/`([^`]*)`/g, '$1')
    .replace(/\*([^*]+)\*/g, '$1')
    .replace(/_/g, '');
}

function frontMatterOf(markdown: string): Record<string, string> {
  const match = /^---\n([\s\S]*?)\n---/.exec(markdown);
  const fields: Record<string, string> = {};
  for (const line of (match?.[1] ?? '').split('\n')) {
    const field = /^([a-z0-9_]+):\s*"?(.*?)"?\s*$/.exec(line);
    if (field) fields[field[1]!] = field[2]!;
  }
  return fields;
}

describe('the posts’ real Markdown “Topics Include” sections', () => {
  const withMarkdown = posts.filter((p) => existsSync(resolve(CORPUS, 'posts', p.file)));

  it('finds the Markdown of every post with topics', () => {
    expect(withMarkdown.length).toBe(posts.length);
  });

  it.each(withMarkdown.map((p) => [p.file, p] as const))('%s', (_file, post) => {
    const markdown = readFileSync(resolve(CORPUS, 'posts', post.file), 'utf8');
    const section = /## Topics Include\n([\s\S]*?)(?=\n## |\n#{1,6} |$)/.exec(markdown)?.[1] ?? '';
    const frontMatter = frontMatterOf(markdown);
    const text = section
      .split('\n')
      .map((line) => renderMarkdownLine(line, frontMatter))
      .join('\n');
    const got = simplify(parseChapters(text).chapters);
    const want = expected(post.topics);
    expect(got.map((c) => c.start)).toEqual(want.map((c) => c.start));
    got.forEach((chapter, i) => {
      const truth = want[i]!.title;
      // Ground truth keeps only the first source line of an item Markdown wraps over several lines
      // (#2 at 56:25, #9 at 1:03:52, #10 at 1:15:34); the parser reads the whole item, so it starts with it.
      if (chapter.title !== truth) expect(chapter.title.startsWith(truth.replace(/\s+/g, ' '))).toBe(true);
    });
  });
});

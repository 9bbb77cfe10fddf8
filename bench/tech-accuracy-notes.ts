// Show notes of the devtools.fm and Syntax corpora (../shared, read at run time, never copied) rendered as their sites
// render them (Markdown → HTML), and read for technologies the way the product reads an episode's notes.
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseHTML } from 'linkedom';
import { marked } from 'marked';
import type { TechMention } from '@/utils/model';
import { extractTech } from '@/utils/tech/extract';
import { readTechNode } from '@/utils/sites/notes-tech';
import { techInputFromReading } from '@/utils/tech/input-reading';

export const sharedCorpusDir = resolve(
  dirname(fileURLToPath(import.meta.url)),
  '..',
  '..',
  'shared',
  'corpus',
);

/** Markdown without its front matter, and the front matter's `key: value` lines (nested blocks are not read). */
export function splitFrontMatter(source: string): { fields: Map<string, string>; body: string } {
  const match = /^---\r?\n([\s\S]*?)\r?\n---\r?\n?/.exec(source);
  const fields = new Map<string, string>();
  if (match === null) return { fields, body: source };
  for (const line of match[1]!.split(/\r?\n/)) {
    const field = /^([A-Za-z][\w-]*):\s*(.*)$/.exec(line);
    if (field) fields.set(field[1]!, field[2]!.replace(/^"(.*)"$/, '$1'));
  }
  return { fields, body: source.slice(match[0].length) };
}

/** The notes as the site renders them: the Markdown as HTML inside an `<article>` of its own document. */
export function renderNotes(markdown: string): Element {
  const html = marked.parse(markdown, { async: false });
  const { document } = parseHTML(`<!doctype html><html><body><article>${html}</article></body></html>`);
  return document.querySelector('article')!;
}

/**
 * What the product reports for an episode page: the notes element read as the scan reads it (links, tag links,
 * stack lists, prose), the title joined to the prose as parseEpisodeReading joins it.
 */
export function techOfRenderedNotes(title: string, notes: Element): TechMention[] {
  const input = techInputFromReading(readTechNode(notes));
  return extractTech({ ...input, text: [title, input.text].filter(Boolean).join('\n') });
}

/** The hrefs of a rendered notes element, in document order. */
export function linksOf(notes: Element): string[] {
  return Array.from(notes.querySelectorAll('a[href]')).map((anchor) => anchor.getAttribute('href') ?? '');
}

export interface DevtoolsEpisode {
  number: number;
  title: string;
  /** The front matter's `tags`, as written. */
  tags: string[];
  /** Show notes, links and the SECTIONS list as Markdown (MDX comments removed), without the transcript. */
  notes: string;
  /** The TRANSCRIPT tab as Markdown. */
  transcript: string;
  description: string;
}

/** The 175 devtools.fm episodes (tags from ground-truth.json, the page from episodes/N.mdx). */
export function loadDevtoolsEpisodes(): DevtoolsEpisode[] {
  const dir = join(sharedCorpusDir, 'devtoolsfm');
  const truth = JSON.parse(readFileSync(join(dir, 'ground-truth.json'), 'utf8')) as Array<{
    number: number;
    file: string;
    title: string;
    tags: string[];
  }>;
  return truth.map((entry) => {
    const { fields, body } = splitFrontMatter(readFileSync(join(dir, entry.file), 'utf8'));
    const [notes = '', transcript = ''] = body.split('{/* TAB: TRANSCRIPT */}');
    const withoutComments = (text: string) => text.replace(/\{\/\*[\s\S]*?\*\/\}/g, '');
    return {
      number: entry.number,
      title: entry.title,
      tags: entry.tags,
      notes: withoutComments(notes),
      transcript: withoutComments(transcript),
      description: fields.get('description') ?? '',
    };
  });
}

export interface SyntaxShow {
  number: number;
  title: string;
  /** The show's Markdown body (front matter removed). */
  notes: string;
}

/** The 650 Syntax shows (shows/NNNN.md), in file order. */
export function loadSyntaxShows(): SyntaxShow[] {
  const dir = join(sharedCorpusDir, 'syntax', 'shows');
  return readdirSync(dir)
    .filter((file) => file.endsWith('.md'))
    .sort()
    .map((file) => {
      const { fields, body } = splitFrontMatter(readFileSync(join(dir, file), 'utf8'));
      return {
        number: Number(fields.get('number') ?? file.slice(0, 4)),
        title: fields.get('title') ?? '',
        notes: body,
      };
    });
}

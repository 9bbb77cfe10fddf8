// Page text in every Markdown export renders as that text, not as links: GFM renderers (GitHub, marked)
// turn bare `https://…`, `www.…` and e-mail addresses into links; the exports escape what triggers them.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { marked } from 'marked';
import { markdownEscape } from '@/utils/export/escape';
import { episodeToMarkdown } from '@/utils/export/markdown';
import { plainMarkdownEscape } from './plain-markdown-escape';
import { toReadingList, type ReadingListOptions } from '@/utils/export/reading-list';
import { ReadingListBytes } from '@/utils/library/export/reading-list-bytes';
import type { SavedEpisode } from '@/utils/library/record';
import { makeSaved } from '../library/generate';

const LINKY = [
  'Deploys with Kamal https://kamal-deploy.org/docs',
  'HTTP://EXAMPLE.COM/SHOUT',
  'ftp://files.example.com/x',
  'see www.example.com for more',
  'WWW.Example.com',
  'mail jane.doe+pods@example.co.uk',
  'mailto:jane@example.com',
  'xmpp:jane@example.com',
  '(https://example.com/in-parens)',
  '*https://example.com/after-star*',
  '1. https://example.com/first',
  '- www.example.com',
  'plain Node.js title: no link',
];

/** The HTML a GFM renderer makes of a line of Markdown, inline. */
const render = (markdown: string) => (marked.parseInline(markdown, { gfm: true }) as string).trim();
/** What an inline rendering of plain text is (entities as marked writes them). */
const asHtml = (text: string) =>
  text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');

describe('bare URLs in Markdown exports', () => {
  it.each(LINKY)('markdownEscape(%j) renders as the text, no link', (text) => {
    const html = render(markdownEscape(text));
    expect(html).not.toContain('<a');
    expect(html).toBe(asHtml(text));
  });

  it('markdownEscape (with its one-line shortcut) agrees with the plain rule on link-like text', () => {
    const piece = fc.constantFrom(
      'https',
      'http',
      ':',
      '//',
      '://',
      'www',
      'WwW',
      '.',
      '@',
      'a',
      'b.c',
      '+',
      '_',
      '-',
      ' ',
      'é',
      '1',
      '\\',
    );
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 12 }), (parts) => {
        const text = parts.join('');
        expect(markdownEscape(text)).toBe(plainMarkdownEscape(text));
      }),
      { numRuns: 3_000 },
    );
    for (const text of LINKY) expect(markdownEscape(text)).toBe(plainMarkdownEscape(text));
  });

  it('episodeToMarkdown writes no link from a podcast name, title or chapter title', () => {
    const markdown = episodeToMarkdown({
      id: 'x',
      title: 'Episode www.example.com',
      podcast: 'Pod https://pod.example.com',
      date: null,
      durationSeconds: null,
      url: null,
      audioUrl: null,
      chapters: [
        { start: 0, title: 'Intro jane@example.com' },
        { start: 60, title: 'https://x.example.com' },
      ],
      chapterConfidence: 1,
      tech: [],
    });
    expect(marked.parse(markdown, { gfm: true })).not.toContain('<a');
  });

  it('the reading list (string and byte writers, which stay byte-identical) writes no link from page text', async () => {
    const episodes: SavedEpisode[] = [1, 2, 3].map((n) => ({
      ...makeSaved(n),
      url: null,
      audioUrl: null,
      title: `Title ${LINKY[n]}`,
      podcast: `Podcast https://pod${n}.example.com`,
      notes: `notes www.example.com/${n}`,
      tags: [`me${n}@example.com`],
      chapters: LINKY.map((title, c) => ({ start: c * 60, title })),
    }));
    for (const groupBy of ['technology', 'podcast'] as const) {
      const options: ReadingListOptions = { groupBy, exportedAt: new Date('2026-11-22T10:00:00.000Z') };
      const text = toReadingList(episodes, options);
      expect(marked.parse(text, { gfm: true })).not.toContain('<a');
      const writer = new ReadingListBytes(options);
      for (const episode of episodes) writer.add(episode);
      const bytes = new Uint8Array(await new Blob([...writer.parts()]).arrayBuffer());
      expect(Buffer.compare(bytes, new TextEncoder().encode(text))).toBe(0);
    }
  });
});

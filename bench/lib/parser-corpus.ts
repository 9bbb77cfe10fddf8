// The parser benchmark's corpus section: chapters, tech and whole page scans over the runninginproduction posts.
import { parseChapters } from '../../utils/parse/chapters';
import { extractTech, techInputFromText } from '../../utils/tech/extract';
import { scanPage } from '../../utils/sites/scan';
import { postText, postUrl, renderPostPage, tagHomepages, type Post } from './corpus';
import { measure, ms, table } from './timing';
import { cells, exactMatch, kb, mbPerSecond, parseDocument } from './parser-cells';

/** Throughput over every post, as text and as episode pages, and how many pages scan exactly right. */
export function corpusThroughput(posts: Post[]): string[] {
  const lines: string[] = [];
  // ── Corpus throughput ────────────────────────────────────────────────────────────────────────────────
  const texts = posts.map(postText);
  const textChars = texts.reduce((sum, text) => sum + text.length, 0);
  const homepages = tagHomepages();
  const pages = posts.map((post) => ({ html: renderPostPage(post, homepages), url: new URL(postUrl(post)) }));
  const pageChars = pages.reduce((sum, page) => sum + page.html.length, 0);
  const documents = pages.map((page) => ({ document: parseDocument(page.html), url: page.url }));

  const chaptersOnly = measure(() => texts.map((text) => parseChapters(text)));
  const techOnly = measure(() => texts.map((text) => extractTech(techInputFromText(text))));
  const both = measure(() =>
    texts.map((text) => [parseChapters(text), extractTech(techInputFromText(text))]),
  );
  const scanOnly = measure(() => documents.map(({ document, url }) => scanPage(document, url)));
  const parseAndScan = measure(() => pages.map(({ html, url }) => scanPage(parseDocument(html), url)), {
    runs: 20,
  });
  const scanned = documents.map(({ document, url }) => scanPage(document, url));
  const pagesRight = posts.filter((post, i) => {
    const episode = scanned[i]?.[0]?.episode;
    return episode !== undefined && exactMatch(episode.chapters, post.topics);
  }).length;

  lines.push('### Corpus throughput', '');
  lines.push(
    table(
      ['input', 'work', 'size', 'median', 'p95', 'min', 'throughput'],
      [
        [
          `${posts.length} posts as text (title, intro, topics a line)`,
          'parseChapters',
          kb(textChars),
          ...cells(chaptersOnly),
          mbPerSecond(textChars, chaptersOnly),
        ],
        [
          `${posts.length} posts as text`,
          'extractTech(techInputFromText)',
          kb(textChars),
          ...cells(techOnly),
          mbPerSecond(textChars, techOnly),
        ],
        [
          `${posts.length} posts as text`,
          'chapters + tech',
          kb(textChars),
          ...cells(both),
          mbPerSecond(textChars, both),
        ],
        [
          `${posts.length} posts as episode pages (HTML, parsed once)`,
          'scanPage (adapter, chapters, tech)',
          kb(pageChars),
          ...cells(scanOnly),
          mbPerSecond(pageChars, scanOnly),
        ],
        [
          `${posts.length} posts as episode pages (HTML)`,
          'linkedom parseHTML + scanPage',
          kb(pageChars),
          ...cells(parseAndScan),
          mbPerSecond(pageChars, parseAndScan),
        ],
      ],
    ),
    '',
    `Per post (chapters + tech from text): ${ms(both.median / posts.length)}. Episode pages whose scanned chapters equal the ground truth exactly: ${pagesRight}/${posts.length} (posts without topics count as right when none are found).`,
    '',
  );
  return lines;
}

// From the CLI's input to Episodes: HTML through the site adapters (scanPage), plain text through the parser.
import { pathToFileURL } from 'node:url';
import { resolve } from 'node:path';
import type { Episode } from '../utils/model';
import { assertWithinElementBudget } from './element-budget';

export interface ExtractOptions {
  /** The page's address; when absent, see {@link defaultPageUrl}. */
  url?: URL;
  durationSeconds?: number;
  /** `-` for stdin, else the input file's path (for the default address). */
  source: string;
}

/**
 * The address a page is read at when `--url` is not given: the page's own `<link rel="canonical">` or
 * `og:url` when it is an absolute http(s) URL (saved pages carry it, so site detection still works), else the
 * input's `file:` URL (stdin: the current directory). File URLs select the generic reader, and links that
 * resolve to file: are never exported (exports carry http(s) links only).
 * @example defaultPageUrl(document, 'notes.html') // URL('file:///home/me/notes.html')
 */
export function defaultPageUrl(document: Document | null, source: string): URL {
  const declared = [
    document?.querySelector('link[rel~="canonical" i]')?.getAttribute('href'),
    document?.querySelector('meta[property="og:url"]')?.getAttribute('content'),
  ];
  for (const candidate of declared) {
    if (!candidate) continue;
    try {
      const url = new URL(candidate.trim());
      if (url.protocol === 'http:' || url.protocol === 'https:') return url;
    } catch {
      // Relative or broken: not an address we can stand on.
    }
  }
  return source === '-' ? pathToFileURL(`${process.cwd()}/`) : pathToFileURL(resolve(source));
}

/** linkedom needs a whole document; a fragment (`<ul><li>…`) is wrapped in one so it has a body. */
function asDocumentHtml(html: string): string {
  const head = html.slice(0, 4096);
  if (/<(!doctype|html|head|body)[\s>]/i.test(head)) return html;
  return `<!DOCTYPE html><html><head></head><body>${html}</body></html>`;
}

/**
 * The episodes an HTML page (or fragment) shows, as the extension would see them.
 * @example await episodesFromHtml('<ul><li>0:00 Intro</li><li>1:45 Overview</li></ul>', { source: 'x.html' })
 */
export async function episodesFromHtml(html: string, options: ExtractOptions): Promise<Episode[]> {
  assertWithinElementBudget(html, options.source === '-' ? 'stdin' : options.source);
  const { parseHTML } = await import('linkedom');
  const { scanPage } = await import('../utils/sites/scan');
  const { document } = parseHTML(asDocumentHtml(html)) as unknown as { document: Document };
  const url = options.url ?? defaultPageUrl(document, options.source);
  const detected = scanPage(document, url, { durationSeconds: options.durationSeconds });
  return detected.map((found) => found.episode);
}

/**
 * Plain show-notes text (newlines are line breaks) as one episode with no title, or none when the text has
 * neither chapters nor technologies.
 * @example await episodesFromText('0:00 Intro\n1:45 Docker in production', { source: '-' })
 */
export async function episodesFromText(text: string, options: ExtractOptions): Promise<Episode[]> {
  const { parseChapters } = await import('../utils/parse/chapters');
  const { extractTech, techInputFromText } = await import('../utils/tech/extract');
  const { chapters, confidence } = parseChapters(text, { durationSeconds: options.durationSeconds });
  const tech = extractTech(techInputFromText(text));
  if (chapters.length === 0 && tech.length === 0) return [];
  const url =
    options.url && (options.url.protocol === 'http:' || options.url.protocol === 'https:')
      ? options.url.href
      : null;
  return [
    {
      id: url ?? (options.source === '-' ? 'stdin' : pathToFileURL(resolve(options.source)).href),
      title: null,
      podcast: null,
      date: null,
      durationSeconds: options.durationSeconds ?? null,
      url,
      audioUrl: null,
      chapters,
      chapterConfidence: confidence,
      tech,
    },
  ];
}

// Library export formats against their specs: Netscape bookmarks, OPML 2.0, CSV (papaparse round trip),
// the Markdown reading list's escaping and links, the JSON backup envelope and per-episode chapter files.
import { describe, expect, it } from 'vitest';
import { Window } from 'happy-dom';
import Papa from 'papaparse';
import { exportLibrary } from '@/utils/library/export';
import { BackupSchema } from '@/utils/library/backup';
import { CSV_COLUMNS, toCsv } from '@/utils/export/csv';
import { toBookmarksHtml } from '@/utils/export/bookmarks';
import { toOpml } from '@/utils/export/opml';
import { toReadingList } from '@/utils/export/reading-list';
import { chapterFile } from '@/utils/library/export/chapters';
import { exportFileName } from '@/utils/export/filename';
import { openAtUrl } from '@/utils/library/open-at';
import type { SavedEpisode } from '@/utils/library/record';
import { makeSaved } from './generate';

const exportedAt = new Date('2026-11-22T10:00:00.000Z');
const hostile: SavedEpisode = {
  ...makeSaved(5),
  id: 'https://example.com/ep/5',
  url: 'https://example.com/ep/5?a=1&b=2',
  audioUrl: 'https://cdn.example.com/5.mp3',
  title: '<script>alert("x")</script> *Rails* & [link](javascript:alert(1))',
  podcast: 'Tom & Jerry\'s "Show"',
  notes: '=HYPERLINK("http://evil")\nline two',
  tags: ['@admin', '-x'],
};
const plain = makeSaved(6);
const noUrl: SavedEpisode = { ...makeSaved(7), url: null, audioUrl: null, id: 'guid:7' };

function html(text: string) {
  return new new Window().DOMParser().parseFromString(text, 'text/html');
}
function xml(text: string) {
  const doc = new new Window().DOMParser().parseFromString(text, 'application/xml');
  expect(doc.getElementsByTagName('parsererror')).toHaveLength(0);
  return doc;
}

describe('file names', () => {
  it('names library and chapter files by day', () => {
    expect(exportFileName('md', exportedAt)).toBe('stackcast-library-2026-11-22.md');
    expect(exportFileName('vtt', exportedAt, 'Déploys / Kamal!')).toBe(
      'stackcast-deploys-kamal-chapters-2026-11-22.vtt',
    );
    expect(exportLibrary('opml', [plain], { exportedAt }).name).toBe('stackcast-library-2026-11-22.opml');
  });
});

describe('Netscape bookmarks HTML', () => {
  const text = toBookmarksHtml([hostile, plain, noUrl], exportedAt);
  it('has the header browsers look for and one bookmark per linkable episode, in podcast folders', () => {
    expect(text.startsWith('<!DOCTYPE NETSCAPE-Bookmark-file-1>\n')).toBe(true);
    expect(text).toContain('<META HTTP-EQUIV="Content-Type" CONTENT="text/html; charset=UTF-8">');
    const doc = html(text);
    const links = [...doc.querySelectorAll('a')];
    expect(links.map((a) => a.getAttribute('href'))).toEqual([hostile.url, plain.url]);
    expect(links[0]!.textContent).toBe(hostile.title);
    expect(links[0]!.getAttribute('add_date')).toBe(String(Date.parse(hostile.savedAt) / 1000));
    expect(links[0]!.getAttribute('tags')?.split(',')).toEqual([
      ...hostile.tech.map((t) => t.slug),
      '@admin',
      '-x',
    ]);
    expect([...doc.querySelectorAll('h3')].map((h) => h.textContent)).toContain(hostile.podcast);
    expect(doc.querySelector('script')).toBeNull();
  });
});

describe('OPML 2.0', () => {
  it('is well-formed with a head, dated, and every outline has text; links are http(s)', () => {
    const doc = xml(toOpml([hostile, plain, noUrl], exportedAt));
    expect(doc.documentElement.getAttribute('version')).toBe('2.0');
    expect(doc.querySelector('head > dateCreated')?.textContent).toBe('Sun, 22 Nov 2026 10:00:00 GMT');
    const outlines = [...doc.getElementsByTagName('outline')];
    expect(outlines.every((o) => (o.getAttribute('text') ?? '').length > 0)).toBe(true);
    const links = outlines.filter((o) => o.getAttribute('type') === 'link');
    expect(links.map((o) => o.getAttribute('url'))).toEqual([hostile.url, plain.url]);
    expect(links[0]!.getAttribute('text')).toBe(hostile.title);
  });
});

describe('CSV', () => {
  it('round-trips through papaparse and defuses formula cells', () => {
    const text = toCsv([hostile, plain]);
    const parsed = Papa.parse<Record<string, string>>(text, { header: true, skipEmptyLines: true });
    expect(parsed.errors).toEqual([]);
    expect(parsed.meta.fields).toEqual([...CSV_COLUMNS]);
    const [row] = parsed.data;
    expect(row!.title).toBe(hostile.title);
    expect(row!.notes).toBe(`'${hostile.notes}`);
    expect(row!.tags).toBe(`'@admin; -x`);
    expect(row!.url).toBe(hostile.url);
    expect(parsed.data[1]!.duration_seconds).toBe(String(plain.durationSeconds));
    for (const r of parsed.data)
      for (const cell of Object.values(r)) expect(cell).not.toMatch(/^[=+\-@\t\r]/);
  });
});

describe('CSV formula triggers behind whitespace or in full width', () => {
  // Spreadsheets trim leading whitespace and fold full-width forms before deciding a cell is a formula.
  const cells = [
    ' =1+1',
    '  +cmd',
    '\n=HYPERLINK("http://evil")',
    '\t@SUM(A1)',
    '\r-2+3',
    '\u3000=1',
    '\u00a0=1',
    '＝1+1',
    '＋cmd',
    '－2',
    '＠SUM(A1)',
    ' ＝1',
    '\n \t＝x',
    '﹦1',
    '\ufeff=1',
  ];
  it.each(cells)('%j is written as text', (cell) => {
    const text = toCsv([{ ...plain, title: cell, notes: cell, podcast: cell }]);
    const [row] = Papa.parse<Record<string, string>>(text, { header: true, skipEmptyLines: true }).data;
    for (const column of ['title', 'notes', 'podcast']) expect(row![column]).toBe(`'${cell}`);
  });
  it('leaves ordinary text alone, leading spaces and inner formulas included', () => {
    const text = toCsv([{ ...plain, title: ' Deploys = fun', notes: 'a =1', podcast: '  Ship It!' }]);
    const [row] = Papa.parse<Record<string, string>>(text, { header: true, skipEmptyLines: true }).data;
    expect([row!.title, row!.notes, row!.podcast]).toEqual([' Deploys = fun', 'a =1', '  Ship It!']);
  });
});

describe('Markdown reading list', () => {
  it('escapes page text, links only http(s) and lists chapters with open-at links', () => {
    const withBadUrl = { ...plain, url: 'javascript:alert(1)' as string, audioUrl: null };
    const text = toReadingList([hostile, withBadUrl], { groupBy: 'podcast', exportedAt });
    expect(text).toContain('# Stackcast reading list');
    expect(text).toContain(
      '[\\<script\\>alert\\("x"\\)\\</script\\> \\*Rails\\* \\& \\[link\\]\\(javascript:alert\\(1\\)\\)](https://example.com/ep/5?a=1&b=2)',
    );
    expect(text).not.toContain('<script>');
    expect(text).not.toMatch(/\]\(javascript:/);
    expect(text).toContain(`- [0:00](${openAtUrl(hostile, 0)})`);
    expect(text).toContain(`## Tom \\& Jerry's "Show"`);
  });

  it('groups by technology with each episode’s chapters written once', () => {
    const text = toReadingList([plain], { groupBy: 'technology', exportedAt });
    const sections = text.split('\n').filter((l) => l.startsWith('## '));
    expect(sections).toHaveLength(plain.tech.length);
    expect(text.split(plain.chapters[1]!.title.replace(/[()]/g, (c) => `\\${c}`)).length - 1).toBe(1);
    expect(text.match(/Chapters: see /g)).toHaveLength(plain.tech.length - 1);
    const only = toReadingList([plain], {
      groupBy: 'technology',
      technologies: [plain.tech[0]!.slug],
      exportedAt,
    });
    expect(only.split('\n').filter((l) => l.startsWith('## '))).toEqual([
      `## ${plain.tech[0]!.name} (${plain.tech[0]!.category})`,
    ]);
  });
});

describe('JSON backup and chapter files', () => {
  it('writes the versioned envelope its schema accepts', () => {
    const file = exportLibrary('json', [hostile, plain], { exportedAt });
    const data = BackupSchema.parse(JSON.parse(file.text));
    expect(data).toMatchObject({
      format: 'stackcast-library',
      version: 1,
      exportedAt: exportedAt.toISOString(),
    });
    expect(data.episodes).toEqual([hostile, plain]);
  });

  it('exports one episode’s chapters as Podcasting 2.0 JSON, WebVTT and Podlove Simple Chapters', () => {
    const json = chapterFile(plain, 'podcast-chapters', exportedAt);
    expect(JSON.parse(json.text)).toMatchObject({
      version: '1.2.0',
      chapters: expect.arrayContaining([
        expect.objectContaining({ startTime: 0, title: plain.chapters[0]!.title }),
      ]),
    });
    expect(chapterFile(plain, 'webvtt', exportedAt).text.startsWith('WEBVTT')).toBe(true);
    const psc = chapterFile(plain, 'psc', exportedAt);
    expect(psc.name).toMatch(/\.psc\.xml$/);
    expect(xml(psc.text).getElementsByTagName('psc:chapter')).toHaveLength(plain.chapters.length);
  });
});

describe('openAtUrl', () => {
  it('uses #m:ss on runninginproduction.com, #t= on audio, never a non-http URL', () => {
    expect(
      openAtUrl(
        { url: 'https://runninginproduction.com/podcast/1-x', audioUrl: 'https://cdn.example.com/1.mp3' },
        3725,
      ),
    ).toBe('https://runninginproduction.com/podcast/1-x#1:02:05');
    expect(
      openAtUrl({ url: 'https://example.com/ep', audioUrl: 'https://cdn.example.com/1.mp3#x' }, 105),
    ).toBe('https://cdn.example.com/1.mp3#t=105');
    expect(openAtUrl({ url: 'javascript:alert(1)', audioUrl: null }, 1)).toBeNull();
  });
});

// The `stackcast` CLI end to end: real process, real files, every format and every kind of bad input.
import {
  mkdtempSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  rmSync,
  truncateSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Window } from 'happy-dom';
import { parseChapters } from '@/utils/parse/chapters';
import { extractTech, techInputFromText } from '@/utils/tech/extract';
import { EPISODE_URL, EXPECTED_CHAPTERS, PLAIN_HTML, RIP_EPISODE_HTML } from './fixtures';
import { runCli, sharedDir, type CliRun } from './run-cli';

const EPISODE_KEYS = ['title', 'url', 'audioUrl', 'durationSeconds', 'chapters', 'tech'];
const TECH_SOURCES = ['list', 'tag', 'text', 'implied'];

let dir: string;
const file = (name: string) => join(dir, name);

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'stackcast-cli-'));
  writeFileSync(file('episode.html'), RIP_EPISODE_HTML);
  writeFileSync(file('plain.html'), PLAIN_HTML);
  writeFileSync(file('notes.txt'), '0:00 Intro\n1:45 – Overview\n7:01 – Splitting up compute\n');
  writeFileSync(file('nothing.txt'), 'Just a sentence with no timestamps.\n');
  writeFileSync(file('empty.html'), '');
  writeFileSync(file('blank.txt'), '  \n\t\n');
  writeFileSync(file('binary.bin'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x00, 0x00, 0x0d, 0x0a]));
  // Binary with no NUL byte at all (high bytes and control characters, as in compressed data).
  writeFileSync(
    file('binary-no-nul.bin'),
    Buffer.from(Array.from({ length: 4096 }, (_, i) => 1 + ((i * 151 + 7) % 255))),
  );
  // A Latin-1 page: a few bytes that are not UTF-8 among the letters is still text.
  writeFileSync(
    file('latin1.txt'),
    Buffer.concat([
      Buffer.from('Caf'),
      Buffer.from([0xe9]),
      Buffer.from(' talk\n1:45 – Intro\n7:01 – Next topic\n'),
    ]),
  );
  mkdirSync(file('a-directory'));
  // Sparse: 51 MB on paper, nothing on disk; the size must be refused before reading.
  writeFileSync(file('huge.html'), '');
  truncateSync(file('huge.html'), 51 * 1024 * 1024);
});

afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** The one-line error contract: non-zero exit, one `stackcast: ` line on stderr, no stack trace, no stdout. */
function expectOneLineError(run: CliRun, pattern: RegExp): void {
  expect(run.status).not.toBe(0);
  expect(run.stdout).toBe('');
  const lines = run.stderr.split('\n').filter((line) => line.trim() !== '' && !line.startsWith('npm warn'));
  expect(lines).toHaveLength(1);
  expect(lines[0]).toMatch(/^stackcast: /);
  expect(lines[0]).toMatch(pattern);
  expect(run.stderr).not.toMatch(/^\s{4}at /m);
}

/** Asserts the exact JSON shape of issue 2 and returns the episodes. */
function expectJsonShape(stdout: string): Record<string, unknown>[] {
  const parsed = JSON.parse(stdout) as { episodes: Record<string, unknown>[] };
  expect(Object.keys(parsed)).toEqual(['episodes']);
  for (const episode of parsed.episodes) {
    expect(Object.keys(episode)).toEqual(EPISODE_KEYS);
    for (const key of ['title', 'url', 'audioUrl'])
      expect(episode[key] === null || typeof episode[key] === 'string').toBe(true);
    expect(episode.durationSeconds === null || typeof episode.durationSeconds === 'number').toBe(true);
    for (const chapter of episode.chapters as Record<string, unknown>[]) {
      expect(Object.keys(chapter)).toEqual(['start', 'title']);
      expect(typeof chapter.start).toBe('number');
      expect(typeof chapter.title).toBe('string');
    }
    for (const tech of episode.tech as Record<string, unknown>[]) {
      expect(Object.keys(tech)).toEqual(['slug', 'name', 'category', 'source']);
      expect(TECH_SOURCES).toContain(tech.source);
    }
  }
  return parsed.episodes;
}

describe('stackcast parse (HTML)', () => {
  it('reads a runninginproduction.com episode page: chapters, audio, tech from list and tags', async () => {
    const run = await runCli(['parse', '--url', EPISODE_URL, file('episode.html')]);
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    const [episode, ...rest] = expectJsonShape(run.stdout);
    expect(rest).toHaveLength(0);
    expect(episode?.title).toBe('Shipping a Go API & a Rails Admin');
    expect(episode?.url).toBe(EPISODE_URL);
    expect(episode?.audioUrl).toBe('https://runninginproduction.com/audio/42.mp3');
    expect(episode?.chapters).toEqual(EXPECTED_CHAPTERS);
    const tech = episode?.tech as { slug: string; source: string }[];
    expect(tech).toContainEqual(expect.objectContaining({ slug: 'docker', source: 'list' }));
    expect(tech).toContainEqual(expect.objectContaining({ slug: 'rails', source: 'tag' }));
    expect(tech).toContainEqual(expect.objectContaining({ slug: 'golang', source: 'tag' }));
  });

  it("finds the page address in the page's canonical link when --url is not given", async () => {
    const run = await runCli(['parse', file('episode.html')]);
    expect(run.status).toBe(0);
    const [episode] = expectJsonShape(run.stdout);
    expect(episode?.url).toBe(EPISODE_URL);
    expect(episode?.chapters).toEqual(EXPECTED_CHAPTERS);
  });

  it('reads stdin given as -', async () => {
    const run = await runCli(['parse', '--url', EPISODE_URL, '-'], { input: RIP_EPISODE_HTML });
    expect(run.status).toBe(0);
    expect(expectJsonShape(run.stdout)[0]?.chapters).toEqual(EXPECTED_CHAPTERS);
  });

  it('prints {"episodes":[]} for a page without episodes', async () => {
    const run = await runCli(['parse', '--url', 'https://example.com/about', file('plain.html')]);
    expect(run.status).toBe(0);
    expect(run.stdout).toBe('{"episodes":[]}\n');
  });

  it('reads the saved real pages in ../shared/pages without failing (none has a chapter list)', async () => {
    const pages = readdirSync(join(sharedDir, 'pages')).filter((name) => name.endsWith('.html'));
    expect(pages.length).toBeGreaterThan(0);
    for (const page of pages.slice(0, 4)) {
      const run = await runCli(['parse', join(sharedDir, 'pages', page)]);
      expect(run.stderr).toBe('');
      expect(run.status).toBe(0);
      expectJsonShape(run.stdout);
    }
  });

  it('applies --duration: chapters past it are dropped', async () => {
    const run = await runCli(['parse', '--url', EPISODE_URL, '--duration', '20:00', file('episode.html')]);
    expect(run.status).toBe(0);
    const [episode] = expectJsonShape(run.stdout);
    expect(episode?.chapters).toEqual(EXPECTED_CHAPTERS.filter((chapter) => chapter.start < 1200));
  });
});

describe('stackcast parse --text', () => {
  it('reads plain text as one episode with a null title', async () => {
    const run = await runCli(['parse', '--text', file('notes.txt')]);
    expect(run.status).toBe(0);
    const [episode, ...rest] = expectJsonShape(run.stdout);
    expect(rest).toHaveLength(0);
    expect(episode?.title).toBeNull();
    expect(episode?.chapters).toEqual([
      { start: 0, title: 'Intro' },
      { start: 105, title: 'Overview' },
      { start: 421, title: 'Splitting up compute' },
    ]);
  });

  it('prints {"episodes":[]} for text without chapters or tech', async () => {
    const run = await runCli(['parse', '--text', file('nothing.txt')]);
    expect(run.status).toBe(0);
    expect(run.stdout).toBe('{"episodes":[]}\n');
  });

  it('gives every seed the same chapters and tech as the library calls (seeds read at test time)', async () => {
    const seeds = readdirSync(join(sharedDir, 'seeds')).filter((name) => name.endsWith('.txt'));
    expect(seeds.length).toBeGreaterThan(0);
    for (const seed of seeds) {
      const path = join(sharedDir, 'seeds', seed);
      const text = readFileSync(path, 'utf8');
      const run = await runCli(['parse', '--text', path]);
      expect(run.stderr).toBe('');
      expect(run.status).toBe(0);
      const [episode] = expectJsonShape(run.stdout);
      const expected = parseChapters(text).chapters.map(({ start, title }) => ({ start, title }));
      expect(expected.length).toBeGreaterThan(0);
      expect(episode?.chapters).toEqual(expected);
      const tech = extractTech(techInputFromText(text)).map(({ slug, name, category, source }) => ({
        slug,
        name,
        category,
        source,
      }));
      expect(episode?.tech).toEqual(tech);
    }
  });

  it('reads text from stdin', async () => {
    const run = await runCli(['parse', '--text', '--format', 'webvtt', '-'], {
      input: '0:00 Intro\n2:30 Middle\n',
    });
    expect(run.status).toBe(0);
    expect(run.stdout).toContain('00:02:30.000 --> 99:59:59.999\nMiddle');
  });
});

describe('stackcast parse --format', () => {
  it('podcast-chapters: Podcasting 2.0 JSON, version 1.2.0', async () => {
    const run = await runCli([
      'parse',
      '--format',
      'podcast-chapters',
      '--duration',
      '3000',
      file('episode.html'),
    ]);
    expect(run.status).toBe(0);
    const document = JSON.parse(run.stdout);
    expect(document.version).toBe('1.2.0');
    expect(document.chapters[0]).toEqual({
      startTime: 105,
      endTime: 421,
      title: 'High level overview of the app',
    });
    expect(document.chapters.at(-1)).toEqual({
      startTime: 1830,
      endTime: 3000,
      title: 'Deploying with Docker --> ECS',
    });
  });

  it('webvtt: header and one well-formed cue per chapter; a title cannot inject a cue', async () => {
    const run = await runCli(['parse', '--format', 'webvtt', file('episode.html')]);
    expect(run.status).toBe(0);
    const blocks = run.stdout.trimEnd().split('\n\n');
    expect(blocks[0]).toBe('WEBVTT');
    const cues = blocks.filter((block) => /^\d+\n/.test(block));
    expect(cues).toHaveLength(EXPECTED_CHAPTERS.length);
    for (const cue of cues) {
      const lines = cue.split('\n');
      expect(lines).toHaveLength(3);
      expect(lines[1]).toMatch(/^\d{2,}:\d{2}:\d{2}\.\d{3} --> \d{2,}:\d{2}:\d{2}\.\d{3}$/);
      expect(lines[2]).not.toContain('-->');
    }
    expect(cues.at(-1)).toContain('Deploying with Docker --&gt; ECS');
  });

  it('psc: well-formed Podlove Simple Chapters XML whose titles read back unchanged', async () => {
    const run = await runCli(['parse', '--format', 'psc', file('episode.html')]);
    expect(run.status).toBe(0);
    const window = new Window();
    const document = new window.DOMParser().parseFromString(run.stdout, 'application/xml');
    expect(document.getElementsByTagName('parsererror')).toHaveLength(0);
    expect(document.documentElement.getAttribute('version')).toBe('1.2');
    const chapters = [...document.getElementsByTagName('psc:chapter')].map((element) => ({
      start: element.getAttribute('start'),
      title: element.getAttribute('title'),
    }));
    expect(chapters).toEqual([
      { start: '00:01:45', title: EXPECTED_CHAPTERS[0]!.title },
      { start: '00:07:01', title: EXPECTED_CHAPTERS[1]!.title },
      { start: '00:08:44', title: EXPECTED_CHAPTERS[2]!.title },
      { start: '00:30:30', title: EXPECTED_CHAPTERS[3]!.title },
    ]);
  });

  it('markdown: title linked to the episode, chapter links into the audio, escaped page text', async () => {
    const run = await runCli(['parse', '--format', 'markdown', file('episode.html')]);
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(
      /^# \[Shipping a Go API \\& a Rails Admin\]\(https:\/\/runninginproduction\.com\/podcast\/42-shipping-a-go-api\)\n/,
    );
    expect(run.stdout).toContain(
      '- [1:45](https://runninginproduction.com/audio/42.mp3#t=105) High level overview of the app',
    );
    expect(run.stdout).toContain('Splitting up compute \\& \\<workers\\>');
    expect(run.stdout).toContain('## Tech stack');
  });

  it('--episode picks one episode and refuses a number past the last', async () => {
    const ok = await runCli(['parse', '--episode', '1', '--format', 'webvtt', file('episode.html')]);
    expect(ok.status).toBe(0);
    expect(ok.stdout.match(/^WEBVTT/gm)).toHaveLength(1);
    expectOneLineError(await runCli(['parse', '--episode', '2', file('episode.html')]), /has 1 episode/);
  });
});

describe('stackcast: bad input gets one line and a non-zero exit', () => {
  const cases: [string, () => string[], RegExp][] = [
    ['missing file', () => ['parse', file('missing.html')], /no such file/],
    ['directory', () => ['parse', file('a-directory')], /is a directory/],
    ['binary file', () => ['parse', file('binary.bin')], /binary/],
    ['binary file without NUL bytes', () => ['parse', file('binary-no-nul.bin')], /binary/],
    ['empty file', () => ['parse', file('empty.html')], /is empty/],
    ['whitespace-only text', () => ['parse', '--text', file('blank.txt')], /is empty/],
    ['file over 50 MB', () => ['parse', file('huge.html')], /50 MB limit/],
    ['unknown format', () => ['parse', '--format', 'srt', file('episode.html')], /unknown format "srt"/],
    ['--duration not a number', () => ['parse', '--duration', 'abc', file('episode.html')], /--duration/],
    ['--duration zero', () => ['parse', '--duration', '0', file('episode.html')], /--duration/],
    ['--duration negative', () => ['parse', '--duration=-5', file('episode.html')], /--duration/],
    ['--duration invalid clock', () => ['parse', '--duration', '1:75', file('episode.html')], /--duration/],
    ['--url not a URL', () => ['parse', '--url', 'not a url', file('episode.html')], /--url/],
    ['--url javascript:', () => ['parse', '--url', 'javascript:alert(1)', file('episode.html')], /--url/],
    ['unknown option', () => ['parse', '--bogus', file('episode.html')], /unknown option/],
    ['no input argument', () => ['parse'], /missing required argument/],
    ['unknown command', () => ['frobnicate'], /unknown command/],
  ];
  for (const [name, args, pattern] of cases) {
    it.concurrent(name, async () => expectOneLineError(await runCli(args()), pattern));
  }

  it.concurrent('empty stdin', async () =>
    expectOneLineError(await runCli(['parse', '-'], { input: '' }), /stdin is empty/),
  );

  it.concurrent('a Latin-1 text file with a few non-UTF-8 bytes is still read as text', async () => {
    const result = await runCli(['parse', '--text', file('latin1.txt')]);
    expect(result.status).toBe(0);
    expect(JSON.parse(result.stdout).episodes[0].chapters.map((c: { start: number }) => c.start)).toEqual([
      105, 421,
    ]);
  });

  it.concurrent('binary stdin', async () =>
    expectOneLineError(await runCli(['parse', '-'], { input: Buffer.from([1, 0, 2]) }), /binary/),
  );

  it('a page with more elements than the DOM reader builds in seconds stops at once with what to do instead', async () => {
    // 250,000 list items (~5 MB, well under the size limit): before the element budget this was parsed for
    // seconds, and three million (45 MB) for minutes.
    const items = '<li>0:01 a topic</li>'.repeat(250_000);
    const run = await runCli(['parse', '-'], {
      input: `<!DOCTYPE html><html><body><ul>${items}</ul></body></html>`,
    });
    expectOneLineError(run, /^stackcast: stdin has more than 200,000 HTML elements.*--text/);
    expect(run.status).toBe(1);
  });

  it('a page just within the element budget is read', async () => {
    const items = '<li>x</li>'.repeat(1_000);
    const run = await runCli(['parse', '-'], {
      input: `<ul><li>0:00 Intro</li><li>1:45 Overview</li></ul>${items}`,
    });
    expect(run.status).toBe(0);
  });

  it('stdin over 50 MB is cut off while streaming', async () => {
    const big = Buffer.alloc(50 * 1024 * 1024 + 10, 0x61);
    expectOneLineError(await runCli(['parse', '--text', '-'], { input: big }), /50 MB limit/);
  });
});

describe('stackcast --help / --version', () => {
  it('--help lists the parse command and exits 0', async () => {
    const run = await runCli(['--help']);
    expect(run.status).toBe(0);
    expect(run.stdout).toContain('parse [options] <input>');
  });
  it('parse --help documents the formats and exit codes', async () => {
    const run = await runCli(['parse', '--help']);
    expect(run.status).toBe(0);
    for (const format of ['json', 'podcast-chapters', 'webvtt', 'psc', 'markdown'])
      expect(run.stdout).toContain(format);
    expect(run.stdout).toContain('{"episodes":[]}');
  });
  it('--version prints the package version', async () => {
    const { version } = JSON.parse(readFileSync(join(__dirname, '../../../package.json'), 'utf8')) as {
      version: string;
    };
    const run = await runCli(['--version']);
    expect(run.status).toBe(0);
    expect(run.stdout.trim()).toBe(version);
  });
});

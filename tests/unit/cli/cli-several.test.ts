// `stackcast parse a b c`: several inputs, one JSON line each, in the order given; one bad input does not
// lose the others. One input keeps exactly the single-input output.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EPISODE_URL, EXPECTED_CHAPTERS, PLAIN_HTML, RIP_EPISODE_HTML } from './fixtures';
import { runCli } from './run-cli';

let dir: string;
const file = (name: string) => join(dir, name);

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'stackcast-several-'));
  writeFileSync(file('episode.html'), RIP_EPISODE_HTML);
  writeFileSync(file('plain.html'), PLAIN_HTML);
  writeFileSync(file('notes.txt'), '0:00 Intro\n1:45 – Overview\n');
});

afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** The JSON lines of a run, parsed. */
function lines(stdout: string): Record<string, unknown>[] {
  expect(stdout.endsWith('\n')).toBe(true);
  return stdout
    .trimEnd()
    .split('\n')
    .map((line) => JSON.parse(line) as Record<string, unknown>);
}

describe('stackcast parse with several inputs', () => {
  it('prints one {"input","episodes"} line per input, in order, each as the one-input JSON', async () => {
    const inputs = [file('episode.html'), file('plain.html'), file('episode.html')];
    const run = await runCli(['parse', ...inputs]);
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    const printed = lines(run.stdout);
    expect(printed.map((line) => line.input)).toEqual(inputs);
    for (const line of printed) expect(Object.keys(line)).toEqual(['input', 'episodes']);
    const single = JSON.parse((await runCli(['parse', file('episode.html')])).stdout) as {
      episodes: unknown[];
    };
    expect(printed[0]!.episodes).toEqual(single.episodes);
    expect(printed[1]!.episodes).toEqual([]);
    expect((printed[2]!.episodes as { chapters: unknown }[])[0]!.chapters).toEqual(EXPECTED_CHAPTERS);
    expect((printed[0]!.episodes as { url: string }[])[0]!.url).toBe(EPISODE_URL);
  });

  it('applies --text, --duration and --episode to each input', async () => {
    const run = await runCli(
      ['parse', '--text', '--duration', '200', '--episode', '1', file('notes.txt'), '-'],
      {
        input: '0:00 Start\n0:30 Middle\n3:30 Late\n',
      },
    );
    expect(run.status).toBe(0);
    const [first, second] = lines(run.stdout);
    expect(first).toMatchObject({
      input: file('notes.txt'),
      episodes: [{ chapters: [{ start: 0 }, { start: 105 }] }],
    });
    expect(second).toMatchObject({ input: '-', episodes: [{ durationSeconds: 200 }] });
    expect(
      (second!.episodes as { chapters: { start: number }[] }[])[0]!.chapters.map((c) => c.start),
    ).toEqual([0, 30]);
  });

  it('an input that cannot be read gets an error line (and one stderr line); the others are still read', async () => {
    const run = await runCli(['parse', file('missing.html'), file('episode.html')]);
    expect(run.status).toBe(1);
    const [missing, episode] = lines(run.stdout);
    expect(missing).toEqual({ input: file('missing.html'), error: `no such file: ${file('missing.html')}` });
    expect((episode!.episodes as unknown[]).length).toBe(1);
    expect(run.stderr).toBe(`stackcast: no such file: ${file('missing.html')}\n`);
  });

  const usage: [string, string[], RegExp][] = [
    ['a format other than json', ['--format', 'webvtt'], /--format webvtt takes one input/],
    ['--url', ['--url', EPISODE_URL], /--url names one page/],
  ];
  for (const [name, options, pattern] of usage) {
    it(`refuses ${name} before reading any input`, async () => {
      const run = await runCli(['parse', ...options, file('episode.html'), file('missing.html')]);
      expect(run.status).toBe(2);
      expect(run.stdout).toBe('');
      expect(run.stderr).toMatch(pattern);
    });
  }

  it('refuses stdin twice', async () => {
    const run = await runCli(['parse', '-', '-']);
    expect(run.status).toBe(2);
    expect(run.stderr).toBe('stackcast: stdin (-) can be read only once\n');
  });
});

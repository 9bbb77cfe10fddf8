// techInputFromText on the seeds: the "⚙️ Tech Stack" list, `name →` items without a heading, hashtags and links.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { extractTech, techInputFromText } from '@/utils/tech/extract';

const seedsDir = resolve(import.meta.dirname, '..', '..', '..', '..', 'shared', 'seeds');
const seed = (prefix: string) => readFileSync(resolve(seedsDir, prefix), 'utf8');

/** Seed 001 holds many episodes; each starts with a "Mon D, YYYY • NNmin" line. */
function seedEpisodes(text: string): string[] {
  return text.split(/^(?=[A-Z][a-z]{2} \d{1,2}, \d{4} • )/m).slice(1);
}

/** The expected stack, read independently: the `x →` lines right after the "⚙️ Tech Stack" line. */
function stackLines(episode: string): string[] {
  const lines = episode.split('\n');
  const start = lines.findIndex((line) => line.includes('Tech Stack'));
  if (start < 0) return [];
  const items: string[] = [];
  for (const line of lines.slice(start + 1)) {
    if (!line.trim().endsWith('→')) break;
    items.push(line.replace('→', '').trim());
  }
  return items;
}

describe('techInputFromText', () => {
  it("reads every episode's Tech Stack list in seed 001 exactly", () => {
    const episodes = seedEpisodes(seed('001_8c3cd67a84e358c9.txt'));
    expect(episodes.length).toBeGreaterThan(3);
    let withStack = 0;
    for (const episode of episodes) {
      const expected = stackLines(episode);
      if (expected.length === 0) continue;
      withStack++;
      const input = techInputFromText(episode);
      expect(input.listed).toEqual(expected);
      const listed = extractTech(input).filter((mention) => mention.source === 'list');
      expect(listed.map((mention) => mention.slug)).toEqual(expected);
    }
    expect(withStack).toBeGreaterThan(3);
    const first = techInputFromText(episodes[0]!).listed ?? [];
    expect(first[0]).toBe('rails');
    expect(first).toContain('dotnet-core');
    expect(first.at(-1)).toBe('victorops');
  });

  it('stops the list at the next heading and keeps the prose for text matching', () => {
    const input = techInputFromText(
      'Intro about Postgres\n⚙️ Tech Stack\nrails →\nruby →\n🛠 Libraries Used\nhttps://github.com/ex-aws/ex_aws',
    );
    expect(input.listed).toEqual(['rails', 'ruby']);
    expect(input.text).toContain('Intro about Postgres');
    expect(input.text).not.toContain('rails');
    expect(input.text).not.toContain('ex_aws');
    expect(input.links).toEqual(['https://github.com/ex-aws/ex_aws']);
    // A library URL is not a mention of AWS.
    expect(extractTech(input).map((m) => m.slug)).toEqual(['rails', 'ruby', 'postgres']);
  });

  it('reads `- name →` items that lost their heading (seed 003) as the explicit list', () => {
    const input = techInputFromText(seed('003_601e5501cee0e3fd.txt'));
    expect(input.listed).toEqual(expect.arrayContaining(['phoenix', 'elixir', 'ecs', 'route53', 'stripe']));
    const mentions = extractTech(input);
    const listed = mentions.filter((m) => m.source === 'list').map((m) => m.slug);
    expect(listed).toEqual(input.listed);
    // The Envoy reference link and the prose still count, as text.
    expect(mentions.find((m) => m.slug === 'envoy')?.source).toBe('text');
  });

  it('reads a one-line "Tech stack:" list, hashtags and tag URLs', () => {
    const input = techInputFromText(
      'Tech stack: Rails, PostgreSQL / Redis\nEpisode 107 #meteor - Title\nSee https://runninginproduction.com/tags/docker/ and #1 and C# code',
    );
    expect(input.listed).toEqual(['Rails', 'PostgreSQL', 'Redis']);
    expect(input.tags).toEqual(['meteor']);
    expect(extractTech(input).map((m) => `${m.slug}:${m.source}`)).toEqual([
      'rails:list',
      'postgres:list',
      'redis:list',
      'meteor:tag',
      'docker:tag',
      'c-sharp:text',
    ]);
  });

  it('finds URLs only where a word ends, leftmost first, and cuts each out of the prose as one space', () => {
    const input = techInputFromText(
      'See HTTPS://Docker.com/x, then https://a.io/http://b.io and (http://c.io) or mehttp://d.io http:// e\nhttp://x.y"z',
    );
    // A URL inside another is part of it; one glued to a word is not a URL; a bare scheme is not one either.
    expect(input.links).toEqual([
      'HTTPS://Docker.com/x',
      'https://a.io/http://b.io',
      'http://c.io',
      'http://x.y',
    ]);
    expect(input.text).toBe('See   then   and ( ) or mehttp://d.io http:// e\n "z');
  });

  it('keeps the prose line for line: blank lines as empty ones, stack lines out, any line break read as "\\n"', () => {
    const input = techInputFromText(
      'One https://x.io two\n  \n\nTech Stack\nrails →\nruby →\nAfter the list\n#rails and more\nlast',
    );
    expect(input.text).toBe('One   two\n\n\nAfter the list\n#rails and more\nlast');
    expect(input.listed).toEqual(['rails', 'ruby']);
    expect(input.tags).toEqual(['rails']);
    const crlf = techInputFromText('Line one\r\n\r\nTech stack: Go\rtwo https://a.b/c\nthree\n');
    expect(crlf.text).toBe('Line one\n\ntwo  \nthree\n');
    expect(crlf.listed).toEqual(['Go']);
    expect(crlf.links).toEqual(['https://a.b/c']);
  });
});

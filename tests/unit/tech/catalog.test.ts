// Catalog integrity: size, unique slugs and spellings, valid categories and parents, and every runninginproduction tag.
import { readdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { TECH_CATEGORIES } from '@/utils/model';
import { TECHNOLOGIES, techBySlug } from '@/utils/tech/catalog';
import { nameTokens } from '@/utils/tech/tokenize';
import { resolveTechReference, techByHomepage } from '@/utils/tech/lookup';

const tagsDir = resolve(
  import.meta.dirname,
  '..',
  '..',
  '..',
  '..',
  'shared',
  'corpus',
  'runninginproduction',
  'tags',
);

describe('technology catalog', () => {
  it('has at least 300 technologies with unique slugs', () => {
    expect(TECHNOLOGIES.length).toBeGreaterThanOrEqual(300);
    const slugs = TECHNOLOGIES.map((tech) => tech.slug);
    expect(new Set(slugs).size).toBe(slugs.length);
    for (const slug of slugs) expect(slug).toMatch(/^[a-z0-9]+(?:-[a-z0-9]+)*$/);
  });

  it('uses only the model categories and names existing parents, without cycles', () => {
    for (const tech of TECHNOLOGIES) {
      expect(TECH_CATEGORIES, tech.slug).toContain(tech.category);
      for (const parent of tech.parents ?? [])
        expect(techBySlug(parent), `${tech.slug} → ${parent}`).toBeDefined();
    }
    const depth = (slug: string, seen: string[]): number => {
      expect(seen, `cycle through ${slug}`).not.toContain(slug);
      const parents = techBySlug(slug)?.parents ?? [];
      return 1 + Math.max(0, ...parents.map((parent) => depth(parent, [...seen, slug])));
    };
    for (const tech of TECHNOLOGIES) expect(depth(tech.slug, [])).toBeLessThan(6);
  });

  it('stores homepages as bare hosts with an optional path, and they lead back to their technology', () => {
    for (const tech of TECHNOLOGIES) {
      expect(tech.homepage, tech.slug).toMatch(/^(?!www\.)[a-z0-9.-]+\.[a-z]{2,}(?:\/[^\s]*)?$/i);
      expect(techByHomepage(`https://${tech.homepage}`)?.slug, tech.homepage).toBe(tech.slug);
    }
  });

  it("reads a link's host the way a browser does: user info, ports, backslashes and extra slashes included", () => {
    const cases: [string, string | null][] = [
      ['https://evil.com:pw@www.docker.com/', 'docker'],
      ['https://www.docker.com:443/', 'docker'],
      ['https:\\\\docker.com', 'docker'],
      ['https:///docker.com/', 'docker'],
      ['HTTPS://WWW.DOCKER.COM/x', 'docker'],
      ['https://doc\tker.com/', 'docker'],
      ['https://docker.com.', null],
      ['https://evil.com/@docker.com', null],
      ['https://sub.docker.com/', null],
      ['ftp://docker.com/', null],
    ];
    for (const [url, slug] of cases) expect(techByHomepage(url)?.slug ?? null, url).toBe(slug);
  });

  it('never gives one spelling to two technologies, and ambiguity lists name real aliases', () => {
    const owner = new Map<string, string>();
    for (const tech of TECHNOLOGIES) {
      for (const spelling of [tech.name, ...tech.aliases]) {
        const key = nameTokens(spelling).join(' ');
        expect(key, `${tech.slug}: ${spelling}`).not.toBe('');
        const previous = owner.get(key);
        expect(
          previous === undefined || previous === tech.slug,
          `"${spelling}" is both ${previous} and ${tech.slug}`,
        ).toBe(true);
        owner.set(key, tech.slug);
      }
      const spellings = new Set(
        [tech.name, ...tech.aliases].map((spelling) => nameTokens(spelling).join(' ')),
      );
      for (const alias of tech.ambiguousAliases ?? [])
        expect(spellings, `${tech.slug}: ${alias}`).toContain(nameTokens(alias).join(' '));
      if (tech.ambiguousAliases !== undefined) expect(tech.ambiguous, tech.slug).toBeDefined();
    }
  });

  it('keeps look-alikes apart and writes its "not claimed before" words as single lower-case tokens', () => {
    // Errbit only speaks Airbrake's API; Windows bare is a desktop, the catalog entry is Windows Server.
    expect(resolveTechReference('Errbit')?.slug).toBe('errbit');
    expect(resolveTechReference('Airbrake')?.slug).toBe('airbrake');
    for (const tech of TECHNOLOGIES) {
      for (const word of tech.notClaimedBefore ?? [])
        expect(nameTokens(word), `${tech.slug}: ${word}`).toEqual([word]);
    }
  });

  it('has every runninginproduction.com tag under the same slug, resolvable from its tag file', () => {
    const files = readdirSync(tagsDir).filter((file) => file.endsWith('.md'));
    expect(files.length).toBeGreaterThan(200);
    for (const file of files) {
      const front = readFileSync(resolve(tagsDir, file), 'utf8');
      const tag = /^tag:\s*"?([^"\n]+)"?/m.exec(front)?.[1]?.trim() ?? file.replace(/\.md$/, '');
      expect(techBySlug(tag), `tag ${tag} missing from the catalog`).toBeDefined();
      expect(resolveTechReference(`/tags/${tag}`)?.slug).toBe(tag);
    }
  });
});

// Catalog rows: the '|' row format decodes to well-formed technologies, and every data row survives the round trip.
import { describe, expect, it } from 'vitest';
import { slugOfName, technologiesFromRows, technologyFromRow, type TechRows } from '@/utils/tech/rows';
import { TECHNOLOGIES } from '@/utils/tech/catalog';
import { LANGUAGES } from '@/utils/tech/data/languages';
import { FRAMEWORKS } from '@/utils/tech/data/frameworks';
import { DATA_STORES } from '@/utils/tech/data/data-stores';
import { INFRASTRUCTURE } from '@/utils/tech/data/infrastructure';
import { SERVICES } from '@/utils/tech/data/services';
import { DEVELOPER_TOOLS } from '@/utils/tech/data/developer-tools';
import type { Technology } from '@/utils/tech/types';

const FILES: readonly (readonly TechRows[])[] = [
  LANGUAGES,
  FRAMEWORKS,
  DATA_STORES,
  INFRASTRUCTURE,
  SERVICES,
  DEVELOPER_TOOLS,
];

/** Writes a technology back as its shortest row: the inverse of technologyFromRow, to prove nothing is lost. */
function rowOf(tech: Technology): string {
  const head = tech.slug === slugOfName(tech.name) ? tech.name : `${tech.slug}:${tech.name}`;
  const tld = ['.com', '.io', '.org', '.dev'].find((suffix) => tech.homepage === tech.slug + suffix);
  const ambiguity =
    tech.ambiguous === undefined
      ? ''
      : tech.ambiguous === 'case'
        ? 'case'
        : [tech.ambiguous.context, tech.ambiguous.related, tech.ambiguous.not]
            .map((words) => (words ?? []).join(','))
            .join('/')
            .replace(/\/+$/, '');
  const lists = [
    tech.aliases,
    tech.parents ?? [],
    [],
    tech.ambiguousAliases ?? [],
    tech.notClaimedBefore ?? [],
  ].map((words) => words.join(','));
  lists[2] = ambiguity;
  return [head, [tld ?? tech.homepage, ...(tech.sites ?? [])].join(','), ...lists]
    .join('|')
    .replace(/\|+$/, '');
}

describe('catalog rows', () => {
  it('decodes the required fields, and leaves optional fields out rather than empty', () => {
    expect(technologyFromRow('language', 'Elixir|elixir-lang.org')).toEqual({
      slug: 'elixir',
      name: 'Elixir',
      aliases: [],
      category: 'language',
      homepage: 'elixir-lang.org',
    });
    const tech = technologyFromRow(
      'monitoring',
      'x-ray:AWS X-Ray|aws.amazon.com/xray|X-Ray|aws|aws,tracing/aws,lambda|X-Ray',
    );
    expect(tech).toEqual({
      slug: 'x-ray',
      name: 'AWS X-Ray',
      aliases: ['X-Ray'],
      category: 'monitoring',
      homepage: 'aws.amazon.com/xray',
      parents: ['aws'],
      ambiguous: { context: ['aws', 'tracing'], related: ['aws', 'lambda'] },
      ambiguousAliases: ['X-Ray'],
    });
  });

  it('derives a left-out slug from the name and a dot homepage from the slug', () => {
    expect(technologyFromRow('hosting', 'Azure App Service|.net')).toMatchObject({
      slug: 'azure-app-service',
      homepage: 'azure-app-service.net',
    });
    expect(technologyFromRow('language', 'cpp:C++|.org')).toMatchObject({
      slug: 'cpp',
      name: 'C++',
      homepage: 'cpp.org',
    });
  });

  it('reads the three ambiguity lists by position, skipping empty ones', () => {
    expect(technologyFromRow('language', 'C|c.org|||code//level').ambiguous).toEqual({
      context: ['code'],
      not: ['level'],
    });
    expect(technologyFromRow('language', 'D|d.org|||/c').ambiguous).toEqual({ related: ['c'] });
    expect(technologyFromRow('language', 'Java|java.com|||case').ambiguous).toBe('case');
    expect(technologyFromRow('other', 'Open|o.org|||||version,projects').notClaimedBefore).toEqual([
      'version',
      'projects',
    ]);
  });

  it('keeps row order across category groups', () => {
    const groups: TechRows[] = [
      ['language', ['A|a.org', 'B|b.org']],
      ['other', ['C|c.org']],
      ['language', ['D|d.org']],
    ];
    expect(technologiesFromRows(groups).map((tech) => `${tech.slug}:${tech.category}`)).toEqual([
      'a:language',
      'b:language',
      'c:other',
      'd:language',
    ]);
  });

  it('has one well-formed row per technology, each of which round-trips exactly', () => {
    const rows = FILES.flatMap((groups) => groups.flatMap(([, lines]) => lines));
    expect(TECHNOLOGIES).toHaveLength(rows.length);
    for (const [index, row] of rows.entries()) {
      const fields = row.split('|');
      expect(fields.length, row).toBeGreaterThanOrEqual(2);
      expect(fields.length, row).toBeLessThanOrEqual(7);
      expect(fields.at(-1), `${row}: trailing empty field`).not.toBe('');
      for (const field of fields) expect(field, row).toBe(field.trim());
      const tech = TECHNOLOGIES[index]!;
      for (const list of [tech.aliases, tech.parents ?? [], tech.ambiguousAliases ?? []]) {
        for (const item of list) expect(item, `${row}: empty or padded list item`).toMatch(/^\S(?:.*\S)?$/);
      }
      expect(rowOf(tech)).toBe(row);
    }
  });
});

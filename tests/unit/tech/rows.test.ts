// Catalog rows: the '|' row format decodes to well-formed technologies, and every data row survives the round trip.
import { describe, expect, it } from 'vitest';
import { technologyFromRow } from '@/utils/tech/rows';
import { TECHNOLOGIES } from '@/utils/tech/catalog';
import { LANGUAGES } from '@/utils/tech/data/languages';
import { FRAMEWORKS } from '@/utils/tech/data/frameworks';
import { DATA_STORES } from '@/utils/tech/data/data-stores';
import { INFRASTRUCTURE } from '@/utils/tech/data/infrastructure';
import { SERVICES } from '@/utils/tech/data/services';
import type { Technology } from '@/utils/tech/types';

const ROWS = [...LANGUAGES, ...FRAMEWORKS, ...DATA_STORES, ...INFRASTRUCTURE, ...SERVICES];

/** Writes a technology back as a row: the inverse of technologyFromRow, used to prove nothing is lost. */
function rowOf(tech: Technology): string {
  const ambiguity =
    tech.ambiguous === undefined
      ? ''
      : tech.ambiguous === 'case'
        ? 'case'
        : [tech.ambiguous.context, tech.ambiguous.related, tech.ambiguous.not].map((words) => (words ?? []).join(',')).join('/').replace(/\/+$/, '');
  const fields = [tech.slug, tech.name, tech.category, tech.homepage, tech.aliases.join(','), (tech.parents ?? []).join(','), ambiguity,
    (tech.ambiguousAliases ?? []).join(','), (tech.notClaimedBefore ?? []).join(',')];
  return fields.join('|').replace(/\|+$/, '');
}

describe('catalog rows', () => {
  it('decodes the required fields, and leaves optional fields out rather than empty', () => {
    expect(technologyFromRow('elixir|Elixir|language|elixir-lang.org')).toEqual({
      slug: 'elixir', name: 'Elixir', aliases: [], category: 'language', homepage: 'elixir-lang.org',
    });
    const tech = technologyFromRow('x-ray|AWS X-Ray|monitoring|aws.amazon.com/xray|X-Ray|aws|aws,tracing/aws,lambda|X-Ray');
    expect(tech).toEqual({
      slug: 'x-ray', name: 'AWS X-Ray', aliases: ['X-Ray'], category: 'monitoring', homepage: 'aws.amazon.com/xray',
      parents: ['aws'], ambiguous: { context: ['aws', 'tracing'], related: ['aws', 'lambda'] }, ambiguousAliases: ['X-Ray'],
    });
  });

  it('reads the three ambiguity lists by position, skipping empty ones', () => {
    expect(technologyFromRow('c|C|language|c.org|||code//level').ambiguous).toEqual({ context: ['code'], not: ['level'] });
    expect(technologyFromRow('d|D|language|d.org|||/c').ambiguous).toEqual({ related: ['c'] });
    expect(technologyFromRow('j|Java|language|java.com|||case').ambiguous).toBe('case');
    expect(technologyFromRow('o|Open|other|o.org|||||version,projects').notClaimedBefore).toEqual(['version', 'projects']);
  });

  it('has one well-formed row per technology, each of which round-trips exactly', () => {
    expect(TECHNOLOGIES).toHaveLength(ROWS.length);
    for (const [index, row] of ROWS.entries()) {
      const fields = row.split('|');
      expect(fields.length, row).toBeGreaterThanOrEqual(4);
      expect(fields.length, row).toBeLessThanOrEqual(9);
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

// Views in the URL, filtering, search, sorting and facet counts over a small known library.
import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { toSummary, type SavedEpisode } from '@/utils/library/record';
import { DEFAULT_VIEW, parseView, serializeView, type LibraryView } from '@/utils/library/query/view';
import { applyView, matcher, sortEpisodes } from '@/utils/library/query/filter';
import { computeFacets } from '@/utils/library/query/facets';
import { makeSaved } from './generate';

const tech = (slug: string, category: SavedEpisode['tech'][number]['category'] = 'other') => ({
  slug,
  name: slug.toUpperCase(),
  category,
  source: 'list' as const,
});
const base = makeSaved(1);
const library = [
  toSummary({
    ...base,
    id: 'a',
    title: 'Scaling Rails',
    podcast: 'P1',
    date: '2020-01-01',
    durationSeconds: 100,
    tech: [tech('rails', 'framework'), tech('postgres', 'database')],
    status: 'to-listen',
    tags: ['work'],
    notes: '',
    savedAt: '2026-01-03T00:00:00.000Z',
    chapters: [{ start: 0, title: 'Intro' }],
  }),
  toSummary({
    ...base,
    id: 'b',
    title: 'Django in Production',
    podcast: 'P2',
    date: '2021-01-01',
    durationSeconds: 300,
    tech: [tech('django', 'framework'), tech('postgres', 'database'), tech('docker', 'container')],
    status: 'listened',
    tags: [],
    notes: 'Crème brûlée caching trick',
    savedAt: '2026-01-01T00:00:00.000Z',
    chapters: [{ start: 0, title: 'Kubernetes migration' }],
  }),
  toSummary({
    ...base,
    id: 'c',
    title: 'aardvark ops',
    podcast: 'P1',
    date: null,
    durationSeconds: null,
    tech: [tech('docker', 'container')],
    status: 'listening',
    tags: ['work', 'later'],
    notes: '',
    savedAt: '2026-01-02T00:00:00.000Z',
    chapters: [],
  }),
];
const ids = (view: Partial<LibraryView>) => applyView(library, { ...DEFAULT_VIEW, ...view }).map((e) => e.id);

describe('views in the URL', () => {
  it('parses a bookmarked hash and ignores unknown values', () => {
    expect(parseView('#tech=docker,postgres&mode=any&status=listened&category=bogus&sort=title')).toEqual({
      ...DEFAULT_VIEW,
      tech: ['docker', 'postgres'],
      techMode: 'any',
      status: 'listened',
      sort: 'title',
      order: 'asc',
    });
    expect(parseView('')).toEqual(DEFAULT_VIEW);
  });

  it('cuts a long search from the URL on a character boundary (no half emoji in the search box)', () => {
    const q = 'c'.repeat(499) + '😀';
    expect(parseView('#q=' + encodeURIComponent(q)).q).toBe('c'.repeat(499));
  });

  it('round-trips every view through its URL form', () => {
    const view = fc.record({
      tech: fc.uniqueArray(fc.stringMatching(/^[a-z0-9-]{1,12}$/), { maxLength: 4 }),
      techMode: fc.constantFrom('all' as const, 'any' as const),
      category: fc.constantFrom(null, 'database' as const, 'ci' as const),
      status: fc.constantFrom(null, 'to-listen' as const, 'listened' as const),
      podcast: fc.constantFrom(null, 'Running in Production', 'A & B = C?'),
      tag: fc.constantFrom(null, 'work', 'to read'),
      q: fc.constantFrom('', 'kubernetes migration', '100% #1'),
      sort: fc.constantFrom('saved' as const, 'date' as const, 'title' as const, 'duration' as const),
      order: fc.constantFrom('asc' as const, 'desc' as const),
    });
    fc.assert(
      fc.property(view, (v) => {
        expect(parseView('#' + serializeView(v))).toEqual(v);
      }),
    );
  });
});

describe('applyView', () => {
  it('filters by several technologies, all of or any of', () => {
    expect(ids({ tech: ['postgres', 'docker'] })).toEqual(['b']);
    expect(ids({ tech: ['rails', 'docker'], techMode: 'any' })).toEqual(['a', 'c', 'b']);
  });
  it('filters by category, status, podcast and personal tag', () => {
    expect(ids({ category: 'database' })).toEqual(['a', 'b']);
    expect(ids({ status: 'listening' })).toEqual(['c']);
    expect(ids({ podcast: 'P1' })).toEqual(['a', 'c']);
    expect(ids({ tag: 'later' })).toEqual(['c']);
  });
  it('searches titles, podcast, chapter titles and notes by word prefix, accent-insensitive', () => {
    expect(ids({ q: 'kube' })).toEqual(['b']);
    expect(ids({ q: 'creme CACH' })).toEqual(['b']);
    expect(ids({ q: 'scal rails' })).toEqual(['a']);
    expect(ids({ q: 'ails' })).toEqual([]);
  });
  it('sorts by saved date, episode date, title and duration, missing values last', () => {
    expect(ids({})).toEqual(['a', 'c', 'b']);
    expect(ids({ sort: 'date', order: 'desc' })).toEqual(['b', 'a', 'c']);
    expect(ids({ sort: 'date', order: 'asc' })).toEqual(['a', 'b', 'c']);
    expect(ids({ sort: 'title', order: 'asc' })).toEqual(['c', 'b', 'a']);
    expect(ids({ sort: 'duration', order: 'desc' })).toEqual(['b', 'a', 'c']);
  });
});

describe('computeFacets', () => {
  it('counts technologies in the selection; in "any of" mode without the technology filter', () => {
    const all = computeFacets(library, { ...DEFAULT_VIEW, tech: ['docker'] });
    expect(all.tech.map((t) => [t.slug, t.count])).toEqual([
      ['docker', 2],
      ['django', 1],
      ['postgres', 1],
    ]);
    expect(all.statuses).toEqual([
      { value: 'listened', count: 1 },
      { value: 'listening', count: 1 },
    ]);
    const any = computeFacets(library, { ...DEFAULT_VIEW, tech: ['docker'], techMode: 'any' });
    expect(any.tech.find((t) => t.slug === 'rails')?.count).toBe(1);
    expect(computeFacets(library, DEFAULT_VIEW).tags).toEqual([
      { value: 'work', count: 2 },
      { value: 'later', count: 1 },
    ]);
    expect(computeFacets(library, DEFAULT_VIEW).categories[0]).toEqual({ value: 'container', count: 2 });
  });
});

describe('sorting once, filtering many times', () => {
  it('filtering the sorted library gives the same list as filtering then sorting', () => {
    const generated = Array.from({ length: 60 }, (_, i) => toSummary(makeSaved(i + 1)));
    const everything = [...library, ...generated];
    const slugs = [...new Set(everything.flatMap((e) => e.techSlugs))];
    fc.assert(
      fc.property(
        fc.record({
          tech: fc.subarray(slugs, { maxLength: 3 }),
          techMode: fc.constantFrom('all' as const, 'any' as const),
          status: fc.constantFrom(null, 'to-listen' as const, 'listened' as const),
          q: fc.constantFrom('', 'scal', 'zero downt', 'kubernetes'),
          sort: fc.constantFrom('saved' as const, 'date' as const, 'title' as const, 'duration' as const),
          order: fc.constantFrom('asc' as const, 'desc' as const),
        }),
        (partial) => {
          const view = { ...DEFAULT_VIEW, ...partial };
          const sorted = sortEpisodes(everything, view.sort, view.order);
          expect(sorted.filter(matcher(view)).map((e) => e.id)).toEqual(
            applyView(everything, view).map((e) => e.id),
          );
        },
      ),
      { numRuns: 60 },
    );
  });
});

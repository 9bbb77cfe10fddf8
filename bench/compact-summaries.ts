// What compactSummaries (utils/library/summary-shelves.ts) earns: filtering summaries as JSON.parse leaves them
// (read shelf by shelf) against the same summaries compacted, and what the compaction itself costs, in Node.
//
//   npx tsx bench/compact-summaries.ts           10,000 summaries
//   npx tsx bench/compact-summaries.ts 100000
import { toSummary, type EpisodeSummary } from '../utils/library/record';
import { compactSummaries } from '../utils/library/summary-shelves';
import { shelfOf } from '../utils/library/shelves';
import { matcher, sortEpisodes } from '../utils/library/query/filter';
import { computeFacets } from '../utils/library/query/facets';
import { DEFAULT_VIEW } from '../utils/library/query/view';
import { catalogTech, generate } from './lib/library-data';
import { measure, ms } from './lib/timing';

const count = Number(process.argv[2] ?? 10_000);
const summaries = generate(count, catalogTech()).map(toSummary);
// As the library stores them: one JSON text a shelf, parsed shelf by shelf, then put in id order.
const shelves = new Map<number, EpisodeSummary[]>();
for (const summary of summaries) {
  const key = shelfOf(summary.id);
  shelves.set(key, [...(shelves.get(key) ?? []), summary]);
}
const parsed = [...shelves.values()]
  .flatMap((shelf) => JSON.parse(JSON.stringify(shelf)) as EpisodeSummary[])
  .sort((a, b) => (a.id < b.id ? -1 : 1));
const popular = computeFacets(summaries, DEFAULT_VIEW).tech.map((tech) => tech.slug);
const one = { ...DEFAULT_VIEW, tech: [popular[5]!] };
const three = { ...DEFAULT_VIEW, tech: [popular[0]!, popular[2]!, popular[4]!] };

console.log(`${count} summaries (medians)`);
for (const [name, list] of [
  ['as parsed', parsed],
  ['compacted', compactSummaries(parsed)],
] as const) {
  const sorted = sortEpisodes(list, 'saved', 'desc');
  const filterOne = measure(() => sorted.filter(matcher(one)), { runs: 30, warmup: 3 });
  const filterThree = measure(() => sorted.filter(matcher(three)), { runs: 30, warmup: 3 });
  console.log(`${name}: filter 1 tech ${ms(filterOne.median)}, filter 3 tech ${ms(filterThree.median)}`);
}
console.log(
  `compactSummaries: ${ms(measure(() => compactSummaries(parsed), { runs: 10, warmup: 1 }).median)}`,
);

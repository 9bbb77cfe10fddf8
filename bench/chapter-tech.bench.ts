// `npm run bench` section: per-chapter technology precision and recall on ../shared (issue 12, item 1).
import { chapterTech } from '@/utils/tech/chapter-tech';
import { evaluateChapterTech, ratios, type ChapterTechScore } from './chapter-tech';
import { loadGroundTruth } from './tech-accuracy';
import { measure } from './lib/timing';

const pct = (value: number) => `${(value * 100).toFixed(1)} %`;
const top = (counts: Map<string, number>, n: number) =>
  [...counts]
    .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
    .slice(0, n)
    .map(([slug, value]) => `${slug} ×${value}`)
    .join(', ') || '—';

function row(score: ChapterTechScore): string {
  const { precision, precisionTaggable, recall } = ratios(score);
  return `| ${score.corpus} | ${score.episodes} | ${score.chapters} | ${score.tagged} | ${score.reported} | ${pct(precision)} | ${pct(precisionTaggable)} | ${score.named} | ${pct(recall)} |`;
}

export default async function chapterTechBench(): Promise<string> {
  const scores = evaluateChapterTech();
  const titles = loadGroundTruth().flatMap((post) => post.topics.map((topic) => topic.title));
  const timing = measure(() => titles.map((title) => chapterTech({ title })), { runs: 20 });
  return `## chapter-tech

Technologies per chapter (issue 12, item 1): each topic title of the ground truth read as a chapter by
\`chapterTech\` (utils/tech/chapter-tech.ts), with the episode's technologies (extracted from its title, intro and
topics, plus its tags as the page shows them) vouching for ambiguous names, as on the page.

No corpus says which technologies a chapter is about, so this is a judged measure borrowing the episode's truth:
- **precision** = chapter technologies that are among the episode's tags ÷ all chapter technologies (strict: a
  chapter about JavaScript or Celery counts as wrong, the site has no tag for them);
- **precision, taggable** = the same over technologies runninginproduction has a tag for at all (the extractor's
  own judgement; on devtools.fm the tags are the show's own words, so this column means little there);
- **recall** = of the (chapter, episode tag its title names by a catalog spelling — a plain case-insensitive
  whole-word search, independent of the extractor) pairs, the share the chapter carries.
Syntax has no tags and is not scored. Nested lines are not in these corpora's ground truth: titles only.
A chapter carries what it talks about: unlike the episode's stack, a name negated, hedged or compared still counts
("Django vs Flask", "There is no magic Kubernetes button"), and a parent the title spells out counts ("AWS Lambda").
The "claimed only" rows keep the episode's claim rules instead: the strict precision against the stack tags is
higher there by construction (a chapter about leaving Heroku is wrong against a stack without Heroku), recall lower.

| corpus | episodes with tags | chapters | chapters tagged | technologies | precision | precision, taggable | named pairs | recall |
|---|---|---|---|---|---|---|---|---|
${scores.map(row).join('\n')}

${scores
  .slice(0, 2)
  .map(
    (score) =>
      `- ${score.corpus}: not in the tags: ${top(score.wrong, 12)}; named but missed: ${top(score.missed, 12)}.`,
  )
  .join('\n')}

Tagging all ${titles.length} runninginproduction chapter titles: median ${timing.median.toFixed(1)} ms (${(
    (timing.median * 1000) /
    titles.length
  ).toFixed(1)} µs a chapter).
`;
}

// `npm run bench` section: tech-stack accuracy on the runninginproduction corpus and extraction speed per episode.
import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { extractTech, techInputFromText } from '@/utils/tech/extract';
import { measure } from './lib/timing';
import { catalogSize, evaluateTechAccuracy, loadGroundTruth, postTechText } from './tech-accuracy';

const seedPath = resolve(
  dirname(fileURLToPath(import.meta.url)),
  '..',
  '..',
  'shared',
  'seeds',
  '000_90a75753c4b55bbd.txt',
);

const pct = (value: number) => `${(value * 100).toFixed(1)} %`;
const ms = (value: number) => `${value.toFixed(3)} ms`;

export default async function techAccuracyBench(): Promise<string> {
  const result = await evaluateTechAccuracy();
  const texts = loadGroundTruth().map(postTechText);
  const longest = texts.reduce((a, b) => (b.length > a.length ? b : a), '');
  const perEpisode = measure(() => texts.map((text) => extractTech(techInputFromText(text))), { runs: 40 });
  const single = measure(() => extractTech(techInputFromText(longest)), { runs: 200 });
  const seed = readFileSync(seedPath, 'utf8');
  const seedTiming = measure(() => extractTech(techInputFromText(seed)), { runs: 40 });

  const missed = new Map<string, number>();
  const wrong = new Map<string, number>();
  for (const post of result.perPost) {
    for (const slug of post.missedNamed) missed.set(slug, (missed.get(slug) ?? 0) + 1);
    for (const slug of post.falsePositives) wrong.set(slug, (wrong.get(slug) ?? 0) + 1);
  }
  const top = (counts: Map<string, number>, n: number) =>
    [...counts]
      .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
      .slice(0, n)
      .map(([slug, count]) => `${slug} ×${count}`)
      .join(', ') || '—';

  const { untaggable, impliedTaggable, textTaggable } = result.wrongByKind;
  return `## tech-accuracy

Tech stack from text alone (title, intro and topic titles; not the tag list) against each post's tags, over
${result.posts} posts of ../shared/corpus/runninginproduction (${result.tagsTotal} tags), catalog of ${catalogSize} technologies.
"Named" = the tag's catalog name or an alias occurs in the text (case-insensitive whole word, checked by a plain
regex independent of the extractor). "Reported from text" = sources \`text\` and \`implied\` (parents such as
S3 → AWS, marked as implied); the strict precision below is the issue's measure and counts both.

| measure | value | target |
| --- | --- | --- |
| recall of named tags (${result.namedTotal} named) | ${pct(result.recallNamed)} | ≥ 95 % |
| precision, everything reported from text (${result.reportedTotal}: \`text\` + \`implied\`) | ${pct(result.precision)} | ≥ 85 % |
| precision, source \`text\` only | ${pct(result.precisionTextOnly)} | — |
| precision over technologies the site has a tag for | ${pct(result.precisionTaggable)} | — |
| recall against all tags | ${pct(result.recallAll)} | (report) |
| explicit list / tag links reproduce the tags exactly | ${result.exactWithList} / ${result.posts} posts | all |

Reports that are not tags (${untaggable + impliedTaggable + textTaggable}): ${untaggable} name technologies runninginproduction.com has no
tag for (JavaScript, EC2, Celery, gunicorn …: real uses the site cannot tag), ${impliedTaggable} are implied parents the site did not
tag (S3 → AWS), ${textTaggable} are text mentions of technologies the site can tag (read one by one: most are real uses the tags
leave out, such as Pusher, websockets or Webpacker; the rest are talk about technologies not in the stack that the
claim rules do not catch, such as a guest's opinion or a product's supported platforms).

Most missed named tags: ${top(missed, 12)}.
Most frequent reports that are not tags: ${top(wrong, 15)}.

Speed (median): all ${texts.length} posts ${ms(perEpisode.median)} (${ms(perEpisode.median / texts.length)} per episode);
longest post (${longest.length} chars) ${ms(single.median)}; seed 000 whole (${Math.round(seed.length / 1024)} KB) ${ms(seedTiming.median)}.
`;
}

// `npm run bench` section: tech extraction on the devtools.fm and Syntax corpora (show notes no rule was written for).
import { catalogSize } from './tech-accuracy';
import { evaluateDevtoolsAccuracy } from './tech-accuracy-devtoolsfm';
import type { Scores } from './tech-accuracy-scores';
import { evaluateSyntaxAccuracy } from './tech-accuracy-syntax';

const pct = (value: number) => `${(value * 100).toFixed(1)} %`;
const top = (counts: Map<string, number>, n: number) =>
  [...counts]
    .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
    .slice(0, n)
    .map(([key, value]) => `${key} ×${value}`)
    .join(', ') || '—';
const row = (label: string, s: Scores) =>
  `| ${label} | ${pct(s.precision)} | ${pct(s.recall)} | ${pct(s.f1)} | ${s.truePositives} / ${s.falsePositives} / ${s.falseNegatives} |`;

export default async function techAccuracyCorporaBench(): Promise<string> {
  const started = performance.now();
  const devtools = evaluateDevtoolsAccuracy();
  const syntax = evaluateSyntaxAccuracy();
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  const { linked, heldOut } = syntax;
  return `## tech-accuracy-corpora

Technologies from show notes that no rule was written for, with the catalog of ${catalogSize} technologies. Each page is
rendered as its site renders it (the Markdown as HTML with \`marked\`, read in a linkedom document) and read the way the
product reads an episode's notes (\`readTechNode\` → \`techInputFromReading\` → \`extractTech\`, the title joined to the
prose as \`parseEpisodeReading\` joins it): links, tag links, stack lists and prose. Neither corpus's tags are given to
the extractor.

**devtools.fm** (${devtools.episodes} episodes with front-matter \`tags\`). Read: the title, show notes, links and the
SECTIONS list (the transcript tab separately). Ground truth: each episode's tags that the catalog resolves the way the
product resolves a tag (slug, name or alias); ${devtools.tagsMapped} of ${devtools.tagsTotal} tags resolve, the rest are topics
("technology", "open source", "developer tools") or technologies the catalog lacks (listed below). Tags are a sparse
summary, so precision against them is a lower bound: a tool the notes link but the tags leave out counts as wrong.

| input | precision | recall | F1 | right / wrong / missed |
| --- | --- | --- | --- | --- |
${row('notes (title, show notes, links, sections)', devtools.notes)}
${row('the whole page, transcript included', devtools.withTranscript)}

- Of the resolved tags the notes name (a catalog spelling as a whole word outside URLs, or a link to the
  technology's homepage): ${devtools.named.reported} / ${devtools.named.total} reported (${pct(devtools.named.recall)}).
- Tag occurrences whose technology the notes yield, over all ${devtools.tagsTotal} tags (comparable across catalogs):
  ${pct(devtools.recallAllTags)}.
- Most missed tags: ${top(devtools.missed, 15)}.
- Most frequent reports that are not tags: ${top(devtools.extra, 15)}.
- Tags the catalog does not resolve (most frequent): ${top(devtools.unmapped, 40)}.

**Syntax** (${syntax.shows} shows, ${syntax.links} links). No tag ground truth, so the measure is the links: every site
linked from four or more shows (${syntax.checkedHosts} hosts, a GitHub repository counted as owner/repo) was checked by hand,
and the ones that are a technology's own homepage or docs carry the technology they stand for
(bench/tech-accuracy-syntax-hosts.ts; a vendor with many products stands for all of them: aws.amazon.com is AWS).
Sponsor reads and the hosts' own plugs (a heading that says "sponsor" or "shameless plugs" and what is under it,
"Sponsored by" lines) are adverts, not topics:
their links are left out of the ground truth by a Markdown rule of the benchmark's own, and the product leaves them
out too. Recall: of the (show, technology) pairs where the notes link such a site, the share the page reports.
Precision: of the technologies reported from links to checked hosts, the share that is the linked site's technology
(a checked host that is no technology's site, reported as one, is wrong; a host whose pages are about many
technologies, such as MDN or npm's package pages, is not scored). The catalog entries were chosen for the
four-or-more list, so its recall is no test of generalisation. The second list, sites linked from exactly three shows,
was checked the same way afterwards; it is not a clean held-out set (the frequency list was in view while choosing).

| measure | value |
| --- | --- |
| linked technologies recognised, sites in four or more shows (recall) | ${linked.recognised} / ${linked.total} (${pct(linked.recall)}) |
| … missed because the catalog lacks the technology | ${linked.lackingInCatalog} |
| sites in exactly three shows (recall) | ${heldOut.recognised} / ${heldOut.total} (${pct(heldOut.recall)}) |
| … missed because the catalog lacks the technology | ${heldOut.lackingInCatalog} |
| precision of reports from checked links | ${syntax.linkPrecision.right} / ${syntax.linkPrecision.right + syntax.linkPrecision.wrong} (${pct(syntax.linkPrecision.precision)}) |
| F1 (precision above, recall of four-or-more sites) | ${pct(syntax.f1)} |
| technologies linked only from sponsor reads that the page still reports | ${syntax.sponsorLinked.reported} / ${syntax.sponsorLinked.total} |
| links to GitHub repositories and npm packages recognised as a technology | ${syntax.repositoryLinks.recognised} / ${syntax.repositoryLinks.total} |
| other reports (prose, unchecked hosts; not scored) | ${syntax.otherReports} |

- Linked technologies missed (four or more shows): ${top(linked.missed, 25)}; the catalog lacks: ${top(linked.lacking, 25)}.
- Sites in three shows, missed: ${top(heldOut.missed, 25)}; the catalog lacks: ${top(heldOut.lacking, 25)}.

Both corpora measured in ${seconds} s (rendering included).
`;
}

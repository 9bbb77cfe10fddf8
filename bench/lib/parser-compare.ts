// The parser benchmark's side-by-side section: Stackcast's chapter parser against the npm packages
// get-youtube-chapters and @mtillmann/chapters, on the same renderings of the posts' topics.
import getYoutubeChapters from 'get-youtube-chapters';
import { AutoFormat } from '@mtillmann/chapters';
import { parseChapters } from '../../utils/parse/chapters';
import { ADVERSARIAL_SHAPES } from './adversarial';
import { renderTopics, RENDERINGS, type Post } from './corpus';
import { measure, ms, table } from './timing';
import { exactMatch, startsMatch, type Found } from './parser-cells';

type ChapterParser = { name: string; parse: (text: string) => Found };

/** The three parsers on equal terms: text in, `{start, title}` out, never throwing. */
const PARSERS: ChapterParser[] = [
  { name: 'stackcast parseChapters', parse: (text) => parseChapters(text).chapters },
  { name: 'get-youtube-chapters 2.0', parse: (text) => getYoutubeChapters(text) },
  {
    name: '@mtillmann/chapters 0.2 (AutoFormat)',
    parse: (text) => {
      try {
        return AutoFormat.from(text).chapters.map((chapter) => ({
          start: chapter.startTime,
          title: chapter.title ?? '',
        }));
      } catch {
        // It throws when it does not recognise a format: that is "no chapters found".
        return [];
      }
    },
  },
];

/** Accuracy and speed of each parser on each rendering, seed 000 and 1 MB of adversarial text. */
export function sideBySide(withTopics: Post[], seed: string): string[] {
  const lines: string[] = [];
  // ── Side by side with npm packages ───────────────────────────────────────────────────────────────────
  lines.push('### Side by side with npm packages', '');
  lines.push(
    `Each parser gets the same text: the ${withTopics.length} posts' topics rendered one a line (\`1:45 – Title\`), inline ` +
      '(`Topics Include 1:45 – Title 7:01 – Title`), glued-dash (`1:45 – Title7:01 – Title`, line breaks stripped) and glued ' +
      '(`Timestamps:1:45 Title7:01 Title`, as podcasts.apple.com strips line breaks, nothing left between). ' +
      '"Exact" means every chapter equals the ground truth (start in seconds, title after trimming; two topics at one second ' +
      'count as one chapter naming both, joined with "; ") and there are no extra ones; ' +
      '"starts" only compares the list of start times. get-youtube-chapters is called as documented (`getYoutubeChapters(text)`); ' +
      '@mtillmann/chapters through `AutoFormat.from(text)` (its documented format detection; a thrown "unknown format" counts as no chapters).',
    '',
  );
  const accuracyRows: string[][] = [];
  const misses: string[] = [];
  const speedRows: string[][] = [];
  for (const parser of PARSERS) {
    const accuracy: string[] = [parser.name];
    const speed: string[] = [parser.name];
    for (const rendering of RENDERINGS) {
      const inputs = withTopics.map((post) => ({
        text: renderTopics(post.topics, rendering),
        truth: post.topics,
      }));
      let exact = 0;
      let starts = 0;
      const missed: number[] = [];
      inputs.forEach(({ text, truth }, i) => {
        const found = parser.parse(text);
        if (exactMatch(found, truth)) exact += 1;
        else missed.push(withTopics[i]!.number);
        if (startsMatch(found, truth)) starts += 1;
      });
      if (parser === PARSERS[0] && missed.length > 0)
        misses.push(`${rendering}: ${missed.map((n) => `#${n}`).join(', ')}`);
      accuracy.push(`${exact}/${inputs.length} exact, ${starts}/${inputs.length} starts`);
      const timing = measure(() => inputs.map(({ text }) => parser.parse(text)), { runs: 30 });
      speed.push(ms(timing.median));
    }
    const seedTiming = measure(() => parser.parse(seed), { runs: 30 });
    speed.push(ms(seedTiming.median));
    const adversarial = ADVERSARIAL_SHAPES[0]!.build(1024 * 1024);
    const adversarialTiming = measure(() => parser.parse(adversarial), {
      warmup: 1,
      runs: 5,
      budgetMs: 20_000,
    });
    speed.push(ms(adversarialTiming.median));
    accuracyRows.push(accuracy);
    speedRows.push(speed);
  }
  lines.push(
    '#### Accuracy (posts whose chapters are exactly right)',
    '',
    table(['parser', ...RENDERINGS], accuracyRows),
    '',
    `Posts (episode numbers) stackcast does not get exactly right: ${misses.length > 0 ? misses.join('; ') : 'none'}.`,
    '',
    '#### Speed (median per batch)',
    '',
    table(
      [
        'parser',
        ...RENDERINGS.map((r) => `${withTopics.length} posts, ${r}`),
        'seed 000 whole',
        '1 MB random adversarial',
      ],
      speedRows,
    ),
    '',
  );
  return lines;
}

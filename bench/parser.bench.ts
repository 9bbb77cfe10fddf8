// Parser benchmark: chapter + tech throughput on the corpus and seed 000, linear time on adversarial input,
// and accuracy/speed side by side with the npm packages get-youtube-chapters and @mtillmann/chapters (one section
// a module in bench/lib/parser-*.ts).
import { loadPosts, seed000 } from './lib/corpus';
import { corpusThroughput } from './lib/parser-corpus';
import { seedWhole } from './lib/parser-seed';
import { adversarialInput } from './lib/parser-adversarial';
import { sideBySide } from './lib/parser-compare';

export default async function parserBench(): Promise<string> {
  const out: string[] = ['## Parser: chapters and tech', ''];
  const posts = loadPosts();
  const withTopics = posts.filter((post) => post.topics.length > 0);
  out.push(
    `Inputs come from ../shared at run time: ${posts.length} runninginproduction.com posts (${withTopics.length} with topics), ` +
      'seed 000 (a directory show page). Timings are the median and p95 of repeated runs after warm-up ' +
      '(`bench/lib/timing.ts`), in one Node process.',
    '',
  );
  const seed = seed000();
  out.push(
    ...corpusThroughput(posts),
    ...seedWhole(seed),
    ...adversarialInput(),
    ...sideBySide(withTopics, seed),
  );
  return out.join('\n');
}

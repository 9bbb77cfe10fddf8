// The content script's small scan against the chapter parser, over every show of the three corpora in ../shared
// (read at test time): what the scan links in the rendered notes, given the parser's chapter starts and the
// episode's length as the overlay gives them, is what the parser takes for times there. Where the two differ, the
// listener's ground truth must side with the scan.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { marked } from 'marked';
import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { linkTimestamps, SEEK_ATTRIBUTE } from '@/utils/overlay/page-timestamps';
import { latestSecond } from '@/utils/overlay/page-time-scan';
import { findTimestamps, parseChapters } from '@/utils/parse/chapters';
import { clockSeconds, ripPosts } from '../../fixtures/corpus';
import { CORPUS_DIR } from '../../fixtures/paths';
import { devtoolsShows, syntaxShows } from '../../fixtures/show-notes-corpora';

interface Show {
  name: string;
  markdown: string;
  durationSeconds: number | null;
  /** The topics' seconds as a listener reads them. */
  truth: Set<number>;
}

const BLOCKS = 'p,li,h1,h2,h3,h4,h5,h6,pre,blockquote,td,th,dt,dd,div';

/** A time found in the text as a listener reads it: where, and the second. */
type Time = { index: number; seconds: number };

/** The text nodes of the rendered notes joined as a listener reads them (a line break between blocks). */
function readText(notes: Element, visit: (node: Text, at: number) => void): string {
  const walker = notes.ownerDocument.createTreeWalker(notes, 4);
  let text = '';
  let block: Element | null = null;
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const here = (node as Text).parentElement!.closest(BLOCKS);
    if (here !== block && text !== '') text += '\n';
    block = here;
    visit(node as Text, text.length);
    text += node.nodeValue ?? '';
  }
  return text;
}

/** What the parser takes for times: its chapters where it stamped them, its clickable times elsewhere. */
function parserTimes(text: string, durationSeconds: number | null): Time[] {
  const parsed = parseChapters(text, { durationSeconds });
  const chapterAt = new Map((parsed.stamps ?? []).map((at, i) => [at, parsed.chapters[i]!.start]));
  const latest = latestSecond(durationSeconds);
  return [
    ...findTimestamps(text).filter((time) => !chapterAt.has(time.index)),
    ...[...chapterAt].map(([index, seconds]) => ({ index, seconds })),
  ].filter((time) => time.seconds <= latest);
}

/** What the small scan links in the rendered notes, given what the overlay knows of the episode. */
function scanTimes(show: Show): { text: string; times: Time[]; chapters: number } {
  const html = marked.parse(show.markdown, { async: false });
  const { document } = parseHTML(`<!DOCTYPE html><html><body><article>${html}</article></body></html>`);
  const notes = document.querySelector('article')!;
  const text = readText(notes, () => {});
  const { chapters } = parseChapters(text, { durationSeconds: show.durationSeconds });
  linkTimestamps(notes, {
    durationSeconds: show.durationSeconds,
    chapterStarts: chapters.map((chapter) => chapter.start),
    max: Infinity,
    maxChars: Infinity,
  });
  const times: Time[] = [];
  readText(notes, (node, at) => {
    const seek = node.parentElement!.closest(`[${SEEK_ATTRIBUTE}]`);
    if (!seek || seek.firstChild !== node) return;
    const digit = /\d/.exec(node.nodeValue ?? '');
    if (digit) times.push({ index: at + digit.index, seconds: Number(seek.getAttribute(SEEK_ATTRIBUTE)) });
  });
  return { text, times, chapters: chapters.length };
}

function shows(): Show[] {
  const rip = ripPosts().map((post) => ({
    name: `runninginproduction ${post.category} ${post.number}`,
    markdown: readFileSync(resolve(CORPUS_DIR, 'posts', post.file), 'utf8').replace(
      /^---\n[\s\S]*?\n---\n?/,
      '',
    ),
    durationSeconds: post.duration === null ? null : clockSeconds(post.duration),
    truth: new Set(post.topics.map((topic) => topic.seconds)),
  }));
  const others = [...syntaxShows(), ...devtoolsShows()].map((show) => ({
    name: `${show.corpus} ${show.number}`,
    markdown: show.markdown,
    durationSeconds: null,
    truth: new Set(show.topics.map((topic) => topic.seconds)),
  }));
  return [...rip, ...others];
}

describe('the small scan agrees with the chapter parser on what a time is', () => {
  it('over every show of runninginproduction, Syntax and devtools.fm, the truth siding with the scan where they differ', () => {
    let agreed = 0;
    let parserTotal = 0;
    const differences: string[] = [];
    const unexplained: string[] = [];
    for (const show of shows()) {
      const { text, times, chapters } = scanTimes(show);
      if (chapters < 2) continue; // The overlay links only notes with a chapter list.
      const parser = parserTimes(text, show.durationSeconds);
      parserTotal += parser.length;
      // A parser time reading glued digits starts a digit or two into the cluster the scan read whole.
      const within = (time: Time, scanned: Time) =>
        time.index >= scanned.index && time.index - scanned.index <= 2;
      for (const scanned of times) {
        const other = parser.find((time) => within(time, scanned));
        if (other?.seconds === scanned.seconds) {
          agreed += 1;
          continue;
        }
        const where = JSON.stringify(text.slice(Math.max(0, scanned.index - 20), scanned.index + 20));
        differences.push(
          `${show.name}: scan ${scanned.seconds}, parser ${other?.seconds ?? 'none'} at ${where}`,
        );
        const sides =
          show.truth.has(scanned.seconds) && (other === undefined || !show.truth.has(other.seconds));
        if (!sides) unexplained.push(differences.at(-1)!);
      }
      for (const time of parser) {
        if (times.some((scanned) => within(time, scanned))) continue;
        const where = JSON.stringify(text.slice(Math.max(0, time.index - 20), time.index + 20));
        if (show.truth.has(time.seconds))
          unexplained.push(`${show.name}: parser only ${time.seconds} at ${where}`);
      }
    }
    expect(unexplained).toEqual([]);
    expect(parserTotal).toBeGreaterThan(10_000);
    expect(agreed / parserTotal, differences.slice(0, 10).join('\n')).toBeGreaterThanOrEqual(0.999);
  }, 240_000);
});

// Syntax (650 shows, three eras of formats, frame timecodes) and devtools.fm (175 pages: a SECTIONS list beside a
// transcript) from ../shared, read at test time: every shape a listener meets them in, against their ground truth.
import { describe, expect, it } from 'vitest';
import { parseChapters, renderNotes } from '@/utils/parse/chapters';
import { scanPage } from '@/utils/sites/scan';
import {
  devtoolsShows,
  scoreCorpus,
  SHAPES,
  showInShape,
  syntaxShows,
  type CorpusShow,
  type Shape,
} from '../../fixtures/show-notes-corpora';

function read(show: CorpusShow, shape: Shape): Array<{ start: number; title: string }> {
  const input = showInShape(show, shape);
  const parsed =
    typeof input === 'string'
      ? parseChapters(input)
      : parseChapters(renderNotes(input.querySelector('article')!));
  return parsed.chapters;
}

const corpora = [
  ['Syntax', syntaxShows()],
  ['devtools.fm', devtoolsShows()],
] as const;

describe.each(corpora)('%s', (_name, shows) => {
  it.each(SHAPES)(
    'reads the notes as %s with full F1 of at least 0.98 (starts for topics under a lone stamp)',
    (shape) => {
      const score = scoreCorpus(shows, shape, (show) => read(show, shape));
      expect(score.shows).toBeGreaterThan(100);
      expect(score.fullF1, `worst: ${score.misses.slice(0, 8).join(', ')}`).toBeGreaterThanOrEqual(0.98);
      expect(score.startF1).toBeGreaterThanOrEqual(score.fullF1);
      expect(score.fromTranscript).toBe(0);
    },
  );

  it('reads the page through the site scan (the generic adapter) as well', () => {
    const score = scoreCorpus(shows, 'page', (show) => {
      const page = showInShape(show, 'page');
      const url = page.querySelector('link[rel=canonical]')!.getAttribute('href')!;
      return scanPage(page, url).flatMap((detected) => detected.episode.chapters);
    });
    expect(score.fullF1, `worst: ${score.misses.slice(0, 8).join(', ')}`).toBeGreaterThanOrEqual(0.98);
    expect(score.fromTranscript).toBe(0);
  });
});

describe('devtools.fm transcripts', () => {
  it('has transcripts whose stamps the notes do not hold', () => {
    const shows = devtoolsShows();
    expect(shows.filter((show) => show.transcriptOnly.size > 0).length).toBeGreaterThan(60);
  });

  it('takes no utterance stamp as a chapter, in any shape of the whole page', () => {
    for (const shape of ['markdown', 'page'] as const) {
      expect(scoreCorpus(devtoolsShows(), shape, (show) => read(show, shape)).fromTranscript).toBe(0);
    }
  });
});

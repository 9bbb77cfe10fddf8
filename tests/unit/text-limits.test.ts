// truncateText: the one way text is shortened, never splitting a character.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { parseHTML } from 'linkedom';
import { truncateText } from '@/utils/text-limits';
import { parseEpisodeReading } from '@/utils/sites/episode-parse';
import type { EpisodeReading } from '@/utils/sites/reading';
import { cleanLabel, MAX_LABEL_LENGTH } from '@/utils/sites/values';
import { elementText } from '@/utils/sites/fields';
import { clip } from '@/components/panel-limits';
import { toReportable } from '@/utils/overlay/report';
import { nodeToText } from '@/utils/parse/text';
import { markupToText } from '@/utils/sites/notes-markup';

const isWellFormed = (text: string) =>
  !/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/.test(text);
const graphemeStarts = (text: string) =>
  new Set(
    [...new Intl.Segmenter(undefined, { granularity: 'grapheme' }).segment(text)]
      .map((s) => s.index)
      .concat(text.length),
  );

/** Text of every kind of character: emoji sequences, combining marks, flags, lone surrogates. */
const text = fc.oneof(
  fc.string({ unit: 'grapheme', maxLength: 300 }),
  fc.string({ unit: 'grapheme-composite', maxLength: 300 }),
  fc.string({ unit: 'binary', maxLength: 300 }),
  fc
    .array(fc.constantFrom('a', '😀', '👩‍💻', '🏳️‍🌈', 'e\u0301', '🇫🇷', '\ud800', '\udfff', ' '), {
      maxLength: 120,
    })
    .map((parts) => parts.join('')),
);

describe('truncateText', () => {
  it('returns text within the limit unchanged (the same string)', () => {
    const text = 'Deploys with Kamal 🚀';
    expect(truncateText(text, text.length)).toBe(text);
    expect(truncateText('', 0)).toBe('');
  });

  it('never splits a surrogate pair: a title cut at 2,000 units keeps no half emoji', () => {
    const title = 'c'.repeat(1_999) + '😀';
    const cut = truncateText(title, 2_000);
    expect(cut).toBe('c'.repeat(1_999));
    expect(JSON.stringify(cut)).not.toMatch(/\\ud83d/);
  });

  it('keeps an emoji sequence or an accented letter whole, or leaves it out whole', () => {
    expect(truncateText('ab👩‍💻cd', 5)).toBe('ab');
    expect(truncateText('ab👩‍💻cd', 7)).toBe('ab👩‍💻');
    expect(truncateText('cafe\u0301!', 4)).toBe('caf');
    expect(truncateText('🇫🇷🇩🇪', 6)).toBe('🇫🇷');
  });

  it('fits the ellipsis inside the limit', () => {
    expect(truncateText('Deploys with Kamal', 10, '…')).toBe('Deploys w…');
    expect(truncateText('ccc😀d', 5, '…')).toBe('ccc…');
  });

  it('gives a prefix within the limit, well formed when the input is, ending on a grapheme boundary', () => {
    fc.assert(
      fc.property(text, fc.nat(320), (text, max) => {
        const cut = truncateText(text, max);
        expect(cut.length).toBeLessThanOrEqual(max);
        expect(text.startsWith(cut)).toBe(true);
        if (isWellFormed(text)) {
          expect(isWellFormed(cut)).toBe(true);
          // Clusters are short here: the cut is a grapheme boundary, and the longest one within the limit.
          const starts = graphemeStarts(text);
          expect(starts.has(cut.length)).toBe(true);
          if (text.length > max) expect([...starts].some((at) => at > cut.length && at <= max)).toBe(false);
        }
      }),
      { numRuns: 500 },
    );
  });
});

describe('every place that shortens page text uses it', () => {
  const emojiAt = (units: number) => 'c'.repeat(units - 1) + '😀 and more';
  const wellFormed = (text: string | null | undefined) => expect(isWellFormed(text ?? '')).toBe(true);

  it('titles and podcast names of a parsed episode (the CLI printed "ccc\\ud83c")', () => {
    const reading: EpisodeReading = {
      id: 'https://example.com/ep/1',
      title: emojiAt(2_000),
      podcast: emojiAt(2_000),
      date: null,
      url: 'https://example.com/ep/1',
      audioUrl: null,
      durationSeconds: null,
      notes: { text: `0:00 ${emojiAt(2_000)}\n1:45 Overview`, marks: [] },
      tech: { kind: 'notes' },
      hints: {},
    };
    const episode = parseEpisodeReading(reading)!;
    expect(episode.title).toBe('c'.repeat(1_999));
    expect(episode.podcast).toBe('c'.repeat(1_999));
    for (const chapter of episode.chapters) wellFormed(chapter.title);
  });

  it('notes text read from the page up to its cap', () => {
    const notes = parseHTML(`<div><p>${emojiAt(100)}</p></div>`).document.querySelector('div')!;
    expect(nodeToText(notes, { maxChars: 100 })).toBe('c'.repeat(99));
    expect(markupToText(emojiAt(400_000))).toBe('c'.repeat(399_999));
  });

  it('labels, element text, the overlay’s clip and the tab report', () => {
    wellFormed(cleanLabel(emojiAt(MAX_LABEL_LENGTH - 1)));
    expect(cleanLabel(emojiAt(MAX_LABEL_LENGTH - 1))).toBe('c'.repeat(MAX_LABEL_LENGTH - 2) + '…');
    const element = parseHTML(`<p>${emojiAt(20_000)}</p>`).document.querySelector('p');
    expect(elementText(element)).toBe('c'.repeat(19_999));
    expect(clip(emojiAt(199), 200)).toBe('c'.repeat(198) + '…');
    const report = toReportable({
      id: 'x',
      title: emojiAt(2_000),
      podcast: emojiAt(2_000),
      date: null,
      durationSeconds: null,
      url: null,
      audioUrl: null,
      chapters: [{ start: 0, title: emojiAt(2_000) }],
      chapterConfidence: 1,
      tech: [{ slug: 's', name: emojiAt(120), category: 'other', source: 'tag' }],
    });
    for (const text of [report.title, report.podcast, report.chapters[0]!.title, report.tech[0]!.name])
      wellFormed(text);
    // The tab report stays within the message schema: a date of another form is left out, not the report.
    expect(toReportable({ ...report, date: 'May 1, 2024' }).date).toBeNull();
    expect(toReportable({ ...report, date: '2024-05-01' }).date).toBe('2024-05-01');
  });
});

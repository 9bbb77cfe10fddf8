// The parser benchmark's seed 000 section: a directory show page's text and listing against the 10 ms target.
import { parseChapters } from '../../utils/parse/chapters';
import { extractTech, techInputFromText } from '../../utils/tech/extract';
import { scanPage } from '../../utils/sites/scan';
import { renderSeedListing, seedEpisodes } from './corpus';
import { measure, table, type Timing } from './timing';
import { cells, kb, parseDocument } from './parser-cells';

/** Seed 000 whole and block by block, as text and as an HTML listing. */
export function seedWhole(seed: string): string[] {
  const lines: string[] = [];
  // ── Seed 000 ─────────────────────────────────────────────────────────────────────────────────────────
  const blocks = seedEpisodes(seed);
  const listing = renderSeedListing(blocks);
  const listingDocument = parseDocument(listing);
  const listingUrl = new URL('https://podcasts.example.com/show/running-in-production');
  const seedWhole = measure(() => [parseChapters(seed), extractTech(techInputFromText(seed))]);
  const seedChaptersWhole = measure(() => parseChapters(seed));
  const seedBlocks = measure(() =>
    blocks.map((block) => [
      parseChapters(block.description),
      extractTech(techInputFromText(`${block.title}\n${block.description}`)),
    ]),
  );
  const seedScan = measure(() => scanPage(listingDocument, listingUrl));
  const seedParseScan = measure(() => scanPage(parseDocument(listing), listingUrl), { runs: 20 });
  const blockChapters = blocks.map((block) => parseChapters(block.description).chapters.length);
  const scannedSeed = scanPage(listingDocument, listingUrl);
  const scannedChapters = scannedSeed.reduce((sum, found) => sum + found.episode.chapters.length, 0);
  const wholeChapters = parseChapters(seed).chapters.length;
  const target = (timing: Timing) => (timing.median <= 10 ? 'meets ≤ 10 ms' : '**misses ≤ 10 ms**');

  lines.push('### Seed 000 whole', '');
  lines.push(
    `${kb(seed.length)} of text, ${blocks.length} episode blocks (${blockChapters.reduce((a, b) => a + b, 0)} chapters found over the blocks, ` +
      `${blockChapters.filter((n) => n > 0).length} blocks with chapters). The HTML listing (${kb(listing.length)}, built by bench/lib/corpus.ts: ` +
      `one \`<li>\` per episode with duration, date, title and notes) scanned with the generic adapter found ${scannedSeed.length} episodes and ${scannedChapters} chapters.`,
    '',
    table(
      ['work', 'median', 'p95', 'min', 'target'],
      [
        ['parseChapters over the whole text', ...cells(seedChaptersWhole), target(seedChaptersWhole)],
        [
          `chapters + tech over the whole text (${wholeChapters} chapters)`,
          ...cells(seedWhole),
          target(seedWhole),
        ],
        [
          `chapters + tech over each of the ${blocks.length} blocks`,
          ...cells(seedBlocks),
          target(seedBlocks),
        ],
        ['scanPage over the HTML listing (parsed once)', ...cells(seedScan), target(seedScan)],
        ['linkedom parseHTML + scanPage over the listing', ...cells(seedParseScan), '(includes DOM parsing)'],
      ],
    ),
    '',
  );
  return lines;
}

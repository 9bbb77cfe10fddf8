// Shortening text to a length limit without breaking a character: every place that cuts user-visible text
// (titles, names, notes) goes through here, so no output ever carries half an emoji or a lone surrogate.

/** How far back from the cut a grapheme search looks; a longer cluster is cut on a code point boundary. */
const GRAPHEME_WINDOW = 64;

let segmenter: Intl.Segmenter | null | undefined;

/** One shared grapheme segmenter (its construction is not free), or null where Intl.Segmenter is missing. */
function graphemes(): Intl.Segmenter | null {
  if (segmenter === undefined) {
    segmenter =
      typeof Intl !== 'undefined' && typeof Intl.Segmenter === 'function'
        ? new Intl.Segmenter(undefined, { granularity: 'grapheme' })
        : null;
  }
  return segmenter;
}

const isHighSurrogate = (code: number) => code >= 0xd800 && code <= 0xdbff;
const isLowSurrogate = (code: number) => code >= 0xdc00 && code <= 0xdfff;

/** The largest cut ≤ `end` that does not fall between the two halves of a surrogate pair. */
function codePointCut(text: string, end: number): number {
  if (end <= 0) return 0;
  return isHighSurrogate(text.charCodeAt(end - 1)) && isLowSurrogate(text.charCodeAt(end)) ? end - 1 : end;
}

/**
 * The largest grapheme boundary ≤ `end`, found by segmenting only the window before it (the text after
 * the cut matters by one code point), or null when that window holds none (one cluster longer than it).
 */
function graphemeCut(text: string, end: number, segments: Intl.Segmenter): number | null {
  const from = codePointCut(text, Math.max(0, end - GRAPHEME_WINDOW));
  // Where the window starts inside the text, its first segment's start is not known to be a boundary.
  let cut: number | null = from === 0 ? 0 : null;
  for (const { index } of segments.segment(text.slice(from, Math.min(text.length, end + 2)))) {
    if (from + index > end) break;
    if (index > 0) cut = from + index;
  }
  return cut;
}

/**
 * `text` shortened to at most `maxUnits` UTF-16 code units, cut on a grapheme boundary (where
 * Intl.Segmenter exists, else on a code point boundary): never half a surrogate pair, and an emoji with
 * its modifiers or a letter with its accents is kept whole or left out whole. Text within the limit is
 * returned as it is. With `ellipsis`, a cut text ends with it and the whole still fits `maxUnits`.
 * @example
 * truncateText('ccc😀', 4) // 'ccc'
 * truncateText('Deploys with Kamal', 10, '…') // 'Deploys w…'
 */
export function truncateText(text: string, maxUnits: number, ellipsis = ''): string {
  if (text.length <= maxUnits) return text;
  const room = Math.max(0, maxUnits - ellipsis.length);
  const segments = graphemes();
  const cut = (segments && graphemeCut(text, room, segments)) ?? codePointCut(text, room);
  return text.slice(0, cut) + ellipsis;
}

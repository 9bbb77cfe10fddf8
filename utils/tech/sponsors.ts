// Sponsor reads in show notes: "Episode sponsored by Raycast (https://raycast.com)", "## Sentry - Sponsor" and the
// paragraphs under it, "02:00 Brought to you by Sentry.", and the hosts' own "Shameless Plugs". An advert is not what
// the episode talks about, so its names and links are not technologies of the episode. Decided by the wording and
// structure of the notes, whatever the podcast.

/** Mentions "sponsor", "brought to you" or "shameless": the cheap test that spares every other line the full pattern. */
const MAY_BE_SPONSOR = /ponsor|rought to you|hameless/i;

/**
 * A line or block that is a sponsor credit: it starts by saying so ("Sponsored by", "This episode is brought to you
 * by", "Sponsors:"), or ends by labelling what it names as a sponsor ("Sentry - Sponsor", "LogRocket (sponsor)").
 */
const SPONSOR_CREDIT =
  /^[^\p{L}\p{N}]*(?:\d{1,2}(?::\d{2}){1,2}[^\p{L}\p{N}]*)?(?:(?:this|today['’]?s|the|our)\s+)?(?:(?:episode|show|podcast)\s+)?(?:is\s+|was\s+)?(?:(?:proudly|kindly|generously)\s+)?(?:sponsored\s+by|brought\s+to\s+you\s+by|sponsors?\s*:)|[-–—(|:]\s*(?:episode\s+|show\s+)?sponsor(?:ed)?\)?\s*$/iu;

/**
 * A heading that names a sponsor section ("Sponsors", "Sentry - Sponsor", "Thanks to our sponsors") or the hosts'
 * own adverts ("Shameless Plugs": their courses and products, whatever technology those are about).
 */
const SPONSOR_HEADING = /\b(?:sponsor(?:s|ed|ship)?|shameless\s+plug[sz]?)\b/iu;

/** Blocks too long to be one credit: a whole page of notes in one paragraph must not be dropped for its first line. */
const MAX_CREDIT_CHARS = 600;

const HEADING_LEVEL: Readonly<Record<string, number>> = { H1: 1, H2: 2, H3: 3, H4: 4, H5: 5, H6: 6 };

/**
 * Whether one line of plain notes is a sponsor credit.
 * @example isSponsorLine('Episode sponsored By Raycast (https://www.raycast.com/)') // true
 */
export function isSponsorLine(line: string): boolean {
  return MAY_BE_SPONSOR.test(line) && SPONSOR_CREDIT.test(line.trim());
}

function textOf(node: Node): string {
  return (node.textContent ?? '').replace(/\s+/gu, ' ').trim();
}

/**
 * The elements of a notes node that are sponsor reads: credit paragraphs and list items, and each sponsor heading with
 * the siblings after it up to the next heading of the same or a higher level.
 * @example sponsorElements(article) // [<h2>Sentry - Sponsor</h2>, <p>If you want to know what's happening…</p>]
 */
export function sponsorElements(root: ParentNode & Node): Element[] {
  if (!MAY_BE_SPONSOR.test(root.textContent ?? '')) return [];
  const found: Element[] = [];
  for (const element of Array.from(root.querySelectorAll('h1, h2, h3, h4, h5, h6, p, li, dt, dd'))) {
    const text = textOf(element);
    if (text.length > MAX_CREDIT_CHARS || !MAY_BE_SPONSOR.test(text)) continue;
    const level = HEADING_LEVEL[element.tagName.toUpperCase()];
    if (level === undefined) {
      if (SPONSOR_CREDIT.test(text)) found.push(element);
      continue;
    }
    if (!SPONSOR_HEADING.test(text)) continue;
    found.push(element);
    for (let sibling = element.nextElementSibling; sibling !== null; sibling = sibling.nextElementSibling) {
      const siblingLevel = HEADING_LEVEL[sibling.tagName.toUpperCase()];
      if (siblingLevel !== undefined && siblingLevel <= level) break;
      found.push(sibling);
    }
  }
  return found;
}

// The area around a block of timestamps: how far its notes reach, the episode it belongs to, what precedes it.

export const HEADING = 'h1, h2, h3, h4, h5, h6, [role="heading"]';
const HEADING_TAG = /^H[1-6]$/i;

export function isHeading(element: Element): boolean {
  return HEADING_TAG.test(element.tagName) || element.getAttribute('role') === 'heading';
}

/** How many blocks each ancestor holds, to know how far an episode's area can grow. */
export function blockCounts(blocks: Element[], top: Element): Map<Element, number> {
  const counts = new Map<Element, number>();
  for (const block of blocks) {
    for (let node: Element | null = block; node && node !== top; node = node.parentElement) {
      counts.set(node, (counts.get(node) ?? 0) + 1);
    }
  }
  return counts;
}

/** Grows a block to the show notes around it (an intro paragraph beside a topics list), never past a heading. */
export function widenNotes(block: Element, top: Element, counts: Map<Element, number>): Element {
  let notes = block;
  // Measured only when a parent passes the cheap checks: the text of a page-sized block is costly to read.
  let blockLength = -1;
  for (let depth = 0; depth < 4; depth += 1) {
    const parent = notes.parentElement;
    if (!parent || parent === top || (counts.get(parent) ?? 0) > 1) break;
    if (parent.querySelector(HEADING)) break;
    if (blockLength < 0) blockLength = (block.textContent ?? '').length;
    if ((parent.textContent ?? '').length > blockLength * 3 + 3_000) break;
    notes = parent;
  }
  return notes;
}

/** The episode's area: the largest ancestor holding no other episode's notes. */
export function episodeRoot(notes: Element, top: Element, counts: Map<Element, number>): Element {
  let root = notes;
  for (let depth = 0; depth < 12; depth += 1) {
    const parent = root.parentElement;
    if (!parent || parent === top || (counts.get(parent) ?? 0) > 1) break;
    root = parent;
  }
  return root;
}

/** Elements before `notes` that belong to it in a flat layout: back to (and including) the nearest heading. */
export function precedingContext(notes: Element, counts: Map<Element, number>): Element[] {
  const out: Element[] = [];
  for (let node = notes.previousElementSibling; node && out.length < 8; node = node.previousElementSibling) {
    if ((counts.get(node) ?? 0) > 0) break;
    out.unshift(node);
    if (isHeading(node) || node.querySelector(HEADING)) break;
  }
  return out;
}

/** The smallest element holding every block (`top` when only the page holds them all). */
export function commonAncestor(blocks: Element[], top: Element): Element {
  let common: Element | null = blocks[0] ?? top;
  for (const block of blocks.slice(1)) {
    while (common && common !== top && !common.contains(block)) common = common.parentElement;
  }
  return common ?? top;
}

// Finding show-notes blocks on any page: the smallest elements holding several timestamps.

/** Elements whose text is never show notes. */
const SKIPPED_TAGS = new Set([
  'SCRIPT',
  'STYLE',
  'NOSCRIPT',
  'TEMPLATE',
  'SVG',
  'IFRAME',
  'OBJECT',
  'AUDIO',
  'VIDEO',
  'BUTTON',
  'SELECT',
  'TEXTAREA',
  'INPUT',
  'HEAD',
  'CANVAS',
]);

/** A clock time: `1:45`, `01:02:03`, not part of a longer run of digits and colons. */
const TIMESTAMP = /(?<![\d:.])(?:\d{1,2}:)?\d{1,2}:\d{2}(?![\d:])/g;
/** Player readouts such as `0:00 / 23:59` are not show notes. */
const READOUT = /(?:\d{1,2}:)?\d{1,2}:\d{2}\s*\/\s*(?:\d{1,2}:)?\d{1,2}:\d{2}/g;

/**
 * Text read by default before the walk stops counting: bounds the cost on a huge page, yet leaves room
 * for a megabyte of hostile text (a giant title) before the real notes.
 */
export const MAX_TEXT_CHARS = 3_000_000;

export interface BlockLimits {
  /** Stop reading text after this many characters (huge pages). */
  maxTextChars?: number;
  /** Stop after this many elements visited. */
  maxElements?: number;
  /** At most this many blocks. */
  maxBlocks?: number;
}

/** How many timestamps a piece of text holds, not counting player readouts. */
export function countTimestamps(text: string): number {
  if (text.indexOf(':') < 0) return 0;
  // A readout has a slash: text without one has none to remove.
  const withoutReadouts = text.indexOf('/') < 0 ? text : text.replace(READOUT, ' ');
  let count = 0;
  TIMESTAMP.lastIndex = 0;
  while (TIMESTAMP.exec(withoutReadouts)) count += 1;
  return count;
}

/** Class or id words of a media player's controls, whose times are readouts (`00:19` … `14:38`). */
const PLAYER_PART =
  /(?:^|[\s_-])(?:player|controls?|seek|seekbar|progress|timebar|scrubber|playback|track-info-time)(?:$|[\s_-])/i;

/**
 * The text of an element with a space between its text nodes: minified list items (`<li>03:43 A.</li><li>05:44
 * B.</li>`) must not glue into `A.05:44`, which no longer reads as a time.
 */
function spacedText(element: Element, maxChars: number): string {
  const parts: string[] = [];
  let length = 0;
  const stack: Node[] = [element];
  while (stack.length > 0 && length < maxChars) {
    const node = stack.pop()!;
    if (node.nodeType === 3) {
      const text = node.nodeValue ?? '';
      parts.push(text);
      length += text.length + 1;
    } else if (node.nodeType === 1) {
      for (let child = node.lastChild; child !== null; child = child.previousSibling) stack.push(child);
    }
  }
  return parts.join(' ').slice(0, maxChars);
}

/** Letters a player's readout may hold beside its times (`Play`, `1×`, `Volume`); show notes have titles. */
const READOUT_LETTERS = 40;

/** Whether a block is a player's time readout rather than show notes. */
function isPlayerReadout(block: Element): boolean {
  let inPlayer = false;
  for (
    let node: Element | null = block, depth = 0;
    node && depth < 4;
    node = node.parentElement, depth += 1
  ) {
    if (PLAYER_PART.test(`${node.getAttribute('class') ?? ''} ${node.id}`)) inPlayer = true;
  }
  // A player's own show-notes pane (`player-shownotes`) is named after the player too: it has words.
  if (inPlayer)
    return ((block.textContent ?? '').slice(0, 5_000).match(/\p{L}/gu)?.length ?? 0) <= READOUT_LETTERS;
  // Times split across spans (`00:10`, `/56:20`) only show up as a readout in the whole text.
  return countTimestamps(spacedText(block, 50_000)) < 2;
}

function isSkipped(element: Element): boolean {
  return (
    SKIPPED_TAGS.has(element.tagName.toUpperCase()) ||
    element.getAttribute('aria-hidden') === 'true' ||
    element.hasAttribute('data-stackcast')
  );
}

/**
 * The smallest elements under `root` with at least `minimum` timestamps in their text: a topics list,
 * a paragraph of inline topics, a `<pre>`. Iterative (no recursion) and bounded for hostile pages.
 * @example timestampBlocks(document.body).length // ≈ 50 on a directory's show page
 */
export function timestampBlocks(root: Element, minimum = 2, limits: BlockLimits = {}): Element[] {
  const maxText = limits.maxTextChars ?? MAX_TEXT_CHARS;
  const maxElements = limits.maxElements ?? 200_000;
  const maxBlocks = limits.maxBlocks ?? 500;
  const counts = new Map<Element, number>();
  const blocks: Element[] = [];
  let textRead = 0;
  let visited = 0;
  // Post-order walk with an explicit stack of elements, each flagged once its children are pushed; children are
  // read through sibling links (no array of them per element), the same ones twice as the walk changes nothing.
  const stack: Element[] = [root];
  const expanded: boolean[] = [false];
  while (stack.length > 0) {
    const top = stack.length - 1;
    const element = stack[top]!;
    if (!expanded[top]) {
      visited += 1;
      if (visited > maxElements) break;
      expanded[top] = true;
      for (let child = element.lastChild; child !== null; child = child.previousSibling) {
        if (child.nodeType === 1 && !isSkipped(child as Element)) {
          stack.push(child as Element);
          expanded.push(false);
        }
      }
      continue;
    }
    stack.pop();
    expanded.pop();
    let own = 0;
    let fromChildren = 0;
    let childIsBlock = false;
    for (let node = element.firstChild; node !== null; node = node.nextSibling) {
      if (node.nodeType === 3 && textRead < maxText) {
        const text = node.nodeValue ?? '';
        textRead += text.length;
        own += countTimestamps(text.length > 200_000 ? text.slice(0, 200_000) : text);
      } else if (node.nodeType === 1) {
        const childCount = counts.get(node as Element) ?? 0;
        fromChildren += childCount;
        if (childCount >= minimum) childIsBlock = true;
      }
    }
    const total = own + fromChildren;
    if (total > 0) counts.set(element, total);
    if (total >= minimum && !childIsBlock) {
      // A readout is no block, yet its ancestors still see a block below them: they do not become blocks on its times.
      if (isPlayerReadout(element)) continue;
      blocks.push(element);
      if (blocks.length >= maxBlocks) break;
    }
  }
  // Blocks never nest, so post-order already lists them in document order.
  return blocks;
}

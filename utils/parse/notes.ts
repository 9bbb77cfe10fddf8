// Show notes rendered for the chapter parser: the text, and the times their links carry. The page reads notes with
// this alone, so the content script ships the renderer and not the parser (tests/unit/content-script-bundle.test.ts).
import { linkSeconds } from './chapters-links';
import { renderNodeText, type TextLimits, type TextMark } from './text';

/** Show notes rendered to text, with the seconds each time-carrying link (`#t=105`) spans: plain data. */
export interface RenderedNotes {
  text: string;
  marks: TextMark<number>[];
}

/**
 * Render a show-notes node for the chapter parser: its text, and where each link carrying a time sits in it.
 * @example renderNotes(li) // { text: '1:45 – Overview', marks: [{ start: 0, end: 4, value: 105 }] }
 */
export function renderNotes(node: Node, limits: TextLimits = {}): RenderedNotes {
  return renderNodeText(node, (element) => linkSeconds(element), limits);
}

// Show notes that arrive as an HTML string inside JSON (Podbay, feeds): turned into lines of text without parsing HTML.
import { truncateText } from '../text-limits';

const BLOCK_END = /<\s*(?:br|\/p|\/li|\/h[1-6]|\/div|\/tr)\s*\/?>/gi;
const TAG = /<[^>]{0,2000}>/g;
const ENTITIES: Record<string, string> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  nbsp: ' ',
  ndash: '–',
  mdash: '—',
};

/**
 * Lines of text from an HTML fragment: block ends become line breaks, tags are dropped, common entities
 * decoded. The result is only ever parsed as text, never rendered as HTML.
 * @example markupToText('<p>1:45 – Intro</p><p>7:01 – Next</p>') // '1:45 – Intro\n7:01 – Next'
 */
export function markupToText(markup: string): string {
  return truncateText(markup, 400_000)
    .replace(BLOCK_END, '\n')
    .replace(TAG, '')
    .replace(/&(#x?[0-9a-f]+|[a-z]+);/gi, (entity, name: string) => {
      if (name.startsWith('#')) {
        const code =
          name[1]?.toLowerCase() === 'x' ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10);
        return Number.isFinite(code) && code > 0 && code < 0x110000 ? String.fromCodePoint(code) : entity;
      }
      return ENTITIES[name.toLowerCase()] ?? entity;
    })
    .replace(/[ \t]+\n/g, '\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

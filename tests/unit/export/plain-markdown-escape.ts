// The Markdown escaping rule written plainly, with no shortcut: fold to one line, backslash every Markdown
// special, defuse autolinks, escape a leading list marker. markdownEscape must give exactly this.
import { defuseAutolinks, oneLine } from '@/utils/export/escape';

export function plainMarkdownEscape(text: string): string {
  const escaped = defuseAutolinks(oneLine(text).replace(/[\\`*_{}[\]()<>#+!|~&]/g, (char) => `\\${char}`));
  return escaped.replace(/^(\d+)([.)])/, '$1\\$2').replace(/^([-=])/, '\\$1');
}

// House rule: a source file holds one job and stays under 300 lines; only the parser may be longer (its scanning
// and selection rules read best in one place). A file that grows past the limit is split by job, named from the
// domain, instead of raising the limit here.
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = resolve(import.meta.dirname, '../..');
const MAX_LINES = 300;
/** Where the product, the command, the benchmarks and the build scripts live. */
const SOURCE_DIRS = ['utils', 'components', 'entrypoints', 'cli', 'bench', 'scripts', 'bin'];
const SOURCE_FILE = /\.(?:ts|tsx|js|mjs)$/;

/** The parser: chapters and text (utils/parse), and the technology scan's tokens, cues and claim rules. */
const PARSER_FILES = [
  /^utils\/parse\/chapters[\w-]*\.ts$/,
  /^utils\/parse\/text\.ts$/,
  /^utils\/tech\/(?:claims|cues|tokenize)\.ts$/,
];

function sourceFiles(dir: string): string[] {
  let entries;
  try {
    entries = readdirSync(dir, { withFileTypes: true });
  } catch {
    return [];
  }
  return entries.flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === 'node_modules' ? [] : sourceFiles(path);
    return SOURCE_FILE.test(entry.name) ? [path] : [];
  });
}

/** Lines as `wc -l` counts them (a final line without a newline still counts). */
function lineCount(path: string): number {
  const text = readFileSync(path, 'utf8');
  return text.split('\n').length - (text.endsWith('\n') ? 1 : 0);
}

describe('file size', () => {
  const files = SOURCE_DIRS.flatMap((dir) => sourceFiles(join(ROOT, dir))).map((path) => ({
    name: relative(ROOT, path).split('\\').join('/'),
    lines: lineCount(path),
  }));

  it('reads the source tree', () => {
    expect(files.some((file) => file.name === 'entrypoints/content/index.ts')).toBe(true);
    expect(files.some((file) => file.name === 'utils/parse/chapters-scan.ts')).toBe(true);
  });

  it(`keeps every source file but the parser's at ${MAX_LINES} lines or fewer`, () => {
    const long = files
      .filter((file) => file.lines > MAX_LINES && !PARSER_FILES.some((parser) => parser.test(file.name)))
      .map((file) => `${file.name} (${file.lines} lines)`);
    expect(long).toEqual([]);
  });
});

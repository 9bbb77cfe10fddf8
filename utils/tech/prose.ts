// Finds technologies named in prose: one scan over the tokens against the catalog's alias index, then
// context rules for names that are also everyday words ("let go of" is not Go, "Phoenix, Arizona" is not Phoenix).
import type { Technology } from '@/utils/tech/catalog';
import { GAP_BREAK, GAP_LINE, GAP_LIST, type TokenTable } from '@/utils/tech/tokenize';
import { claimedMentions } from './claims';
import { LIST_CONNECTORS, NAME_START, namesStartingAt, scanTechTokens, wordClasses } from './words';

/** Words within this many tokens of an ambiguous name can vouch for it. */
const CONTEXT_WINDOW = 5;

interface Candidate {
  readonly tech: Technology;
  readonly start: number;
  /** Exclusive token index. */
  readonly end: number;
  /** null: still needs evidence; true: accepted; false: rejected. */
  verdict: boolean | null;
}

/** A technology named in prose, with where its first mention starts in the text. */
export interface TextMention {
  readonly tech: Technology;
  readonly offset: number;
}

function matchAt(tokens: TokenTable, i: number): Candidate | undefined {
  if (i >= tokens.length) return undefined;
  const entries = namesStartingAt(tokens, i);
  if (entries === undefined) return undefined;
  for (const entry of entries) {
    const length = entry.tokens.length;
    if (i + length > tokens.length) continue;
    let matches = true;
    let cased = false;
    for (let k = 0; k < length; k++) {
      const gap = tokens.gaps[i + k]!;
      // A name never spans a sentence or line break ("…in Go. Rust…" is not one name).
      if (tokens.norm(i + k) !== entry.tokens[k] || (k > 0 && (gap === GAP_BREAK || gap === GAP_LINE))) {
        matches = false;
        break;
      }
      cased ||= tokens.cased(i + k);
    }
    if (!matches) continue;
    return {
      tech: entry.tech,
      start: i,
      end: i + length,
      verdict: firstVerdict(entry.tech, entry.ambiguous, cased, tokens, i, i + length),
    };
  }
  return undefined;
}

function firstVerdict(
  tech: Technology,
  ambiguousSpelling: boolean,
  cased: boolean,
  tokens: TokenTable,
  start: number,
  end: number,
): boolean | null {
  const rule = tech.ambiguous;
  if (!ambiguousSpelling || rule === undefined) return true;
  if (!cased) return false;
  if (rule === 'case') return true;
  if (rule.not !== undefined && rule.not.length > 0) {
    // The word right before (unless the name starts a line) or right after (unless it starts one) vetoes it.
    const vetoes = (k: number, gapAt: number) =>
      k >= 0 &&
      k < tokens.length &&
      gapAt < tokens.length &&
      tokens.gaps[gapAt] !== GAP_LINE &&
      rule.not!.includes(tokens.norm(k));
    if (vetoes(start - 1, start) || vetoes(end, end)) return false;
  }
  if ((rule.context?.length ?? 0) === 0 && (rule.related?.length ?? 0) === 0) return true;
  return hasContextWord(rule.context ?? [], tokens, start, end) ? true : null;
}

function hasContextWord(context: readonly string[], tokens: TokenTable, start: number, end: number): boolean {
  if (context.length === 0) return false;
  // Look back, then ahead, without crossing a line break (each topic line is its own statement).
  for (let k = start - 1; k >= Math.max(0, start - CONTEXT_WINDOW); k--) {
    if (context.includes(tokens.norm(k))) return true;
    if (tokens.gaps[k] === GAP_LINE) break;
  }
  for (let k = end; k < Math.min(tokens.length, end + CONTEXT_WINDOW); k++) {
    if (tokens.gaps[k] === GAP_LINE) break;
    if (context.includes(tokens.norm(k))) return true;
  }
  return false;
}

/** Two candidates are neighbours in a list when only separators or one connector word lie between them. */
function areListNeighbours(left: Candidate, right: Candidate, tokens: TokenTable): boolean {
  const between = right.start - left.end;
  if (between < 0 || between > 1) return false;
  const rightGap = tokens.gaps[right.start]!;
  if (between === 0) return rightGap === GAP_LIST;
  const connectorGap = tokens.gaps[left.end]!;
  return (
    LIST_CONNECTORS.has(tokens.norm(left.end)) &&
    connectorGap !== GAP_LINE &&
    connectorGap !== GAP_BREAK &&
    rightGap !== GAP_LINE &&
    rightGap !== GAP_BREAK
  );
}

function resolvePending(candidates: Candidate[], tokens: TokenTable, vouched: ReadonlySet<string>): void {
  if (!candidates.some((candidate) => candidate.verdict === null)) return;
  // Settling only ever turns a pending name into a sure one, and every rule asks for more sure names, so the
  // outcome is the same whether a name settled in this pass counts at once or from the next pass on.
  const sure = new Set<string>(vouched);
  const markSure = (candidate: Candidate) => {
    sure.add(candidate.tech.slug);
    for (const parent of candidate.tech.parents ?? []) sure.add(parent);
  };
  for (const candidate of candidates) if (candidate.verdict === true) markSure(candidate);
  let changed = true;
  // Each pass can settle a neighbour of something settled in the previous one ("Go, Rust and Swift").
  while (changed) {
    changed = false;
    for (let i = 0; i < candidates.length; i++) {
      const candidate = candidates[i]!;
      if (candidate.verdict !== null) continue;
      const rule = candidate.tech.ambiguous;
      const related = typeof rule === 'object' ? (rule.related ?? []) : [];
      const previous = candidates[i - 1];
      const next = candidates[i + 1];
      if (
        sure.has(candidate.tech.slug) ||
        related.some((slug) => sure.has(slug)) ||
        (previous?.verdict === true && areListNeighbours(previous, candidate, tokens)) ||
        (next?.verdict === true && areListNeighbours(candidate, next, tokens))
      ) {
        candidate.verdict = true;
        markSure(candidate);
        changed = true;
      }
    }
  }
}

/** What the caller already knows about the text's surroundings. */
export interface ProseOptions {
  /**
   * Slugs taken as sure before the scan, as if named plainly elsewhere in the same text: a chapter title is
   * read with its episode's stack behind it, so "Go" in "Go 1.22 generics" counts when the episode runs Go.
   */
  vouched?: ReadonlySet<string>;
  /**
   * Also the names talked about without being claimed as used (negated, hedged, compared, left behind): a
   * chapter titled "Django vs Flask" or "Moving off Heroku" is about Flask and Heroku, though neither is
   * the episode's stack. The context rules still apply ("Go to market" is not Go).
   */
  talkedAbout?: boolean;
}

const NONE: ReadonlySet<string> = new Set();

/**
 * The technologies named in prose as being used, each once, in order of first mention. A technology
 * only named in a negated, hedged, questioning or comparing clause ("Docker isn't used", "might move to Render",
 * "Should you go Serverless?", "AWS over Google Cloud"), as a migration's source ("switching from Apache to nginx")
 * or for something else ("S3 compatible storage", "DigitalOcean guides") is left out: it is talked about, not part
 * of the stack (see ./claims.ts).
 * Linear in the text: one tokenising pass and one scan against an index built at module load.
 *
 * @example findTechInText('It runs on Postgres and is written in Go.').map((m) => m.tech.slug) // ['postgres', 'golang']
 */
export function findTechInText(text: string, options: ProseOptions = {}): TextMention[] {
  const tokens = scanTechTokens(text);
  const classes = wordClasses(tokens);
  const candidates: Candidate[] = [];
  let i = 0;
  while (i < tokens.length) {
    const candidate = (classes[i]! & NAME_START) === 0 ? undefined : matchAt(tokens, i);
    if (candidate === undefined) {
      i++;
      continue;
    }
    candidates.push(candidate);
    i = candidate.end;
  }
  resolvePending(candidates, tokens, options.vouched ?? NONE);
  const accepted = candidates.filter((candidate) => candidate.verdict === true);
  const claimed =
    options.talkedAbout === true
      ? undefined
      : claimedMentions(
          accepted.map(({ start, end, tech }) => ({
            start,
            end,
            slug: tech.slug,
            notClaimedBefore: tech.notClaimedBefore,
          })),
          tokens,
          classes,
        );
  const found = new Map<string, TextMention>();
  for (const [i, candidate] of accepted.entries()) {
    if ((claimed === undefined || claimed[i] === true) && !found.has(candidate.tech.slug)) {
      found.set(candidate.tech.slug, { tech: candidate.tech, offset: tokens.starts[candidate.start]! });
    }
  }
  return [...found.values()];
}

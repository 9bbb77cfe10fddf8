// Decides which prose mentions claim use of a technology: not negated ("isn't used"), hedged ("might"), or the
// loser of a comparison ("over", "vs", "instead of", "switching from X to Y").
import type { Token } from '@/utils/tech/tokenize';
import {
  CLAUSE_WORDS,
  COMPARED_AFTER,
  COMPARED_AFTER_PAIRS,
  COMPARED_BEFORE,
  HEDGE_PHRASES,
  LIST_WORDS,
  HEDGE_WORDS,
  MOVE_VERBS,
  NEGATION_WORDS,
} from './tech-cues';

interface Span {
  readonly start: number;
  readonly end: number;
}

/** Hedge phrases by first word, so each token costs one map lookup. */
const HEDGES_BY_FIRST_WORD: ReadonlyMap<string, readonly (readonly string[])[]> = (() => {
  const map = new Map<string, (readonly string[])[]>();
  for (const phrase of HEDGE_PHRASES) map.set(phrase[0]!, [...(map.get(phrase[0]!) ?? []), phrase]);
  return map;
})();

function isNegation(norm: string): boolean {
  return NEGATION_WORDS.has(norm) || norm.endsWith("n't");
}

/** Clause number of every token: clauses end at punctuation, line breaks, list separators and clause words. */
function clauseIds(tokens: readonly Token[]): Int32Array {
  const ids = new Int32Array(tokens.length);
  let id = 0;
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i]!;
    if (i > 0 && (token.gap !== 'space' || CLAUSE_WORDS.has(token.norm))) id++;
    ids[i] = id;
  }
  return ids;
}

/** Clauses that negate or hedge, found in one pass. */
function doubtfulClauses(tokens: readonly Token[], ids: Int32Array): Set<number> {
  const doubtful = new Set<number>();
  for (let i = 0; i < tokens.length; i++) {
    const norm = tokens[i]!.norm;
    if (isNegation(norm) || HEDGE_WORDS.has(norm)) doubtful.add(ids[i]!);
    const phrases = HEDGES_BY_FIRST_WORD.get(norm);
    if (phrases !== undefined && phrases.some((phrase) => phraseAt(tokens, i, phrase))) doubtful.add(ids[i]!);
  }
  return doubtful;
}

function phraseAt(tokens: readonly Token[], i: number, phrase: readonly string[]): boolean {
  for (let k = 0; k < phrase.length; k++) {
    const token = tokens[i + k];
    if (token === undefined || token.norm !== phrase[k] || (k > 0 && token.gap !== 'space')) return false;
  }
  return true;
}

/** Neighbours in a plain list: only separators or "and"/"or"/"nor" between them (not "to", "over" …). */
function inSameList(left: Span, right: Span, tokens: readonly Token[]): boolean {
  const first = tokens[right.start]!;
  if (right.start === left.end) return first.gap === 'list';
  if (right.start !== left.end + 1) return false;
  const connector = tokens[left.end]!;
  return LIST_WORDS.has(connector.norm) && (connector.gap === 'space' || connector.gap === 'list') && first.gap === 'space';
}

function isComparedObject(tokens: readonly Token[], ids: Int32Array, span: Span): boolean {
  const before = tokens[span.start - 1];
  const beforeThat = tokens[span.start - 2];
  const first = tokens[span.start]!;
  const sameClause = (k: number) => k >= 0 && ids[k] === ids[span.start];
  if (before !== undefined && first.gap !== 'line' && first.gap !== 'break') {
    if (COMPARED_AFTER.has(before.norm)) return true;
    if (beforeThat !== undefined && before.gap === 'space' && COMPARED_AFTER_PAIRS.some(([a, b]) => a === beforeThat.norm && b === before.norm)) {
      return true;
    }
    // "switching from Apache to nginx": the technology after "from" is left behind.
    if (before.norm === 'from') {
      for (let k = span.start - 2; k >= Math.max(0, span.start - 5) && sameClause(k); k--) {
        if (MOVE_VERBS.has(tokens[k]!.norm)) return true;
      }
    }
  }
  const after = tokens[span.end];
  return after !== undefined && after.gap !== 'line' && after.gap !== 'break' && COMPARED_BEFORE.has(after.norm);
}

/**
 * For each accepted mention (in text order), whether it claims use. Negation and hedges cover their clause;
 * a comparison covers the technology next to its cue; both spread along a list of technologies
 * ("not using Ansible, Chef or Puppet", "Flask over Pyramid and Django").
 *
 * @example claimedMentions(mentions, tokenize("Docker isn't used, but Kubernetes is")) // [false, true]
 */
export function claimedMentions(mentions: readonly Span[], tokens: readonly Token[]): boolean[] {
  const ids = clauseIds(tokens);
  const doubtful = doubtfulClauses(tokens, ids);
  const claimed = mentions.map((mention) => !doubtful.has(ids[mention.start]!) && !isComparedObject(tokens, ids, mention));
  // Doubt spreads forward along a plain list: "not using Ansible, Chef or Puppet", "Flask over Pyramid and Django".
  for (let i = 1; i < mentions.length; i++) {
    if (!claimed[i - 1] && claimed[i] && inSameList(mentions[i - 1]!, mentions[i]!, tokens)) claimed[i] = false;
  }
  return claimed;
}

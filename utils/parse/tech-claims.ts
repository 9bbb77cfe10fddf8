// Decides which prose mentions claim use of a technology: not negated ("isn't used"), hedged ("might", "coming soon"),
// asked about ("Should you go Serverless?"), the loser of a comparison ("over", "instead of"), a migration's source
// ("switching from X to Y"), or a name that stands for something else ("S3 compatible", "DigitalOcean guides").
import type { Token } from '@/utils/tech/tokenize';
import {
  ABANDON_VERBS,
  CAREER_PHRASES,
  CLAUSE_WORDS,
  COMPARED_AFTER,
  COMPARED_AFTER_PAIRS,
  COMPARED_BEFORE,
  COMPARISON_FILLERS,
  DATA_NOUNS,
  HEDGE_PHRASES,
  HEDGE_WORDS,
  LIST_WORDS,
  MOVE_VERBS,
  NEGATION_WORDS,
  OTHER_THING_AFTER,
  OTHER_THING_AFTER_HYPHEN,
  OVER_FILLERS,
  PASSIVE_BEFORE_USED,
  PAST_HABIT_VERBS,
  REVERSAL_FOLLOWERS,
  REVERSAL_SUBJECTS,
  REVERSAL_VERBS,
  REWRITE_FILLERS,
  REWRITE_VERBS,
  REWRITTEN_THINGS,
  WH_WORDS,
  YES_NO_QUESTION_STARTS,
} from './tech-cues';
import { CLAUSE_WORD, CUE_FIRST_WORDS, CUE_START, wordClasses } from './tech-words';

/** One accepted mention: its tokens, which technology, and words after it that make it name something else. */
export interface ClaimSpan {
  readonly start: number;
  /** Exclusive token index. */
  readonly end: number;
  readonly slug: string;
  /** The technology's own "names something else" words ("open source version of nginx"): see Technology.notClaimedBefore. */
  readonly notClaimedBefore?: readonly string[];
}

/** Comparison pairs ("instead of") by their second word, the one right before the technology. */
const PAIR_FIRSTS_BY_SECOND: ReadonlyMap<string, ReadonlySet<string>> = (() => {
  const map = new Map<string, Set<string>>();
  for (const [first, second] of COMPARED_AFTER_PAIRS) map.set(second, (map.get(second) ?? new Set()).add(first));
  return map;
})();

/** Hedge phrases by first word, so each token costs one map lookup. */
const HEDGES_BY_FIRST_WORD: ReadonlyMap<string, readonly (readonly string[])[]> = (() => {
  const map = new Map<string, (readonly string[])[]>();
  for (const phrase of HEDGE_PHRASES) map.set(phrase[0]!, [...(map.get(phrase[0]!) ?? []), phrase]);
  return map;
})();

/** The token was written with a possessive `'s` or trailing apostrophe ("PostgreSQL's", "AWS'"). */
function isPossessive(text: string, token: Token): boolean {
  const next = text.charCodeAt(token.end);
  return next === 39 || next === 0x2019;
}

/**
 * Clause number of every token: clauses end at punctuation, line breaks, list separators and clause words.
 * (A spaced slash often separates two statements in show notes: "Docker isn't used in dev / Postmark sends email".)
 */
function clauseIds(tokens: readonly Token[], classes: Uint8Array): Int32Array {
  const ids = new Int32Array(tokens.length);
  let id = 0;
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i]!;
    if (i > 0 && (token.gap !== 'space' || (classes[i]! & CLAUSE_WORD) !== 0)) id++;
    ids[i] = id;
  }
  return ids;
}

function phraseAt(tokens: readonly Token[], i: number, phrase: readonly string[]): boolean {
  for (let k = 0; k < phrase.length; k++) {
    const token = tokens[i + k];
    if (token === undefined || token.norm !== phrase[k] || (k > 0 && token.gap !== 'space')) return false;
  }
  return true;
}

/** Per clause: where it starts and ends, the first doubt cue in it (or -1), and whether it reverses the previous one. */
interface Clause {
  start: number;
  end: number;
  cue: number;
  reverses: boolean;
}

/** Per sentence: its token range, and whether it asks a question ("?") that offers options. */
interface Sentence {
  start: number;
  end: number;
  career: boolean;
}

/** "what nginx used to do": "used to" + a past-habit verb, not after "is"/"get" (the passive "is used to send"). */
function isPastHabit(tokens: readonly Token[], i: number): boolean {
  return (
    tokens[i]!.norm === 'used' &&
    tokens[i + 1]?.norm === 'to' &&
    tokens[i + 1]!.gap === 'space' &&
    PAST_HABIT_VERBS.has(tokens[i + 2]?.norm ?? '') &&
    !PASSIVE_BEFORE_USED.has(tokens[i - 1]?.norm ?? '')
  );
}

/** A career phrase at `i` ("working at Vincit"): an `… at` form must be followed by a capitalised name. */
function isCareerAt(tokens: readonly Token[], i: number): boolean {
  return CAREER_PHRASES.some((phrase) => {
    if (!phraseAt(tokens, i, phrase)) return false;
    if (phrase[phrase.length - 1] !== 'at') return true;
    const employer = tokens[i + phrase.length];
    return employer !== undefined && employer.gap === 'space' && employer.cased;
  });
}

function isCueAt(tokens: readonly Token[], i: number): boolean {
  const norm = tokens[i]!.norm;
  if (norm.endsWith("n't")) return true;
  if (!CUE_FIRST_WORDS.has(norm)) return false;
  if (NEGATION_WORDS.has(norm) || HEDGE_WORDS.has(norm)) return true;
  const phrases = HEDGES_BY_FIRST_WORD.get(norm);
  return (phrases !== undefined && phrases.some((phrase) => phraseAt(tokens, i, phrase))) || isPastHabit(tokens, i);
}

/** Clauses and sentences with their cues, in one pass over the tokens (plus one over each sentence's ends). */
function clausesOf(tokens: readonly Token[], classes: Uint8Array, ids: Int32Array, sentenceIdOf: Int32Array, text: string): Clause[] {
  const clauses: Clause[] = [];
  const sentences: Sentence[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const id = ids[i]!;
    const sentenceId = sentenceIdOf[i]!;
    if (clauses[id] === undefined) clauses[id] = { start: i, end: i + 1, cue: -1, reverses: false };
    if (sentences[sentenceId] === undefined) sentences[sentenceId] = { start: i, end: i + 1, career: false };
    const clause = clauses[id];
    const sentence = sentences[sentenceId];
    clause.end = i + 1;
    sentence.end = i + 1;
    if ((classes[i]! & CUE_START) === 0) continue;
    if (!sentence.career && isCareerAt(tokens, i)) sentence.career = true;
    if (clause.cue < 0 && isCueAt(tokens, i)) clause.cue = i;
  }
  const asks = sentences.map((sentence) => questionKind(sentence, tokens, text));
  for (const clause of clauses) {
    const sentenceId = sentenceIdOf[clause.start]!;
    // A career sentence covers every clause in it, before and after the phrase.
    if (clause.cue < 0 && sentences[sentenceId]!.career) clause.cue = clause.start;
    if (clause.cue < 0 && asks[sentenceId] !== 'none') {
      let first = clause.start;
      if (CLAUSE_WORDS.has(tokens[first]!.norm) && first + 1 < clause.end) first++;
      if (asks[sentenceId] === 'choice' || YES_NO_QUESTION_STARTS.has(tokens[first]!.norm)) clause.cue = first;
    }
  }
  for (const clause of clauses) clause.reverses = isReversal(clause, tokens, text);
  return clauses;
}

/**
 * A yes/no question ("Should you go Serverless or stick with a more traditional app?") or a choice between options
 * ("Server side templates and a bit of JavaScript or an API back-end with lots of JS?") asks about an option.
 * A yes/no clause starts with an auxiliary verb (after a clause word such as "but", checked per clause); a choice
 * has "or" and does not start with a question word. Either way the sentence ends in "?".
 */
function questionKind(sentence: Sentence, tokens: readonly Token[], text: string): 'none' | 'yes-no' | 'choice' {
  const last = tokens[sentence.end - 1]!;
  const tail = text.slice(last.end, sentence.end < tokens.length ? tokens[sentence.end]!.start : text.length);
  if (!/^[^.!\n]*\?/u.test(tail)) return 'none';
  const first = tokens[sentence.start]!.norm;
  if (WH_WORDS.has(first) || YES_NO_QUESTION_STARTS.has(first)) return 'yes-no';
  for (let j = sentence.start; j < sentence.end; j++) if (tokens[j]!.norm === 'or') return 'choice';
  return 'yes-no';
}

/** "…, but it is in production", "but it's part of the CI": a positive contrast about the same subject. */
function isReversal(clause: Clause, tokens: readonly Token[], text: string): boolean {
  if (tokens[clause.start]!.norm !== 'but' || clause.cue >= 0) return false;
  const subject = tokens[clause.start + 1];
  if (subject === undefined || clause.start + 1 >= clause.end || !REVERSAL_SUBJECTS.has(subject.norm)) return false;
  let next = clause.start + 2;
  // "it's" is one token (the tokenizer reads `'s` as a possessive): its verb is inside it.
  if (!isPossessive(text, subject)) {
    if (next >= clause.end || !REVERSAL_VERBS.has(tokens[next]!.norm)) return false;
    next++;
  }
  return next >= clause.end || REVERSAL_FOLLOWERS.has(tokens[next]!.norm);
}

/** The clause is nothing but technology names. */
function isBare(clause: Clause, covered: Uint8Array): boolean {
  for (let k = clause.start; k < clause.end; k++) if (covered[k] !== 1) return false;
  return true;
}

/** Whether each clause leaves the mentions in it unclaimed, after reversals and bare list subjects are settled. */
function doubtfulClauses(clauses: readonly Clause[], mentions: readonly ClaimSpan[], tokens: readonly Token[], text: string): boolean[] {
  const doubtful = clauses.map((clause) => clause.cue >= 0);
  for (let c = 0; c + 1 < clauses.length; c++) {
    if (doubtful[c] && clauses[c + 1]!.reverses) doubtful[c] = false;
  }
  // "Websockets and Action Cable aren't used": a clause that is nothing but technology names, joined to the next
  // clause by "and"/"or" or a comma, is that clause's subject and shares its doubt (unless the doubt is only on
  // what directly follows the joint, as in "Docker and no Kubernetes").
  const covered = new Uint8Array(tokens.length);
  for (const mention of mentions) covered.fill(1, mention.start, mention.end);
  for (let c = clauses.length - 2; c >= 0; c--) {
    const clause = clauses[c]!;
    const next = clauses[c + 1]!;
    if (doubtful[c] || !doubtful[c + 1]) continue;
    const bare = isBare(clause, covered);
    const joint = tokens[next.start]!;
    const joined = joint.gap === 'list' || (joint.gap === 'space' && LIST_WORDS.has(joint.norm));
    const cueOnJoint = next.cue >= 0 && next.cue <= next.start + 1;
    if (bare && joined && !cueOnJoint) doubtful[c] = true;
  }
  // "…coming soon to SmartMusic (websockets, etc.)", "You don't need a NoSQL (Mongo, Elastic, whatever) cluster":
  // a parenthesis of nothing but names (and the list it starts) is an aside on the clause before it.
  for (let c = 1; c < clauses.length; c++) {
    const clause = clauses[c]!;
    if (doubtful[c] || !doubtful[c - 1] || !isBare(clause, covered)) continue;
    const opensParenthesis = text.slice(tokens[clause.start - 1]!.end, tokens[clause.start]!.start).includes('(');
    const continuesAside = tokens[clause.start]!.gap === 'list' && isBare(clauses[c - 1]!, covered);
    if (opensParenthesis || continuesAside) doubtful[c] = true;
  }
  return doubtful;
}

/** The token before `index`, skipping filler words ("than an entire Kubernetes cluster"), within one clause. */
function cueBefore(tokens: readonly Token[], ids: Int32Array, index: number): number {
  let k = index - 1;
  for (let skipped = 0; k >= 0 && skipped < 2 && ids[k] === ids[index] && COMPARISON_FILLERS.has(tokens[k]!.norm); skipped++) k--;
  if (tokens[k]?.norm === 'over') {
    for (let j = k + 1; j < index; j++) if (!OVER_FILLERS.has(tokens[j]!.norm)) return -1;
  }
  return k;
}

/** Why a mention is not a claim by itself: compared away ("over X"), left behind by a migration, or naming something else. */
type Unclaimed = 'compared' | 'migrated' | 'other' | false;

function unclaimedBy(tokens: readonly Token[], ids: Int32Array, span: ClaimSpan, text: string): Unclaimed {
  const first = tokens[span.start]!;
  const last = tokens[span.end - 1]!;
  const after = tokens[span.end];
  const afterInPhrase = after !== undefined && after.gap !== 'line' && after.gap !== 'break';
  if (afterInPhrase) {
    if (COMPARED_BEFORE.has(after.norm)) return 'compared';
    if (OTHER_THING_AFTER.has(after.norm)) return 'other';
    if (OTHER_THING_AFTER_HYPHEN.has(after.norm) && text.slice(last.end, after.start) === '-') return 'other';
    if (span.notClaimedBefore?.includes(after.norm) === true) return 'other';
    if (REWRITTEN_THINGS.has(after.norm) && isRewriteObject(tokens, ids, span)) return 'migrated';
  }
  if (first.gap === 'line' || first.gap === 'break') return false;
  // "over PostgreSQL's full text search": a feature of the technology is compared, the technology stays.
  if (isPossessive(text, last)) return false;
  const k = cueBefore(tokens, ids, span.start);
  const cue = tokens[k];
  if (cue === undefined || (k < span.start - 1 && ids[k] !== ids[span.start])) return false;
  if (ABANDON_VERBS.has(cue.norm)) return 'migrated';
  if (COMPARED_AFTER.has(cue.norm)) {
    // "with or without Docker" offers both ways: Docker is used.
    return cue.norm === 'without' && tokens[k - 1]?.norm === 'or' && tokens[k - 2]?.norm === 'with' ? false : 'compared';
  }
  const beforeCue = tokens[k - 1];
  if (beforeCue !== undefined && cue.gap === 'space' && PAIR_FIRSTS_BY_SECOND.get(cue.norm)?.has(beforeCue.norm) === true) {
    return 'compared';
  }
  return (cue.norm === 'from' || cue.norm === 'to') && isMigrationSource(tokens, ids, span, k) ? 'migrated' : false;
}

/**
 * "switching from Apache to nginx", "From Notion to Linear to using GitHub", "Going from PHP to Scala to Node and
 * back to Scala": the technology after "from" (and every stop before the last) is left behind, as
 * runninginproduction's tags leave it out. "Moving data from Redis to PostgreSQL" is a data flow: both are used.
 */
function isMigrationSource(tokens: readonly Token[], ids: Int32Array, span: ClaimSpan, cueIndex: number): boolean {
  const clause = ids[span.start]!;
  if (tokens[cueIndex]!.norm === 'from') return isMove(tokens, ids, clause, cueIndex);
  // A stop in a chain: "to Node and back to Scala", "to Bash scripts to using Ansible" (one word may follow the name).
  if (!continuesChain(tokens, span.end) && !(tokens[span.end]?.gap === 'space' && continuesChain(tokens, span.end + 1))) return false;
  for (let k = cueIndex - 1; k >= Math.max(0, cueIndex - 8) && ids[k] === clause; k--) {
    if (tokens[k]!.norm === 'from') return isMove(tokens, ids, clause, k);
  }
  return false;
}

function continuesChain(tokens: readonly Token[], k: number): boolean {
  const token = tokens[k];
  return token?.gap === 'space' && (token.norm === 'to' || (token.norm === 'and' && tokens[k + 1]?.norm === 'back'));
}

/** "rebuild an old PHP app": a rewrite verb before the technology, past a few fillers, in the same clause. */
function isRewriteObject(tokens: readonly Token[], ids: Int32Array, span: ClaimSpan): boolean {
  let k = span.start - 1;
  for (let skipped = 0; k >= 0 && skipped < 3 && ids[k] === ids[span.start] && REWRITE_FILLERS.has(tokens[k]!.norm); skipped++) k--;
  return k >= 0 && ids[k] === ids[span.start] && REWRITE_VERBS.has(tokens[k]!.norm);
}

/** Whether the "from" at `fromIndex` starts a migration: after a move verb (not moving data), or opening its clause. */
function isMove(tokens: readonly Token[], ids: Int32Array, clause: number, fromIndex: number): boolean {
  if (fromIndex === 0 || ids[fromIndex - 1] !== clause) return true; // "From Notion to Linear to using GitHub"
  for (let k = fromIndex - 1; k >= Math.max(0, fromIndex - 5) && ids[k] === clause; k--) {
    const norm = tokens[k]!.norm;
    if (DATA_NOUNS.has(norm)) return false;
    if (MOVE_VERBS.has(norm)) return true;
  }
  return false;
}

/** Neighbours in a plain list: only separators or "and"/"or"/"nor" between them (not "to", "over" …). */
function inSameList(left: ClaimSpan, right: ClaimSpan, tokens: readonly Token[]): boolean {
  const first = tokens[right.start]!;
  if (right.start === left.end) return first.gap === 'list';
  if (right.start !== left.end + 1) return false;
  const connector = tokens[left.end]!;
  return LIST_WORDS.has(connector.norm) && (connector.gap === 'space' || connector.gap === 'list') && first.gap === 'space';
}

/** Sentence number of every token: a new one after a line break or sentence punctuation. */
function sentenceIds(tokens: readonly Token[]): Int32Array {
  const ids = new Int32Array(tokens.length);
  let id = 0;
  for (let i = 0; i < tokens.length; i++) {
    if (i > 0 && (tokens[i]!.gap === 'line' || tokens[i]!.gap === 'break')) id++;
    ids[i] = id;
  }
  return ids;
}

/**
 * For each accepted mention (in text order), whether it claims use. Negation and hedges cover their clause
 * (and a bare list of names that is the clause's subject); a comparison, a migration's source or a name used
 * for something else covers the mention itself; doubt spreads along a list of technologies ("not using
 * Ansible, Chef or Puppet", "Flask over Pyramid and Django"); and a technology compared away is not claimed
 * again later in the same sentence ("Swarm was chosen over Kubernetes because Kubernetes was overkill").
 *
 * `classes` are the tokens' {@link wordClasses}, when the caller has them already.
 *
 * @example claimedMentions(spans, tokenize(text), text) // for "Docker isn't used, but Kubernetes is": [false, true]
 */
export function claimedMentions(mentions: readonly ClaimSpan[], tokens: readonly Token[], text: string, classes = wordClasses(tokens)): boolean[] {
  if (mentions.length === 0) return [];
  const ids = clauseIds(tokens, classes);
  const sentences = sentenceIds(tokens);
  const clauses = clausesOf(tokens, classes, ids, sentences, text);
  const doubtful = doubtfulClauses(clauses, mentions, tokens, text);
  const unclaimed = mentions.map((mention) => unclaimedBy(tokens, ids, mention, text));
  const claimed = mentions.map((mention, i) => !doubtful[ids[mention.start]!] && unclaimed[i] === false);
  for (let i = 1; i < mentions.length; i++) {
    if (!claimed[i - 1] && claimed[i] && inSameList(mentions[i - 1]!, mentions[i]!, tokens)) claimed[i] = false;
  }
  if (unclaimed.includes('compared')) {
    const comparedAway = new Set<string>();
    for (const [i, mention] of mentions.entries()) {
      const key = `${sentences[mention.start]!}\u0000${mention.slug}`;
      if (unclaimed[i] === 'compared') comparedAway.add(key);
      else if (claimed[i] === true && comparedAway.has(key)) claimed[i] = false;
    }
  }
  return claimed;
}

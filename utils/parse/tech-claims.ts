// Decides which prose mentions claim use of a technology: not negated ("isn't used"), hedged ("might", "coming soon"),
// asked about ("Should you go Serverless?"), the loser of a comparison ("over", "instead of"), a migration's source
// ("switching from X to Y"), or a name that stands for something else ("S3 compatible", "DigitalOcean guides").
import { GAP_BREAK, GAP_LINE, GAP_LIST, GAP_SPACE, type TokenTable } from '@/utils/tech/tokenize';
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
function isPossessive(tokens: TokenTable, i: number): boolean {
  const next = tokens.text.charCodeAt(tokens.ends[i]!);
  return next === 39 || next === 0x2019;
}

/**
 * Clause number of every token: clauses end at punctuation, line breaks, list separators and clause words.
 * (A spaced slash often separates two statements in show notes: "Docker isn't used in dev / Postmark sends email".)
 */
function clauseIds(tokens: TokenTable, classes: Uint8Array): Int32Array {
  const ids = new Int32Array(tokens.length);
  const gaps = tokens.gaps;
  let id = 0;
  for (let i = 0; i < tokens.length; i++) {
    if (i > 0 && (gaps[i] !== GAP_SPACE || (classes[i]! & CLAUSE_WORD) !== 0)) id++;
    ids[i] = id;
  }
  return ids;
}

function phraseAt(tokens: TokenTable, i: number, phrase: readonly string[]): boolean {
  for (let k = 0; k < phrase.length; k++) {
    const norm = tokens.normAt(i + k);
    if (norm === undefined || norm !== phrase[k] || (k > 0 && tokens.gaps[i + k] !== GAP_SPACE)) return false;
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
function isPastHabit(tokens: TokenTable, i: number): boolean {
  return (
    tokens.norm(i) === 'used' &&
    tokens.normAt(i + 1) === 'to' &&
    tokens.gaps[i + 1] === GAP_SPACE &&
    PAST_HABIT_VERBS.has(tokens.normAt(i + 2) ?? '') &&
    !PASSIVE_BEFORE_USED.has(tokens.normAt(i - 1) ?? '')
  );
}

/** A career phrase at `i` ("working at Vincit"): an `… at` form must be followed by a capitalised name. */
function isCareerAt(tokens: TokenTable, i: number): boolean {
  return CAREER_PHRASES.some((phrase) => {
    if (!phraseAt(tokens, i, phrase)) return false;
    if (phrase[phrase.length - 1] !== 'at') return true;
    const employer = i + phrase.length;
    return employer < tokens.length && tokens.gaps[employer] === GAP_SPACE && tokens.cased(employer);
  });
}

function isCueAt(tokens: TokenTable, i: number): boolean {
  const norm = tokens.norm(i);
  if (norm.endsWith("n't")) return true;
  if (!CUE_FIRST_WORDS.has(norm)) return false;
  if (NEGATION_WORDS.has(norm) || HEDGE_WORDS.has(norm)) return true;
  const phrases = HEDGES_BY_FIRST_WORD.get(norm);
  return (phrases !== undefined && phrases.some((phrase) => phraseAt(tokens, i, phrase))) || isPastHabit(tokens, i);
}

/** Clauses and sentences with their cues, in one pass over the tokens (plus one over each sentence's ends). */
function clausesOf(tokens: TokenTable, classes: Uint8Array, ids: Int32Array, sentenceIdOf: Int32Array): Clause[] {
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
  const asks = sentences.map((sentence) => questionKind(sentence, tokens));
  for (const clause of clauses) {
    const sentenceId = sentenceIdOf[clause.start]!;
    // A career sentence covers every clause in it, before and after the phrase.
    if (clause.cue < 0 && sentences[sentenceId]!.career) clause.cue = clause.start;
    if (clause.cue < 0 && asks[sentenceId] !== 'none') {
      let first = clause.start;
      if (CLAUSE_WORDS.has(tokens.norm(first)) && first + 1 < clause.end) first++;
      if (asks[sentenceId] === 'choice' || YES_NO_QUESTION_STARTS.has(tokens.norm(first))) clause.cue = first;
    }
  }
  for (const clause of clauses) clause.reverses = isReversal(clause, tokens);
  return clauses;
}

/**
 * Whether the text after a sentence's last token, up to the next token, has a "?" before any ".", "!" or line break
 * (as `/^[^.!\n]*\?/` on that stretch), read in place.
 */
function endsInQuestion(tokens: TokenTable, sentenceEnd: number): boolean {
  const text = tokens.text;
  const to = sentenceEnd < tokens.length ? tokens.starts[sentenceEnd]! : text.length;
  for (let k = tokens.ends[sentenceEnd - 1]!; k < to; k++) {
    const code = text.charCodeAt(k);
    if (code === 63 /* ? */) return true;
    if (code === 46 /* . */ || code === 33 /* ! */ || code === 10 /* \n */) return false;
  }
  return false;
}

/**
 * A yes/no question ("Should you go Serverless or stick with a more traditional app?") or a choice between options
 * ("Server side templates and a bit of JavaScript or an API back-end with lots of JS?") asks about an option.
 * A yes/no clause starts with an auxiliary verb (after a clause word such as "but", checked per clause); a choice
 * has "or" and does not start with a question word. Either way the sentence ends in "?".
 */
function questionKind(sentence: Sentence, tokens: TokenTable): 'none' | 'yes-no' | 'choice' {
  if (!endsInQuestion(tokens, sentence.end)) return 'none';
  const first = tokens.norm(sentence.start);
  if (WH_WORDS.has(first) || YES_NO_QUESTION_STARTS.has(first)) return 'yes-no';
  for (let j = sentence.start; j < sentence.end; j++) if (tokens.norm(j) === 'or') return 'choice';
  return 'yes-no';
}

/** "…, but it is in production", "but it's part of the CI": a positive contrast about the same subject. */
function isReversal(clause: Clause, tokens: TokenTable): boolean {
  // "but" is a lexicon word: a clause starting with any other word is ruled out without building its norm.
  if (tokens.words[clause.start] === 0 || tokens.norm(clause.start) !== 'but' || clause.cue >= 0) return false;
  const subject = clause.start + 1;
  if (subject >= tokens.length || subject >= clause.end || !REVERSAL_SUBJECTS.has(tokens.norm(subject))) return false;
  let next = clause.start + 2;
  // "it's" is one token (the tokenizer reads `'s` as a possessive): its verb is inside it.
  if (!isPossessive(tokens, subject)) {
    if (next >= clause.end || !REVERSAL_VERBS.has(tokens.norm(next))) return false;
    next++;
  }
  return next >= clause.end || REVERSAL_FOLLOWERS.has(tokens.norm(next));
}

/** The clause is nothing but technology names. */
function isBare(clause: Clause, covered: Uint8Array): boolean {
  for (let k = clause.start; k < clause.end; k++) if (covered[k] !== 1) return false;
  return true;
}

/** Whether each clause leaves the mentions in it unclaimed, after reversals and bare list subjects are settled. */
function doubtfulClauses(clauses: readonly Clause[], mentions: readonly ClaimSpan[], tokens: TokenTable): boolean[] {
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
    const jointGap = tokens.gaps[next.start]!;
    const joined = jointGap === GAP_LIST || (jointGap === GAP_SPACE && LIST_WORDS.has(tokens.norm(next.start)));
    const cueOnJoint = next.cue >= 0 && next.cue <= next.start + 1;
    if (bare && joined && !cueOnJoint) doubtful[c] = true;
  }
  // "…coming soon to SmartMusic (websockets, etc.)", "You don't need a NoSQL (Mongo, Elastic, whatever) cluster":
  // a parenthesis of nothing but names (and the list it starts) is an aside on the clause before it.
  for (let c = 1; c < clauses.length; c++) {
    const clause = clauses[c]!;
    if (doubtful[c] || !doubtful[c - 1] || !isBare(clause, covered)) continue;
    const opensParenthesis = tokens.text.slice(tokens.ends[clause.start - 1], tokens.starts[clause.start]).includes('(');
    const continuesAside = tokens.gaps[clause.start] === GAP_LIST && isBare(clauses[c - 1]!, covered);
    if (opensParenthesis || continuesAside) doubtful[c] = true;
  }
  return doubtful;
}

/** The token before `index`, skipping filler words ("than an entire Kubernetes cluster"), within one clause. */
function cueBefore(tokens: TokenTable, ids: Int32Array, index: number): number {
  let k = index - 1;
  for (let skipped = 0; k >= 0 && skipped < 2 && ids[k] === ids[index] && COMPARISON_FILLERS.has(tokens.norm(k)); skipped++) k--;
  if (tokens.normAt(k) === 'over') {
    for (let j = k + 1; j < index; j++) if (!OVER_FILLERS.has(tokens.norm(j))) return -1;
  }
  return k;
}

/** Why a mention is not a claim by itself: compared away ("over X"), left behind by a migration, or naming something else. */
type Unclaimed = 'compared' | 'migrated' | 'other' | false;

function unclaimedBy(tokens: TokenTable, ids: Int32Array, span: ClaimSpan): Unclaimed {
  const last = span.end - 1;
  const after = span.end;
  const afterInPhrase = after < tokens.length && tokens.gaps[after] !== GAP_LINE && tokens.gaps[after] !== GAP_BREAK;
  if (afterInPhrase) {
    const afterNorm = tokens.norm(after);
    if (COMPARED_BEFORE.has(afterNorm)) return 'compared';
    if (OTHER_THING_AFTER.has(afterNorm)) return 'other';
    if (OTHER_THING_AFTER_HYPHEN.has(afterNorm) && tokens.text.slice(tokens.ends[last], tokens.starts[after]) === '-') return 'other';
    if (span.notClaimedBefore?.includes(afterNorm) === true) return 'other';
    if (REWRITTEN_THINGS.has(afterNorm) && isRewriteObject(tokens, ids, span)) return 'migrated';
  }
  const firstGap = tokens.gaps[span.start];
  if (firstGap === GAP_LINE || firstGap === GAP_BREAK) return false;
  // "over PostgreSQL's full text search": a feature of the technology is compared, the technology stays.
  if (isPossessive(tokens, last)) return false;
  const k = cueBefore(tokens, ids, span.start);
  const cue = tokens.normAt(k);
  if (cue === undefined || (k < span.start - 1 && ids[k] !== ids[span.start])) return false;
  if (ABANDON_VERBS.has(cue)) return 'migrated';
  if (COMPARED_AFTER.has(cue)) {
    // "with or without Docker" offers both ways: Docker is used.
    return cue === 'without' && tokens.normAt(k - 1) === 'or' && tokens.normAt(k - 2) === 'with' ? false : 'compared';
  }
  const beforeCue = tokens.normAt(k - 1);
  if (beforeCue !== undefined && tokens.gaps[k] === GAP_SPACE && PAIR_FIRSTS_BY_SECOND.get(cue)?.has(beforeCue) === true) {
    return 'compared';
  }
  return (cue === 'from' || cue === 'to') && isMigrationSource(tokens, ids, span, k) ? 'migrated' : false;
}

/**
 * "switching from Apache to nginx", "From Notion to Linear to using GitHub", "Going from PHP to Scala to Node and
 * back to Scala": the technology after "from" (and every stop before the last) is left behind, as
 * runninginproduction's tags leave it out. "Moving data from Redis to PostgreSQL" is a data flow: both are used.
 */
function isMigrationSource(tokens: TokenTable, ids: Int32Array, span: ClaimSpan, cueIndex: number): boolean {
  const clause = ids[span.start]!;
  if (tokens.norm(cueIndex) === 'from') return isMove(tokens, ids, clause, cueIndex);
  // A stop in a chain: "to Node and back to Scala", "to Bash scripts to using Ansible" (one word may follow the name).
  const spaceAfter = span.end < tokens.length && tokens.gaps[span.end] === GAP_SPACE;
  if (!continuesChain(tokens, span.end) && !(spaceAfter && continuesChain(tokens, span.end + 1))) return false;
  for (let k = cueIndex - 1; k >= Math.max(0, cueIndex - 8) && ids[k] === clause; k--) {
    if (tokens.norm(k) === 'from') return isMove(tokens, ids, clause, k);
  }
  return false;
}

function continuesChain(tokens: TokenTable, k: number): boolean {
  if (k >= tokens.length || tokens.gaps[k] !== GAP_SPACE) return false;
  const norm = tokens.norm(k);
  return norm === 'to' || (norm === 'and' && tokens.normAt(k + 1) === 'back');
}

/** "rebuild an old PHP app": a rewrite verb before the technology, past a few fillers, in the same clause. */
function isRewriteObject(tokens: TokenTable, ids: Int32Array, span: ClaimSpan): boolean {
  let k = span.start - 1;
  for (let skipped = 0; k >= 0 && skipped < 3 && ids[k] === ids[span.start] && REWRITE_FILLERS.has(tokens.norm(k)); skipped++) k--;
  return k >= 0 && ids[k] === ids[span.start] && REWRITE_VERBS.has(tokens.norm(k));
}

/** Whether the "from" at `fromIndex` starts a migration: after a move verb (not moving data), or opening its clause. */
function isMove(tokens: TokenTable, ids: Int32Array, clause: number, fromIndex: number): boolean {
  if (fromIndex === 0 || ids[fromIndex - 1] !== clause) return true; // "From Notion to Linear to using GitHub"
  for (let k = fromIndex - 1; k >= Math.max(0, fromIndex - 5) && ids[k] === clause; k--) {
    const norm = tokens.norm(k);
    if (DATA_NOUNS.has(norm)) return false;
    if (MOVE_VERBS.has(norm)) return true;
  }
  return false;
}

/** Neighbours in a plain list: only separators or "and"/"or"/"nor" between them (not "to", "over" …). */
function inSameList(left: ClaimSpan, right: ClaimSpan, tokens: TokenTable): boolean {
  const firstGap = tokens.gaps[right.start];
  if (right.start === left.end) return firstGap === GAP_LIST;
  if (right.start !== left.end + 1) return false;
  const connectorGap = tokens.gaps[left.end];
  return LIST_WORDS.has(tokens.norm(left.end)) && (connectorGap === GAP_SPACE || connectorGap === GAP_LIST) && firstGap === GAP_SPACE;
}

/** Sentence number of every token: a new one after a line break or sentence punctuation. */
function sentenceIds(tokens: TokenTable): Int32Array {
  const ids = new Int32Array(tokens.length);
  const gaps = tokens.gaps;
  let id = 0;
  for (let i = 0; i < tokens.length; i++) {
    if (i > 0 && (gaps[i] === GAP_LINE || gaps[i] === GAP_BREAK)) id++;
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
 * @example claimedMentions(spans, scanTechTokens(text)) // for "Docker isn't used, but Kubernetes is": [false, true]
 */
export function claimedMentions(mentions: readonly ClaimSpan[], tokens: TokenTable, classes = wordClasses(tokens)): boolean[] {
  if (mentions.length === 0) return [];
  const ids = clauseIds(tokens, classes);
  const sentences = sentenceIds(tokens);
  const clauses = clausesOf(tokens, classes, ids, sentences);
  const doubtful = doubtfulClauses(clauses, mentions, tokens);
  const unclaimed = mentions.map((mention) => unclaimedBy(tokens, ids, mention));
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

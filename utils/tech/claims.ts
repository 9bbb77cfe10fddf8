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
} from './cues';
import { CLAUSE_WORD, CUE_FIRST_WORDS, CUE_START, wordClasses } from './words';

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
  for (const [first, second] of COMPARED_AFTER_PAIRS)
    map.set(second, (map.get(second) ?? new Set()).add(first));
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
 * Clause and sentence numbers of every token, and where each clause and sentence starts, in one pass. Clauses end at
 * punctuation, line breaks, list separators and clause words; sentences at line breaks and sentence punctuation, so
 * each clause lies in one sentence. (A spaced slash often separates two statements in show notes: "Docker isn't
 * used in dev / Postmark sends email".)
 */
class Structure {
  readonly clauseOf: Int32Array;
  readonly sentenceOf: Int32Array;
  /** First token of each clause; one more entry, the token count, closes the last. */
  readonly clauseStarts: Int32Array;
  readonly sentenceStarts: Int32Array;
  readonly clauseCount: number;

  constructor(tokens: TokenTable, classes: Uint8Array) {
    const n = tokens.length;
    const gaps = tokens.gaps;
    // Four views on one buffer: one allocation per call instead of four.
    const buffer = new Int32Array(4 * n + 2);
    this.clauseOf = buffer.subarray(0, n);
    this.sentenceOf = buffer.subarray(n, 2 * n);
    const clauseStarts = buffer.subarray(2 * n, 3 * n + 1);
    const sentenceStarts = buffer.subarray(3 * n + 1);
    let clause = 0;
    let sentence = 0;
    for (let i = 0; i < n; i++) {
      if (i > 0) {
        const gap = gaps[i]!;
        if (gap !== GAP_SPACE || (classes[i]! & CLAUSE_WORD) !== 0) clauseStarts[++clause] = i;
        if (gap === GAP_LINE || gap === GAP_BREAK) sentenceStarts[++sentence] = i;
      }
      this.clauseOf[i] = clause;
      this.sentenceOf[i] = sentence;
    }
    this.clauseCount = n === 0 ? 0 : clause + 1;
    clauseStarts[this.clauseCount] = n;
    sentenceStarts[n === 0 ? 0 : sentence + 1] = n;
    this.clauseStarts = clauseStarts;
    this.sentenceStarts = sentenceStarts;
  }

  clauseEnd(clause: number): number {
    return this.clauseStarts[clause + 1]!;
  }

  sentenceEnd(sentence: number): number {
    return this.sentenceStarts[sentence + 1]!;
  }
}

function phraseAt(tokens: TokenTable, i: number, phrase: readonly string[]): boolean {
  for (let k = 0; k < phrase.length; k++) {
    const norm = tokens.normAt(i + k);
    if (norm === undefined || norm !== phrase[k] || (k > 0 && tokens.gaps[i + k] !== GAP_SPACE)) return false;
  }
  return true;
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
  return (
    (phrases !== undefined && phrases.some((phrase) => phraseAt(tokens, i, phrase))) || isPastHabit(tokens, i)
  );
}

const UNKNOWN = -2;

/**
 * What each clause says, worked out only for the clauses a decision needs (those holding mentions, and their
 * neighbours along a list): the first doubt cue in it, and whether the sentence around it is about a career or
 * asks a question. Every answer is kept, so each clause and sentence is read at most once.
 */
class ClauseCues {
  readonly #tokens: TokenTable;
  readonly #classes: Uint8Array;
  readonly #structure: Structure;
  // Plain arrays: a typed array's backing store costs more to allocate, on a page's first scans, than these
  // few dozen entries cost to use.
  /** Per clause: the cue's token, -1 for none, UNKNOWN before it is read. */
  readonly #cues: number[];
  /** Per sentence: 0 none, 1 yes/no question, 2 choice, 3 unknown; and 0 no career phrase, 1 one, 2 unknown. */
  readonly #asks: number[];
  readonly #career: number[];

  constructor(tokens: TokenTable, classes: Uint8Array, structure: Structure) {
    this.#tokens = tokens;
    this.#classes = classes;
    this.#structure = structure;
    this.#cues = new Array<number>(structure.clauseCount).fill(UNKNOWN);
    const sentences =
      structure.sentenceOf.length === 0 ? 0 : structure.sentenceOf[structure.sentenceOf.length - 1]! + 1;
    this.#asks = new Array<number>(sentences).fill(3);
    this.#career = new Array<number>(sentences).fill(2);
  }

  /** The token of the clause's first doubt cue, or -1. A career sentence or a question covers all its clauses. */
  cue(clause: number): number {
    const known = this.#cues[clause]!;
    if (known !== UNKNOWN) return known;
    const tokens = this.#tokens;
    const start = this.#structure.clauseStarts[clause]!;
    const end = this.#structure.clauseEnd(clause);
    let cue = -1;
    for (let i = start; i < end; i++) {
      if ((this.#classes[i]! & CUE_START) !== 0 && isCueAt(tokens, i)) {
        cue = i;
        break;
      }
    }
    const sentence = this.#structure.sentenceOf[start]!;
    // A career sentence covers every clause in it, before and after the phrase.
    if (cue < 0 && this.#hasCareer(sentence)) cue = start;
    if (cue < 0) {
      const asks = this.#asksOf(sentence);
      if (asks !== 0) {
        let first = start;
        if (CLAUSE_WORDS.has(tokens.norm(first)) && first + 1 < end) first++;
        if (asks === 2 || YES_NO_QUESTION_STARTS.has(tokens.norm(first))) cue = first;
      }
    }
    this.#cues[clause] = cue;
    return cue;
  }

  /** "…, but it is in production": the clause turns the doubt of the one before it around. */
  reverses(clause: number): boolean {
    return isReversal(
      this.#tokens,
      this.#structure.clauseStarts[clause]!,
      this.#structure.clauseEnd(clause),
      this.cue(clause),
    );
  }

  #hasCareer(sentence: number): boolean {
    const known = this.#career[sentence]!;
    if (known !== 2) return known === 1;
    let career = false;
    for (
      let i = this.#structure.sentenceStarts[sentence]!, end = this.#structure.sentenceEnd(sentence);
      i < end;
      i++
    ) {
      if ((this.#classes[i]! & CUE_START) !== 0 && isCareerAt(this.#tokens, i)) {
        career = true;
        break;
      }
    }
    this.#career[sentence] = career ? 1 : 0;
    return career;
  }

  #asksOf(sentence: number): number {
    const known = this.#asks[sentence]!;
    if (known !== 3) return known;
    const kind = questionKind(
      this.#tokens,
      this.#structure.sentenceStarts[sentence]!,
      this.#structure.sentenceEnd(sentence),
    );
    const asks = kind === 'none' ? 0 : kind === 'yes-no' ? 1 : 2;
    this.#asks[sentence] = asks;
    return asks;
  }
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
function questionKind(tokens: TokenTable, start: number, end: number): 'none' | 'yes-no' | 'choice' {
  if (!endsInQuestion(tokens, end)) return 'none';
  const first = tokens.norm(start);
  if (WH_WORDS.has(first) || YES_NO_QUESTION_STARTS.has(first)) return 'yes-no';
  for (let j = start; j < end; j++) if (tokens.norm(j) === 'or') return 'choice';
  return 'yes-no';
}

/** "…, but it is in production", "but it's part of the CI": a positive contrast about the same subject. */
function isReversal(tokens: TokenTable, start: number, end: number, cue: number): boolean {
  // "but" is a lexicon word: a clause starting with any other word is ruled out without building its norm.
  if (tokens.words[start] === 0 || tokens.norm(start) !== 'but' || cue >= 0) return false;
  const subject = start + 1;
  if (subject >= tokens.length || subject >= end || !REVERSAL_SUBJECTS.has(tokens.norm(subject)))
    return false;
  let next = start + 2;
  // "it's" is one token (the tokenizer reads `'s` as a possessive): its verb is inside it.
  if (!isPossessive(tokens, subject)) {
    if (next >= end || !REVERSAL_VERBS.has(tokens.norm(next))) return false;
    next++;
  }
  return next >= end || REVERSAL_FOLLOWERS.has(tokens.norm(next));
}

const NO = 0;
const YES = 1;
const UNSET = 2;

/**
 * Whether each clause leaves the mentions in it unclaimed: its own cue (unless the next clause reverses it), shared
 * by a bare list of names before it or an aside after it. Asked per clause, each answer kept; the chains are followed
 * with loops, not recursion, as a list of names may run for thousands of clauses.
 */
class DoubtfulClauses {
  readonly #tokens: TokenTable;
  readonly #structure: Structure;
  readonly #cues: ClauseCues;
  // Plain arrays, as in ClauseCues.
  readonly #covered: number[];
  /** After reversals and bare subjects (NO, YES, or UNSET), then after asides too. */
  readonly #withSubjects: number[];
  readonly #withAsides: number[];

  constructor(tokens: TokenTable, structure: Structure, cues: ClauseCues, mentions: readonly ClaimSpan[]) {
    this.#tokens = tokens;
    this.#structure = structure;
    this.#cues = cues;
    this.#covered = new Array<number>(tokens.length).fill(0);
    for (const mention of mentions) this.#covered.fill(1, mention.start, mention.end);
    this.#withSubjects = new Array<number>(structure.clauseCount).fill(UNSET);
    this.#withAsides = new Array<number>(structure.clauseCount).fill(UNSET);
  }

  /** The clause is nothing but technology names. */
  #isBare(clause: number): boolean {
    for (
      let k = this.#structure.clauseStarts[clause]!, end = this.#structure.clauseEnd(clause);
      k < end;
      k++
    ) {
      if (this.#covered[k] !== 1) return false;
    }
    return true;
  }

  /** Its own cue, unless the next clause turns it around ("…isn't used in dev, but it is in production"). */
  #own(clause: number): boolean {
    if (this.#cues.cue(clause) < 0) return false;
    return !(clause + 1 < this.#structure.clauseCount && this.#cues.reverses(clause + 1));
  }

  /**
   * "Websockets and Action Cable aren't used": a clause that is nothing but technology names, joined to the next
   * clause by "and"/"or" or a comma, is that clause's subject and shares its doubt (unless the doubt is only on
   * what directly follows the joint, as in "Docker and no Kubernetes").
   */
  #sharesNext(clause: number): boolean {
    const next = clause + 1;
    if (next >= this.#structure.clauseCount || !this.#isBare(clause)) return false;
    const nextStart = this.#structure.clauseStarts[next]!;
    const jointGap = this.#tokens.gaps[nextStart]!;
    const joined =
      jointGap === GAP_LIST || (jointGap === GAP_SPACE && LIST_WORDS.has(this.#tokens.norm(nextStart)));
    if (!joined) return false;
    const nextCue = this.#cues.cue(next);
    return !(nextCue >= 0 && nextCue <= nextStart + 1);
  }

  #withSubject(clause: number): boolean {
    // Walk right while the answer hangs on the next clause's, then hand the answer found back along the way.
    let k = clause;
    let answer: boolean;
    for (;;) {
      const known = this.#withSubjects[k]!;
      if (known !== UNSET) {
        answer = known === YES;
        break;
      }
      if (this.#own(k)) {
        answer = true;
        break;
      }
      if (!this.#sharesNext(k)) {
        answer = false;
        break;
      }
      k++;
    }
    for (let j = k; j >= clause; j--)
      if (this.#withSubjects[j] === UNSET) this.#withSubjects[j] = answer ? YES : NO;
    return answer;
  }

  /**
   * "…coming soon to SmartMusic (websockets, etc.)", "You don't need a NoSQL (Mongo, Elastic, whatever) cluster":
   * a parenthesis of nothing but names (and the list it starts) is an aside on the clause before it.
   */
  #sharesPrevious(clause: number): boolean {
    if (clause < 1 || !this.#isBare(clause)) return false;
    const start = this.#structure.clauseStarts[clause]!;
    const opensParenthesis = this.#tokens.text
      .slice(this.#tokens.ends[start - 1], this.#tokens.starts[start])
      .includes('(');
    return opensParenthesis || (this.#tokens.gaps[start] === GAP_LIST && this.#isBare(clause - 1));
  }

  doubtful(clause: number): boolean {
    let k = clause;
    let answer: boolean;
    for (;;) {
      const known = this.#withAsides[k]!;
      if (known !== UNSET) {
        answer = known === YES;
        break;
      }
      if (this.#withSubject(k)) {
        answer = true;
        break;
      }
      if (!this.#sharesPrevious(k)) {
        answer = false;
        break;
      }
      k--;
    }
    for (let j = k; j <= clause; j++)
      if (this.#withAsides[j] === UNSET) this.#withAsides[j] = answer ? YES : NO;
    return answer;
  }
}

/** The token before `index`, skipping filler words ("than an entire Kubernetes cluster"), within one clause. */
function cueBefore(tokens: TokenTable, ids: Int32Array, index: number): number {
  let k = index - 1;
  for (
    let skipped = 0;
    k >= 0 && skipped < 2 && ids[k] === ids[index] && COMPARISON_FILLERS.has(tokens.norm(k));
    skipped++
  )
    k--;
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
  const afterInPhrase =
    after < tokens.length && tokens.gaps[after] !== GAP_LINE && tokens.gaps[after] !== GAP_BREAK;
  if (afterInPhrase) {
    const afterNorm = tokens.norm(after);
    if (COMPARED_BEFORE.has(afterNorm)) return 'compared';
    if (OTHER_THING_AFTER.has(afterNorm)) return 'other';
    if (
      OTHER_THING_AFTER_HYPHEN.has(afterNorm) &&
      tokens.text.slice(tokens.ends[last], tokens.starts[after]) === '-'
    )
      return 'other';
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
    return cue === 'without' && tokens.normAt(k - 1) === 'or' && tokens.normAt(k - 2) === 'with'
      ? false
      : 'compared';
  }
  const beforeCue = tokens.normAt(k - 1);
  if (
    beforeCue !== undefined &&
    tokens.gaps[k] === GAP_SPACE &&
    PAIR_FIRSTS_BY_SECOND.get(cue)?.has(beforeCue) === true
  ) {
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
  if (!continuesChain(tokens, span.end) && !(spaceAfter && continuesChain(tokens, span.end + 1)))
    return false;
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
  for (
    let skipped = 0;
    k >= 0 && skipped < 3 && ids[k] === ids[span.start] && REWRITE_FILLERS.has(tokens.norm(k));
    skipped++
  )
    k--;
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
  return (
    LIST_WORDS.has(tokens.norm(left.end)) &&
    (connectorGap === GAP_SPACE || connectorGap === GAP_LIST) &&
    firstGap === GAP_SPACE
  );
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
export function claimedMentions(
  mentions: readonly ClaimSpan[],
  tokens: TokenTable,
  classes = wordClasses(tokens),
): boolean[] {
  if (mentions.length === 0) return [];
  const structure = new Structure(tokens, classes);
  const ids = structure.clauseOf;
  const sentences = structure.sentenceOf;
  const doubtful = new DoubtfulClauses(
    tokens,
    structure,
    new ClauseCues(tokens, classes, structure),
    mentions,
  );
  const unclaimed = mentions.map((mention) => unclaimedBy(tokens, ids, mention));
  const claimed = mentions.map(
    (mention, i) => !doubtful.doubtful(ids[mention.start]!) && unclaimed[i] === false,
  );
  for (let i = 1; i < mentions.length; i++) {
    if (!claimed[i - 1] && claimed[i] && inSameList(mentions[i - 1]!, mentions[i]!, tokens))
      claimed[i] = false;
  }
  if (unclaimed.includes('compared')) {
    // Per technology, the last sentence it was compared away in: mentions come in text order, so an earlier
    // sentence never matters again once a later one is reached.
    const comparedAwayIn = new Map<string, number>();
    for (let i = 0; i < mentions.length; i++) {
      const mention = mentions[i]!;
      const sentence = sentences[mention.start]!;
      if (unclaimed[i] === 'compared') comparedAwayIn.set(mention.slug, sentence);
      else if (claimed[i] === true && comparedAwayIn.get(mention.slug) === sentence) claimed[i] = false;
    }
  }
  return claimed;
}

// Words that tell whether a sentence says a technology IS used: negation, hedging and comparison cues (data).

/** A clause with one of these does not claim use: "Docker isn't being used", "without Turbolinks". */
export const NEGATION_WORDS: ReadonlySet<string> = new Set(['not', 'no', 'never', 'nor', 'neither', 'none', 'cannot']);

/** A clause with one of these talks about a maybe, a plan or a past: "might use Render next", "in the works". */
export const HEDGE_WORDS: ReadonlySet<string> = new Set([
  'might', 'may', 'could', 'eventually', 'someday', 'future', 'maybe', 'perhaps', 'considering', 'considered', 'consider',
  'thinking', 'thought', 'plan', 'plans', 'planning', 'planned', 'wants', 'hoping', 'evaluating', 'evaluated',
  'previously', 'originally', 'formerly', 'almost', 'tried', 'trying',
]);

/** Multi-word hedges: "in the past" is matched as "the past", "looking into", "no longer", "(wants to) switch to" … */
export const HEDGE_PHRASES: readonly (readonly string[])[] = [
  ['the', 'past'],
  ['no', 'longer'],
  ['looking', 'into'],
  ['looking', 'at'],
  ['looked', 'at'],
  ['looked', 'into'],
  ['the', 'works'],
  ['looking', 'to'],
  ['switch', 'to'],
  ['move', 'to'],
  ['migrate', 'to'],
  ['similar', 'to'],
  ['sort', 'of', 'like'],
  ['prior', 'to'],
  ['went', 'with'],
];

/** A technology right after one of these is the one not chosen: "AWS over Google Cloud", "instead of Heroku". */
export const COMPARED_AFTER: ReadonlySet<string> = new Set(['over', 'vs', 'versus', 'than', 'without', 'replacement', 'replacing', 'replaced']);
/** Two-word forms of the same: "instead of X", "rather than X", "alternative to X", "from X to Y" is handled apart. */
export const COMPARED_AFTER_PAIRS: readonly (readonly [string, string])[] = [
  ['instead', 'of'],
  ['rather', 'than'],
  ['alternative', 'to'],
  ['compared', 'to'],
  ['away', 'from'],
  ['replacement', 'for'],
];
/** A technology right before one of these is being compared, not claimed: "Django vs Flask", "Heroku alternative". */
export const COMPARED_BEFORE: ReadonlySet<string> = new Set(['vs', 'versus', 'alternative', 'alternatives']);
/** Verbs that make "from X" the technology left behind: "switching from Apache to nginx". */
export const MOVE_VERBS: ReadonlySet<string> = new Set([
  'switching', 'switched', 'switch', 'moving', 'moved', 'move', 'migrating', 'migrated', 'migrate', 'going', 'went',
  'transitioning', 'transitioned', 'converting', 'converted', 'rewriting', 'rewrote', 'porting', 'ported', 'rebuild',
  'rebuilding', 'rebuilt', 'back',
]);

/** Connectors that keep a list of technologies together, so a doubt on one covers the next. */
export const LIST_WORDS: ReadonlySet<string> = new Set(['and', 'or', 'nor']);

/** Words that end one clause and start another: a negation or hedge does not reach across them. */
export const CLAUSE_WORDS: ReadonlySet<string> = new Set(['but', 'because', 'although', 'though', 'whereas', 'however', 'except', 'while', 'so', 'yet', 'unlike', 'which', 'and']);

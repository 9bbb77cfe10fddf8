// Words that tell whether a sentence says a technology IS used: negation, hedging and comparison cues (data).

/** A clause with one of these does not claim use: "Docker isn't being used", "without Turbolinks". */
export const NEGATION_WORDS: ReadonlySet<string> = new Set([
  'not',
  'no',
  'never',
  'nor',
  'neither',
  'none',
  'cannot',
]);

/** A clause with one of these talks about a maybe, a plan or a past: "might use Render next", "coming soon". */
export const HEDGE_WORDS: ReadonlySet<string> = new Set([
  'might',
  'may',
  'could',
  'eventually',
  'someday',
  'future',
  'maybe',
  'perhaps',
  'probably',
  'considering',
  'considered',
  'consider',
  'thinking',
  'thought',
  'plan',
  'plans',
  'planning',
  'planned',
  'wants',
  'hoping',
  'evaluating',
  'evaluated',
  'previously',
  'originally',
  'original',
  'formerly',
  'earlier',
  'almost',
  'tried',
  'trying',
  'soon',
  'likely',
]);

/**
 * "what nginx used to do", "The front-end used to be written in Elm": a past habit. Not after a form of "be" or
 * "get" ("Sidekiq is used to move data", "getting used to Flask"), which is the passive "used".
 */
export const PAST_HABIT_VERBS: ReadonlySet<string> = new Set(['be', 'have', 'do', 'run', 'host']);
export const PASSIVE_BEFORE_USED: ReadonlySet<string> = new Set([
  'is',
  'are',
  'was',
  'were',
  'be',
  'been',
  'being',
  'get',
  'gets',
  'got',
  'getting',
  'also',
  'both',
  'still',
  'mainly',
  'only',
  'mostly',
  'that',
]);

/**
 * The speaker's career, not the episode's app: a sentence with one of these ("I'm a developer working at Vincit,
 * mainly with Python", "I started as a C++ developer") says nothing about the stack. The last word of a
 * `[verb, 'at']` form must be followed by a capitalised name (an employer), so "working at the moment" is not one.
 */
export const CAREER_PHRASES: readonly (readonly string[])[] = [
  ['working', 'at'],
  ['works', 'at'],
  ['worked', 'at'],
  ['job', 'at'],
  ['started', 'as', 'a'],
  ['started', 'out', 'as'],
  ['career', 'as'],
];

/** Multi-word hedges: "in the past" is matched as "the past", "looking into", "no longer", "(wants to) switch to" … */
export const HEDGE_PHRASES: readonly (readonly string[])[] = [
  ['the', 'past'],
  ['no', 'longer'],
  ['looking', 'into'],
  ['looking', 'at'],
  ['looked', 'at'],
  ['looked', 'into'],
  ['a', 'look', 'at'],
  ['the', 'works'],
  ['looking', 'to'],
  ['switch', 'to'],
  ['move', 'to'],
  ['migrate', 'to'],
  // In progress, not done yet: "that's being moved to ConvertKit", "migrating to Kubernetes".
  ['being', 'moved'],
  ['being', 'migrated'],
  ['similar', 'to'],
  ['sort', 'of', 'like'],
  ['nothing', 'like'],
  ['prior', 'to'],
  ['went', 'with'],
  ['would', 'have'],
  ['think', 'about'],
  ['keeping', 'an', 'eye'],
  // A topic that asks about an option: "What about DigitalOcean Spaces? It's just not stable enough".
  ['what', 'about'],
  ['how', 'about'],
];

/**
 * A question starting with one of these asks whether to use something, it does not say it is used:
 * "Should you go Serverless or stick with a traditional app?", "…but have customers ever asked for PayPal?".
 * So does a choice between options ("Server side templates and a bit of JavaScript or an API back-end?").
 * Questions starting with a {@link WH_WORDS} word often introduce what IS used ("What is AWS Fargate?"), so they count.
 */
export const YES_NO_QUESTION_STARTS: ReadonlySet<string> = new Set([
  'is',
  'are',
  'was',
  'were',
  'do',
  'does',
  'did',
  'should',
  'would',
  'could',
  'can',
  'will',
  'have',
  'has',
  'shall',
]);

export const WH_WORDS: ReadonlySet<string> = new Set(['what', 'why', 'how', 'which', 'who', 'where', 'when']);

/** A technology right after one of these is the one not chosen: "AWS over Google Cloud", "instead of Heroku". */
export const COMPARED_AFTER: ReadonlySet<string> = new Set([
  'over',
  'vs',
  'versus',
  'than',
  'without',
  'replacement',
  'replacing',
  'replaced',
  // Left out on purpose: "why she skipped Kubernetes", "avoided Docker in development".
  'skipped',
  'skipping',
  'avoided',
  'avoiding',
  'ditched',
]);
/** Two-word forms of the same: "instead of X", "rather than X", "alternative to X", "from X to Y" is handled apart. */
export const COMPARED_AFTER_PAIRS: readonly (readonly [string, string])[] = [
  ['instead', 'of'],
  ['rather', 'than'],
  ['alternative', 'to'],
  ['compared', 'to'],
  ['compared', 'with'],
  ['compares', 'to'],
  ['away', 'from'],
  ['replacement', 'for'],
  // A model, not a part of the stack: "took a lot of inspiration from Laravel", "Inspired by Laravel, Chris wrote…".
  ['inspiration', 'from'],
  ['inspired', 'by'],
  ['decided', 'against'],
  ['chose', 'against'],
];
/**
 * Words that may stand between a comparison cue and the technology without changing what is compared:
 * "easier to set up than an entire Kubernetes cluster", "instead of using Heroku".
 */
export const COMPARISON_FILLERS: ReadonlySet<string> = new Set([
  'a',
  'an',
  'the',
  'entire',
  'whole',
  'full',
  'plain',
  'just',
  'using',
  'regular',
  'vanilla',
]);
/** "over" has many senses ("fail over using Route 53", "data over websockets"): only an article may stand between. */
export const OVER_FILLERS: ReadonlySet<string> = new Set(['a', 'an', 'the']);
/** A technology right before one of these is being compared, not claimed: "Django vs Flask", "Heroku alternative". */
export const COMPARED_BEFORE: ReadonlySet<string> = new Set(['vs', 'versus', 'alternative', 'alternatives']);
/**
 * A technology right before one of these names something else: an imitation ("S3 compatible object storage")
 * or a reference ("following a bunch of DigitalOcean guides", "the Stripe docs").
 */
export const OTHER_THING_AFTER: ReadonlySet<string> = new Set([
  'compatible',
  'compatibility',
  'clone',
  'clones',
  'guide',
  'guides',
  'docs',
  'documentation',
  'tutorial',
  'tutorials',
]);
/** Joined by a hyphen, these also name an imitation: "Spaces (S3-like object store)", "a Heroku-style PaaS". */
export const OTHER_THING_AFTER_HYPHEN: ReadonlySet<string> = new Set(['like', 'style', 'ish', 'esque']);

/** Verbs that make "from X" the technology left behind: "switching from Apache to nginx". */
export const MOVE_VERBS: ReadonlySet<string> = new Set([
  'switching',
  'switched',
  'switch',
  'moving',
  'moved',
  'move',
  'migrating',
  'migrated',
  'migrate',
  'going',
  'went',
  'go',
  'transitioning',
  'transitioned',
  'converting',
  'converted',
  'rewriting',
  'rewrote',
  'porting',
  'ported',
  'rebuild',
  'rebuilding',
  'rebuilt',
  'back',
  'backing',
  'backed',
]);
/** A technology right after one of these (past an article) is being given up: "made a choice to drop Elm in a refactor". */
export const ABANDON_VERBS: ReadonlySet<string> = new Set([
  'drop',
  'dropped',
  'dropping',
  'ditch',
  'ditched',
  'ditching',
  'abandon',
  'abandoned',
  'abandoning',
]);

/**
 * "rebuild an old PHP app with Django", "Converting an older PHP app into Django": the technology of the thing
 * being rewritten is left behind. A rewrite verb, up to three of {@link REWRITE_FILLERS}, the technology, then
 * one of {@link REWRITTEN_THINGS}.
 */
export const REWRITE_VERBS: ReadonlySet<string> = new Set([
  'rebuild',
  'rebuilding',
  'rebuilt',
  'rewrite',
  'rewriting',
  'rewrote',
  'rewritten',
  'convert',
  'converting',
  'converted',
  'port',
  'porting',
  'ported',
  'replace',
  'replacing',
  'replaced',
  'modernize',
  'modernizing',
  'modernise',
  'modernising',
]);
export const REWRITE_FILLERS: ReadonlySet<string> = new Set([
  'a',
  'an',
  'the',
  'old',
  'older',
  'legacy',
  'existing',
  'our',
  'their',
  'his',
  'her',
  'its',
  'whole',
  'entire',
]);
export const REWRITTEN_THINGS: ReadonlySet<string> = new Set([
  'app',
  'apps',
  'application',
  'site',
  'website',
  'codebase',
  'code',
  'monolith',
  'backend',
  'back',
  'front',
  'frontend',
  'system',
  'platform',
  'version',
]);

/**
 * Objects that make a move a data flow, not a migration: "moving data from Redis to PostgreSQL" uses both.
 * (A migration moves the app: "moving from Redis to PostgreSQL" leaves Redis behind.)
 */
export const DATA_NOUNS: ReadonlySet<string> = new Set([
  'data',
  'files',
  'file',
  'backups',
  'backup',
  'records',
  'rows',
  'logs',
  'messages',
  'events',
  'images',
  'assets',
  'uploads',
  'documents',
  'dumps',
  'snapshots',
  'content',
  'traffic',
  'requests',
  'metrics',
  'emails',
  'jobs',
]);

/** Connectors that keep a list of technologies together, so a doubt on one covers the next. */
export const LIST_WORDS: ReadonlySet<string> = new Set(['and', 'or', 'nor']);

/** Words that end one clause and start another: a negation or hedge does not reach across them. */
export const CLAUSE_WORDS: ReadonlySet<string> = new Set([
  'but',
  'because',
  'although',
  'though',
  'whereas',
  'however',
  'except',
  'while',
  'so',
  'yet',
  'unlike',
  'which',
  'what',
  'and',
]);

/** "…isn't used in dev, but it is in production": a contrast clause made of these turns the negation around. */
export const REVERSAL_SUBJECTS: ReadonlySet<string> = new Set(['it', 'they', 'that', 'this']);
export const REVERSAL_VERBS: ReadonlySet<string> = new Set([
  'is',
  'are',
  'was',
  'were',
  'does',
  'do',
  'did',
  'has',
  'have',
]);
/**
 * …followed by where or how it is used ("but it is in production", "but it's part of the CI"), not by a new
 * description ("BigQuery does not work with Ecto, but it's a fairly simple set up").
 */
export const REVERSAL_FOLLOWERS: ReadonlySet<string> = new Set([
  'in',
  'with',
  'for',
  'at',
  'used',
  'being',
  'part',
  'running',
  'still',
  'also',
  'now',
]);

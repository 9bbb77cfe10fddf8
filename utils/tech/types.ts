// The shape of one catalog entry: what a technology is called, what it is, and how to tell it from an everyday word.
import type { TechCategory } from '@/utils/model';

/**
 * How sure a bare prose mention is.
 * - `'case'`: an everyday word too ("Slack", "Meteor"); counts only when capitalised.
 * - `{ context }`: a common word ("Go", "Express", "Render"); counts only when capitalised AND
 *   backed by evidence: one of `context` (lower-case words) within a few words, a neighbour in a
 *   list of technologies ("Rails, Phoenix and .NET Core"), or a `related`/parent technology named
 *   elsewhere in the same text. `not` words within a few words veto it ("Phoenix, Arizona").
 */
export type TechAmbiguity =
  | 'case'
  | {
      readonly context?: readonly string[];
      readonly related?: readonly string[];
      readonly not?: readonly string[];
    };

export interface Technology {
  /** runninginproduction.com's tag name where one exists, else a kebab-case id. */
  readonly slug: string;
  /** Display name. */
  readonly name: string;
  /** Other names people write (the name and the slug are matched too). Case-insensitive. */
  readonly aliases: readonly string[];
  readonly category: TechCategory;
  /**
   * Vendor homepage: a host without scheme or `www.`, optionally followed by a path prefix
   * (`aws.amazon.com/rds`), so that links to it can be recognised.
   */
  readonly homepage: string;
  /**
   * Other addresses of the same technology, written like `homepage`: a renamed domain (reactjs.org → react.dev), a
   * docs subdomain (kit.svelte.dev) or its source repository (github.com/lerna/lerna). Links to them count as links
   * to the homepage.
   */
  readonly sites?: readonly string[];
  /** Technologies this one implies (Django → Python, RDS → AWS). */
  readonly parents?: readonly string[];
  /** Set when the name (or one alias) is also an everyday word: see {@link TechAmbiguity}. */
  readonly ambiguous?: TechAmbiguity;
  /**
   * Aliases that are everyday words while the rest are not (Go vs Golang): only these obey
   * `ambiguous`; without this list every alias and the name do.
   */
  readonly ambiguousAliases?: readonly string[];
  /**
   * Lower-case words that, right after the name, show it describes something other than the episode's stack:
   * for the concept tag `open-source` (the episode's app is open source), "open source version of nginx",
   * "open source projects" or "their open source work" are about other software.
   */
  readonly notClaimedBefore?: readonly string[];
}

// Tech-stack accuracy on devtools.fm (../shared, read at run time): what the product reports from each episode page,
// rendered as the site renders it, against the episode's front-matter tags.
import type { TechMention } from '@/utils/model';
import { techBySlug } from '@/utils/tech/catalog';
import { resolveTechReference, techByHomepage } from '@/utils/tech/lookup';
import { linksOf, loadDevtoolsEpisodes, renderNotes, techOfRenderedNotes } from './tech-accuracy-notes';
import { count, namedIn, ratio, scores, type Scores } from './tech-accuracy-scores';

export interface DevtoolsAccuracy {
  episodes: number;
  /** Tags as written, one per episode and spelling (lower-cased). */
  tagsTotal: number;
  /** Of those, the tags the catalog resolves (as the product resolves a tag: slug, name or alias). */
  tagsMapped: number;
  /** The tags the catalog does not resolve, with how many episodes carry each. */
  unmapped: Map<string, number>;
  /** Reported from the rendered notes against the mapped tags (distinct slugs per episode). */
  notes: Scores;
  /** The same with the transcript tab read too (the whole page as the site renders it). */
  withTranscript: Scores;
  /** Mapped tags the notes name by a catalog spelling or link to by homepage: how many of those are reported. */
  named: { total: number; reported: number; recall: number };
  /** Tag occurrences whose technology the notes reported, over all tag occurrences (comparable across catalogs). */
  recallAllTags: number;
  missed: Map<string, number>;
  extra: Map<string, number>;
}

/**
 * Measures the extraction on every devtools.fm episode that has tags; `transcripts: false` skips the (slow) reading
 * of the whole page with its transcript, and `withTranscript` is then all zeros.
 */
export function evaluateDevtoolsAccuracy({ transcripts = true } = {}): DevtoolsAccuracy {
  const unmapped = new Map<string, number>();
  const missed = new Map<string, number>();
  const extra = new Map<string, number>();
  let tagsTotal = 0;
  let tagsMapped = 0;
  let tagHits = 0;
  const notes = { tp: 0, fp: 0, fn: 0 };
  const whole = { tp: 0, fp: 0, fn: 0 };
  const named = { total: 0, reported: 0 };
  const tally = (
    into: typeof notes,
    reported: readonly TechMention[],
    truth: ReadonlySet<string>,
    track: boolean,
  ) => {
    const slugs = new Set(reported.map((mention) => mention.slug));
    for (const slug of slugs) {
      if (truth.has(slug)) into.tp++;
      else {
        into.fp++;
        if (track) count(extra, slug);
      }
    }
    for (const slug of truth) {
      if (slugs.has(slug)) continue;
      into.fn++;
      if (track) count(missed, slug);
    }
    return slugs;
  };
  const episodes = loadDevtoolsEpisodes().filter((episode) => episode.tags.length > 0);
  for (const episode of episodes) {
    const truth = new Set<string>();
    const tags = [...new Set(episode.tags.map((tag) => tag.trim().toLowerCase()))];
    const tagSlugs: Array<string | undefined> = tags.map((tag) => resolveTechReference(tag)?.slug);
    tags.forEach((tag, i) => {
      const slug = tagSlugs[i];
      if (slug === undefined) count(unmapped, tag);
      else truth.add(slug);
    });
    tagsTotal += tags.length;
    tagsMapped += tagSlugs.filter((slug) => slug !== undefined).length;

    const element = renderNotes(episode.notes);
    const reported = tally(notes, techOfRenderedNotes(episode.title, element), truth, true);
    tagHits += tagSlugs.filter((slug) => slug !== undefined && reported.has(slug)).length;
    if (transcripts)
      tally(
        whole,
        techOfRenderedNotes(episode.title, renderNotes(`${episode.notes}\n\n${episode.transcript}`)),
        truth,
        false,
      );

    const text = `${episode.title}\n${element.textContent ?? ''}`;
    const linked = new Set(linksOf(element).map((href) => techByHomepage(href)?.slug));
    for (const slug of truth) {
      const tech = techBySlug(slug);
      if (tech === undefined || !(namedIn(text, tech) || linked.has(slug))) continue;
      named.total++;
      if (reported.has(slug)) named.reported++;
    }
  }
  return {
    episodes: episodes.length,
    tagsTotal,
    tagsMapped,
    unmapped,
    notes: scores(notes.tp, notes.fp, notes.fn),
    withTranscript: scores(whole.tp, whole.fp, whole.fn),
    named: { ...named, recall: ratio(named.reported, named.total) },
    recallAllTags: ratio(tagHits, tagsTotal),
    missed,
    extra,
  };
}

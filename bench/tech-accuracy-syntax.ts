// Tech recognition on Syntax's show notes (../shared, read at run time): of the technology sites the notes link
// (hand-checked hosts), how many the product recognises on the page as the site renders it.
import { techBySlug } from '@/utils/tech/catalog';
import { techByHomepage } from '@/utils/tech/lookup';
import { linksOf, loadSyntaxShows, renderNotes, techOfRenderedNotes } from './tech-accuracy-notes';
import { count, lineage, ratio } from './tech-accuracy-scores';
import { SYNTAX_HELD_OUT_HOSTS, SYNTAX_MIXED_HOSTS, SYNTAX_TECH_HOSTS } from './tech-accuracy-syntax-hosts';

/** The key a link is checked under: its host without `www.`, or `github.com/owner/repo` for a repository. */
export function linkKey(href: string): string | undefined {
  let url: URL;
  try {
    url = new URL(href);
  } catch {
    return undefined;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return undefined;
  const host = url.hostname.toLowerCase().replace(/^www\./, '');
  if (host !== 'github.com') return host;
  const [owner, repo] = url.pathname.split('/').filter(Boolean);
  return repo === undefined ? host : `${host}/${owner}/${repo}`.toLowerCase();
}

/**
 * The Markdown without its adverts, by a rule of its own (not the extractor's): a heading that says "sponsor" or
 * "shameless plug" with everything under it up to the next heading of its level, and lines that start "Sponsored
 * by" or "Brought to you by" (after a chapter's stamp, if any).
 */
export function withoutSponsorReads(markdown: string): string {
  const kept: string[] = [];
  let skippingBelow = 0;
  for (const line of markdown.split('\n')) {
    const heading = /^(#{1,6})\s/.exec(line);
    if (heading !== null) {
      const level = heading[1]!.length;
      if (skippingBelow > 0 && level > skippingBelow) continue;
      skippingBelow = /sponsor|shameless\s+plug/i.test(line) ? level : 0;
      if (skippingBelow > 0) continue;
    } else if (skippingBelow > 0) continue;
    // A chapter line may carry the credit after its stamp: "* **[00:59](#t=00:59)** Brought to you by Sentry.io".
    const credit = line.replace(
      /^[\s*>-]*(?:\**\[?\d{1,2}(?::\d{2}){1,2}\]?(?:\(#[^)]*\))?\**\s*[-–—:]?\s*)?/,
      '',
    );
    if (/^\[?(?:(?:this\s+)?episode\s+(?:is\s+)?)?(?:sponsored\s+by|brought\s+to\s+you\s+by)/i.test(credit))
      continue;
    kept.push(line);
  }
  return kept.join('\n');
}

export interface LinkedRecall {
  /** (show, technology) pairs where the notes, outside sponsor reads, link one of the list's technology sites. */
  total: number;
  /** Of those, the pairs where the page reports the technology (or one of its products, for a vendor). */
  recognised: number;
  recall: number;
  /** Pairs missed because the catalog has no such technology. */
  lackingInCatalog: number;
  missed: Map<string, number>;
  lacking: Map<string, number>;
}

export interface SyntaxAccuracy {
  shows: number;
  links: number;
  /** Hosts linked from four or more shows: the ones checked by hand. */
  checkedHosts: number;
  /** Technology sites linked from four or more shows (the list the catalog entries were chosen from). */
  linked: LinkedRecall;
  /** Technology sites linked from exactly three shows, checked after the entries were added (see the hosts file). */
  heldOut: LinkedRecall;
  /**
   * Technologies reported from links to checked hosts (outside sponsor reads): right when the link's host is that
   * technology's (or its vendor's) site, wrong when the host was checked as no technology (hosts of many
   * technologies' pages, such as MDN, are not scored).
   */
  linkPrecision: { right: number; wrong: number; precision: number };
  /** Harmonic mean of the link precision and the recall of linked technologies (four or more shows). */
  f1: number;
  /** Technologies that sponsor reads link, per show, and how many of them the page still reports. */
  sponsorLinked: { total: number; reported: number };
  /** Technologies reported only from prose or from links to unchecked hosts (not scored; see BENCHMARKS.md). */
  otherReports: number;
  /** Links to GitHub repositories and npm packages, and how many of them the page recognised as a technology. */
  repositoryLinks: { total: number; recognised: number };
}

class RecallCounter {
  readonly result: LinkedRecall = {
    total: 0,
    recognised: 0,
    recall: 1,
    lackingInCatalog: 0,
    missed: new Map(),
    lacking: new Map(),
  };

  constructor(private readonly hosts: Readonly<Record<string, string>>) {}

  /** The technologies a show's links (keys) stand for in this list. */
  expected(keys: Iterable<string>): Set<string> {
    const out = new Set<string>();
    for (const key of keys) {
      const slug = this.hosts[key];
      if (slug !== undefined) out.add(slug);
    }
    return out;
  }

  add(expected: ReadonlySet<string>, reported: ReadonlySet<string>): void {
    const result = this.result;
    for (const slug of expected) {
      result.total++;
      if (reported.has(slug)) {
        result.recognised++;
        continue;
      }
      count(result.missed, slug);
      if (techBySlug(slug) === undefined) {
        result.lackingInCatalog++;
        count(result.lacking, slug);
      }
    }
    result.recall = ratio(result.recognised, result.total);
  }
}

/** Measures how many of the technology sites Syntax's notes link the extraction recognises. */
export function evaluateSyntaxAccuracy(): SyntaxAccuracy {
  const shows = loadSyntaxShows().map((show) => ({
    show,
    element: renderNotes(show.notes),
    ownLinks: linksOf(renderNotes(withoutSponsorReads(show.notes))),
  }));
  const showsPerHost = new Map<string, number>();
  for (const { element } of shows) {
    for (const key of new Set(linksOf(element).map(linkKey))) if (key !== undefined) count(showsPerHost, key);
  }
  const checked = new Set([...showsPerHost].filter(([, n]) => n >= 4).map(([key]) => key));
  const linked = new RecallCounter(SYNTAX_TECH_HOSTS);
  const heldOut = new RecallCounter(SYNTAX_HELD_OUT_HOSTS);
  let links = 0;
  const fromLinks = { right: 0, wrong: 0 };
  const sponsorLinked = { total: 0, reported: 0 };
  let otherReports = 0;
  const repositories = { total: 0, recognised: 0 };
  for (const { show, element, ownLinks } of shows) {
    const hrefs = linksOf(element);
    links += hrefs.length;
    const reported = techOfRenderedNotes(show.title, element);
    const reportedLineage = new Set(reported.flatMap((mention) => [...lineage(mention.slug)]));
    const ownKeys = new Set(ownLinks.map(linkKey).filter((key): key is string => key !== undefined));
    linked.add(linked.expected(ownKeys), reportedLineage);
    heldOut.add(heldOut.expected(ownKeys), reportedLineage);
    const sponsorKeys = hrefs
      .map(linkKey)
      .filter((key): key is string => key !== undefined && !ownKeys.has(key));
    for (const slug of linked.expected(sponsorKeys)) {
      sponsorLinked.total++;
      if (reportedLineage.has(slug)) sponsorLinked.reported++;
    }

    const fromChecked = new Map<string, boolean>();
    for (const href of ownLinks) {
      const key = linkKey(href);
      if (key === undefined) continue;
      const tech = techByHomepage(href);
      if (key.startsWith('github.com/') || /^https?:\/\/(?:www\.)?npmjs\.com\/package\//i.test(href)) {
        repositories.total++;
        if (tech !== undefined) repositories.recognised++;
      }
      if (tech === undefined || !checked.has(key) || SYNTAX_MIXED_HOSTS.has(key)) continue;
      const truth = SYNTAX_TECH_HOSTS[key];
      const right = truth !== undefined && lineage(tech.slug).has(truth);
      fromChecked.set(tech.slug, (fromChecked.get(tech.slug) ?? false) || right);
    }
    for (const right of fromChecked.values()) {
      if (right) fromLinks.right++;
      else fromLinks.wrong++;
    }
    otherReports += reported.filter((mention) => !fromChecked.has(mention.slug)).length;
  }
  const precision = ratio(fromLinks.right, fromLinks.right + fromLinks.wrong);
  const recall = linked.result.recall;
  return {
    shows: shows.length,
    links,
    checkedHosts: checked.size,
    linked: linked.result,
    heldOut: heldOut.result,
    linkPrecision: { ...fromLinks, precision },
    f1: precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall),
    sponsorLinked,
    otherReports,
    repositoryLinks: repositories,
  };
}

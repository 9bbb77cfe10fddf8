// The episode of a page about one episode (a podcast's own site, a blog post): every block of its article is
// that episode's notes (a chapter list and a transcript are one episode), and the page tells its title, link,
// date, duration and audio however it can.
import type { EpisodeMeta, FoundEpisode } from './types';
import {
  mainHeading,
  namesSite,
  permalinkTitle,
  siteNames,
  withoutSiteName,
  type PageEpisode,
} from './page-episode';
import { metaContent, stringAt } from './page-metadata';
import { findAudio, pageDataAudio } from './page-audio';
import { commonAncestor, widenNotes } from './block-areas';
import { enclosingRegion, regionKind, regionsSelector } from './content-regions';
import { countTimestamps } from './timestamp-blocks';
import { elementText } from './fields';
import { audioUrl, cleanLabel, httpUrl, isoDate, parseDuration } from './values';

/** Elements that hold one post or episode: HTML's article, schema.org items, microformats. */
export const EPISODE_ITEM =
  'article, [itemtype*="Episode"], [itemtype*="BlogPosting"], [itemtype*="Article"], .hentry, .h-entry';

/** Where a page states its duration: schema.org, players' data attributes, a `…-duration` element. */
const DURATION =
  '[itemprop="duration"], [data-duration-in-ms], [data-duration], time[datetime^="PT"], time[datetime^="pt"], [class*="duration"]';
const CLOCK = /(?:\d{1,2}:)?\d{1,2}:\d{2}(?!\d)/g;

export interface SingleOptions {
  /** Read audio (off where a site's page audio is a preview clip). */
  audio: boolean;
}

function outsideRegions(top: Element): (element: Element) => boolean {
  return (element) => enclosingRegion(element, top) === 'never';
}

/** The post or main content the notes sit in, for the title, date and audio around them. */
function contentOf(notes: Element): Element | null {
  try {
    return notes.closest(EPISODE_ITEM) ?? notes.closest('main, [role="main"]');
  } catch {
    return null;
  }
}

function durationOf(element: Element): number | null {
  const ms = element.getAttribute('data-duration-in-ms');
  if (ms) return parseDuration(Number(ms) / 1000);
  const raw =
    element.getAttribute('content') ??
    element.getAttribute('datetime') ??
    element.getAttribute('data-duration');
  if (raw) return parseDuration(/^\d+(?:\.\d+)?$/.test(raw.trim()) ? Number(raw) : raw);
  const text = elementText(element, 200);
  const clocks = text.match(CLOCK);
  return parseDuration(clocks ? clocks[clocks.length - 1] : text);
}

/** The duration the content states, outside the blocks of times (a notes' time is a chapter, not the length). */
function statedDuration(
  scope: Element,
  blocks: Element[],
  skip: (element: Element) => boolean,
): number | null {
  for (const element of Array.from(scope.querySelectorAll(DURATION)).slice(0, 30)) {
    if (blocks.some((block) => block.contains(element)) || skip(element)) continue;
    const seconds = durationOf(element);
    if (seconds !== null) return seconds;
  }
  return null;
}

function statedDate(scope: Element, skip: (element: Element) => boolean): string | null {
  for (const element of Array.from(
    scope.querySelectorAll('time, [itemprop="datePublished"], [class*="date"]'),
  ).slice(0, 20)) {
    if (skip(element)) continue;
    const date =
      isoDate(element.getAttribute('datetime') ?? element.getAttribute('content') ?? '') ??
      isoDate(elementText(element, 200));
    if (date) return date;
  }
  return null;
}

/** Times in the siblings along the way up, outside comments, sidebars and related lists. */
function siblingTimes(node: Element, parent: Element): number {
  let times = 0;
  for (const sibling of Array.from(parent.children).slice(0, 500)) {
    if (sibling === node || regionKind(sibling) !== null) continue;
    times += countTimestamps(elementText(sibling, 5_000));
  }
  return times;
}

/**
 * The notes grown up to the post when the post's other elements carry times too: a topic a paragraph, one
 * of them holding two times, makes that paragraph the only block, yet the topics are all the paragraphs.
 */
function withTimedSiblings(notes: Element, content: Element): Element {
  let grown = notes;
  for (let node = notes; node !== content && node.parentElement; node = node.parentElement) {
    if (siblingTimes(node, node.parentElement) >= 3) grown = node.parentElement;
    if (node.parentElement === content) break;
  }
  return grown;
}

/** A date printed by the title (a byline beside or under the heading), outside the notes. */
function bylineDate(heading: Element | null, notes: Element): string | null {
  const around = heading?.parentElement;
  if (!around || around.contains(notes) || notes.contains(around)) {
    const next = heading?.nextElementSibling;
    return next && !next.contains(notes) && next !== notes ? isoDate(elementText(next, 300)) : null;
  }
  return isoDate(elementText(around, 500));
}

/**
 * One episode from the blocks of a page about one episode: its notes are the smallest element holding all of
 * them (not-notes regions inside left out of the parse), its place the first block's, its meta the page's own,
 * else what `nearby` (the area around the first block) says.
 * @example singleEpisode(document, url, readPageEpisode(document, url), blocks, document.body, counts, { audio: true }, nearbyMeta)
 */
export function singleEpisode(
  doc: Document,
  url: URL,
  page: PageEpisode,
  blocks: Element[],
  top: Element,
  counts: Map<Element, number>,
  options: SingleOptions,
  nearby: EpisodeMeta,
): FoundEpisode {
  const nearest = blocks.length === 1 ? widenNotes(blocks[0]!, top, counts) : commonAncestor(blocks, top);
  const content = contentOf(nearest);
  const notes = content ? withTimedSiblings(nearest, content) : nearest;
  const scope = content ?? top;
  const skip = outsideRegions(top);
  const names = siteNames(doc);
  const headingElement = mainHeading(doc, content);
  const heading = cleanLabel(headingElement?.textContent);
  const address = page.meta.url ?? httpUrl(url.href, undefined, false)!;
  const title =
    cleanLabel(stringAt(page.jsonLd, ['name'])) ??
    (heading && !namesSite(heading, names) ? heading : null) ??
    permalinkTitle(scope, [address, url.href]) ??
    withoutSiteName(metaContent(doc, ['og:title', 'twitter:title']), names) ??
    withoutSiteName(doc.querySelector('title')?.textContent, names) ??
    heading ??
    nearby.title;
  let audio: string | null = null;
  let playerUrl: string | null = null;
  if (options.audio) {
    const inContent = findAudio(scope, url, skip);
    const inPage = scope === top ? inContent : findAudio(top, url, skip);
    audio =
      page.declaredAudio ??
      inContent.audioUrl ??
      nearby.audioUrl ??
      page.meta.audioUrl ??
      inPage.audioUrl ??
      pageDataAudio(doc, url);
    // The page's own card player (`twitter:player`) is an embed too: a player link, never audio.
    playerUrl = audio
      ? null
      : (inContent.playerUrl ?? inPage.playerUrl ?? httpUrl(metaContent(doc, ['twitter:player']), url));
  }
  const meta: EpisodeMeta = {
    title,
    podcast: page.meta.podcast ?? cleanLabel(metaContent(doc, ['og:site_name'])) ?? null,
    date: page.meta.date ?? statedDate(scope, skip) ?? bylineDate(headingElement, notes) ?? nearby.date,
    durationSeconds:
      page.meta.durationSeconds ?? statedDuration(scope, blocks, skip) ?? nearby.durationSeconds,
    url: address,
    audioUrl: audioUrl(audio),
    playerUrl,
  };
  const media = (scope.querySelector('audio, video') as HTMLMediaElement | null) ?? onlyMedia(doc);
  // The panel goes beside the first block (a contents list), not after a transcript the notes also hold.
  const root = blocks.length === 1 ? notes : widenNotes(blocks[0]!, top, counts);
  return { meta, root, notes, notesIgnore: regionsSelector(notes, blocks), media };
}

/** The page's only media element, if it has exactly one. */
export function onlyMedia(doc: Document): HTMLMediaElement | null {
  const media = doc.querySelectorAll('audio, video');
  return media.length === 1 ? (media[0] as HTMLMediaElement) : null;
}

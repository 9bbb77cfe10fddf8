// The site-adapter contract: adapters know pages; nothing else does.
import type { Episode } from '../model';
import type { SiteAddress } from './address';

/** What an adapter reads off the page for one episode, before parsing. */
export interface EpisodeMeta {
  title: string | null;
  podcast: string | null;
  /** ISO date YYYY-MM-DD. */
  date: string | null;
  durationSeconds: number | null;
  /** Canonical episode URL (absolute). */
  url: string | null;
  /** Absolute http(s) audio URL. */
  audioUrl: string | null;
  /** The feed's GUID when the page carries it (the episode's id when there is no URL). */
  guid?: string | null;
  /** An embedded player's address (an iframe) when the page has no audio Stackcast can play itself. */
  playerUrl?: string | null;
}

/** One episode found on a page, still tied to the DOM. */
export interface FoundEpisode {
  meta: EpisodeMeta;
  /** The element the episode occupies (the overlay is placed after/inside it). */
  root: Element;
  /** The show-notes element to parse, or null when notes come from metadata only. */
  notes: Element | null;
  /**
   * CSS selector for descendants of `notes` that are not show notes (the site's player readout, tag
   * badges): the scan parses a copy without them, and in-page linking should skip them.
   */
  notesIgnore?: string | null;
  /** Show notes as text when the page only carries them in metadata (meta description, JSON-LD). */
  notesText?: string | null;
  /** Extra tech hints the page carries outside the notes (tag badges, hashtags, stack lists). */
  techHints?: { tags?: string[]; listed?: string[]; links?: string[] };
  /** The page's own player for this episode, if it has a seekable one. */
  media?: HTMLMediaElement | null;
}

export interface SiteAdapter {
  /** Short stable id: 'runninginproduction', 'apple', 'overcast', ..., 'generic'. */
  id: string;
  name: string;
  /** Pure URL predicate. */
  matches(url: URL): boolean;
  /** Real URLs this adapter must match (a test asserts no other adapter matches them). */
  exampleUrls: string[];
  /** Episodes on the page: one on an episode page, many on a listing page, none elsewhere. */
  findEpisodes(doc: Document, url: URL): FoundEpisode[];
  /** Whether the player of this site can be driven by seeking a media element. */
  seekable: boolean;
  /** Where a known site lives (its hosts: the content script's matches) and its time link; none for generic. */
  address?: SiteAddress;
  /** A URL that opens the episode at a time, when the site supports it (e.g. `#1:45`): its address's time link. */
  timeUrl?(episodeUrl: string, seconds: number): string | null;
}

/** A found episode, parsed: the data model plus its DOM anchors. */
export interface DetectedEpisode extends FoundEpisode {
  episode: Episode;
  adapter: SiteAdapter;
}

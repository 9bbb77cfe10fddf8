// One scan of the page as a job for utils/overlay/slices.ts: find the episodes, read them (those in or near
// the viewport first), send the readings to the parser in batches, draw the panels as answers come.
import type { ComponentChildren } from 'preact';
import type { Episode } from '../model';
import type { EpisodeReading, PageEpisodes } from '../sites/reading';
import type { DetectedEpisode } from '../sites/types';
import { LISTING_MIN_EPISODES, PANELS_MAX } from './limits';
import type { MountedPanel } from './mount';
import type { OverlayOptions } from './options';
import type { PageLinks } from './page-links';
import type { Panels } from './panels';
import { FIRST_BATCH, ParseBatches, type ParseReadings } from './parse-batches';
import { watchViewport } from './viewport-watch';

export interface OverlayDeps {
  /** The episodes on the page, not yet read (utils/sites findPageEpisodes). */
  find(doc: Document, url: URL): PageEpisodes | null;
  /** Read one of them out of the page (utils/sites readEpisode): plain data, null when unreadable. */
  read(page: PageEpisodes, index: number): EpisodeReading | null;
  /** Parse readings (the background remembers recent answers, so a rescan of an unchanged page is cheap). */
  parse: ParseReadings;
  /** Tell the background what this tab has (badge, popup); called only when it changed. */
  report(episodes: Episode[]): void;
  /**
   * The overlay's settings, or a promise of them while storage is still answering (it never rejects: defaults
   * stand in for settings that cannot be read).
   */
  options(): OverlayOptions | Promise<OverlayOptions>;
  /** The library's Save button for an episode, when available. */
  save?(episode: Episode): ComponentChildren;
}

export interface ScanSummary {
  episodes: number;
  panels: number;
  /** Panels with their content drawn when the scan ended (on a listing the rest wait to near the viewport). */
  drawnPanels: number;
  mounted: number;
  removed: number;
  /** The whole reconcile (wall time, pauses between slices included), in milliseconds. */
  milliseconds: number;
  /** Work on the page only, by kind: finding episodes, reading them (utils/sites), drawing panels. */
  findMilliseconds: number;
  readMilliseconds: number;
  drawMilliseconds: number;
  /** Wall time spent waiting for the parser with nothing else to do. */
  waitMilliseconds: number;
  /** Readings sent to the parser this scan (the background answers unchanged ones from its memory). */
  parsed: number;
  /** performance.now() when the scan started, and when the episodes in or near the viewport had their panels. */
  startedAt: number;
  visibleAt: number;
  /** Set by OverlayController.scanInSlices: time in slices, how many, the longest. */
  busyMilliseconds?: number;
  slices?: number;
  longestSliceMilliseconds?: number;
}

/** What one scan works on: the page, how to read and parse it, and the overlay's panels and page links. */
export interface ScanScope {
  doc: Document;
  url: URL;
  deps: OverlayDeps;
  panels: Panels;
  links: PageLinks;
  /** Called with the episodes that have panels, in page order, once every panel is drawn. */
  drawn(episodes: Episode[]): void;
}

/** Longest a built panel waits off the page while a scan goes on, in milliseconds. */
const ATTACH_INTERVAL_MS = 250;

/**
 * An episode gets a panel when its notes have a chapter list (two or more) or any technology.
 * @example
 * deservesPanel({ chapters: [], tech: [] }) // false
 */
export function deservesPanel(episode: Pick<Episode, 'chapters' | 'tech'>): boolean {
  return episode.chapters.length >= 2 || episode.tech.length > 0;
}

/** The overlay's settings as a scan sees them: known, or still being read from storage. */
interface ScanSettings {
  current: OverlayOptions | null;
  ready: Promise<unknown>;
}

function scanSettings(options: OverlayOptions | Promise<OverlayOptions>): ScanSettings {
  if (!(options instanceof Promise)) return { current: options, ready: Promise.resolve() };
  const settings: ScanSettings = { current: null, ready: options };
  settings.ready = options.then((known) => (settings.current = known));
  return settings;
}

/**
 * The scan as a job: each `yield` is a point where it may pause for the page, a yielded promise a wait.
 * @example
 * await runInSlices(scanJob({ doc: document, url, deps, panels, links, drawn: report }));
 */
export function* scanJob(scope: ScanScope): Generator<void | Promise<unknown>, ScanSummary> {
  const { deps, panels } = scope;
  const now = () => performance.now();
  const startedAt = now();
  // Finding, reading and parsing need no settings: they go on while storage answers; drawing waits for them.
  const settings = scanSettings(deps.options());
  const page = settings.current?.enabled === false ? null : deps.find(scope.doc, scope.url);
  const findMilliseconds = now() - startedAt;
  yield;

  // Episodes in or near the viewport go first. Until the observer reports (after the next frame), page
  // order stands: on a freshly loaded page the first are on screen.
  const found = page?.found ?? [];
  const listing = found.length >= LISTING_MIN_EPISODES;
  const watch = watchViewport(found.map((item) => item.notes ?? item.root));
  const parser = new ParseBatches(deps.parse);
  let visibleAt = NaN;
  let readMilliseconds = 0;
  let drawMilliseconds = 0;
  let waitMilliseconds = 0;
  let mounted = 0;
  const wanted = new Map<string, { item: DetectedEpisode; index: number }>();
  const taken = new Uint8Array(found.length);
  const drawn = new Uint8Array(found.length);
  let cursor = 0;
  let readCount = 0;
  let drawnCount = 0;

  /**
   * The next episode to read, or -1 to wait for the parser. Until the panels in or near the viewport are
   * drawn only those episodes are read (before the observer reports: the first batch in page order), so the
   * page's thread is free when their answer comes; the rest follow.
   */
  const nextToRead = (): number => {
    if (readCount === found.length) return -1;
    const near = watch.nextNear(taken);
    if (near >= 0) return near;
    const waitForVisible = watch.reported || readCount >= FIRST_BATCH;
    if (Number.isNaN(visibleAt) && waitForVisible && parser.pending) return -1;
    while (taken[cursor]) cursor += 1;
    return cursor;
  };

  // New panels reach the page in batches: before the observer reports, each as it is built (they are the
  // first in page order, on screen on a freshly loaded page); then the visible ones once they are all built,
  // the rest every so often and at the end, so the page lays out a few times, not once per slice.
  const unattached: Array<{ panel: MountedPanel; index: number }> = [];
  const attachedAt = new Float64Array(found.length).fill(NaN);
  let lastAttach = now();
  const attachAll = () => {
    lastAttach = now();
    for (const { panel, index } of unattached.splice(0)) {
      panel.attach();
      attachedAt[index] = lastAttach;
    }
  };
  const attachWhenVisible = () => {
    if (!watch.reported) {
      attachAll();
    } else if (Number.isNaN(visibleAt) && watch.nextNear(drawn) < 0) {
      attachAll();
      // When the last of the panels in or near the viewport reached the page (some may have before the
      // observer reported).
      visibleAt = 0;
      for (let index = 0; index < found.length; index++)
        if (watch.isNear(index) && attachedAt[index]! > visibleAt) visibleAt = attachedAt[index]!;
      if (visibleAt === 0) visibleAt = now();
    } else if (now() - lastAttach > ATTACH_INTERVAL_MS) {
      attachAll();
    }
  };
  try {
    while (drawnCount < found.length) {
      if (parser.ready.length > 0 && settings.current === null) {
        yield settings.ready;
        continue;
      }
      // Switched off (on this site) while the scan went on: draw nothing.
      if (settings.current?.enabled === false) break;
      const result = parser.ready.shift();
      if (result) {
        const options = settings.current!;
        const { index, episode } = result;
        drawn[index] = 1;
        drawnCount += 1;
        const drawStart = now();
        if (episode && deservesPanel(episode) && wanted.size < PANELS_MAX) {
          const item: DetectedEpisode = { ...found[index]!, episode, adapter: page!.adapter };
          let key = episode.id;
          for (let n = 2; wanted.has(key); n++) key = `${episode.id}#${n}`;
          wanted.set(key, { item, index });
          // On a listing only the panels in or near the viewport are drawn now; the others as they approach.
          // Before the observer reports, page order stands (the first episodes are on screen).
          const drawNow = !listing || !watch.reported || watch.isNear(index);
          const panel = panels.place(key, item, options, listing, drawNow);
          scope.links.queue(item, options);
          if (panel) {
            unattached.push({ panel, index });
            mounted += 1;
          }
          drawMilliseconds += now() - drawStart;
        }
        attachWhenVisible();
        yield;
        continue;
      }
      const index = nextToRead();
      if (index >= 0) {
        taken[index] = 1;
        readCount += 1;
        const readStart = now();
        const reading = deps.read(page!, index);
        readMilliseconds += now() - readStart;
        parser.add(index, reading, readCount === found.length);
        yield;
        continue;
      }
      if (!parser.pending) break;
      // Nothing to read or draw now: send what is read and wait for the parser (or for the observer to say
      // which episodes are near the viewport).
      parser.flush();
      const waitStart = now();
      yield watch.reported ? parser.next() : Promise.race([parser.next(), watch.firstReport]);
      waitMilliseconds += now() - waitStart;
      attachWhenVisible();
    }
    // The scan ends with the settings known, even on a page without episodes (the features read them).
    if (settings.current === null) yield settings.ready;
  } finally {
    watch.stop();
    attachAll();
  }
  if (Number.isNaN(visibleAt)) visibleAt = now();
  const removed = panels.keepOnly(wanted);
  yield;

  // The badge and popup hear about the episodes in page order, after every panel is drawn.
  const inPageOrder = Array.from(wanted.values()).sort((a, b) => a.index - b.index);
  scope.drawn(inPageOrder.map(({ item }) => item.episode));
  return {
    episodes: found.length,
    panels: panels.byKey.size,
    drawnPanels: panels.drawnCount,
    mounted,
    removed,
    milliseconds: now() - startedAt,
    findMilliseconds,
    readMilliseconds,
    drawMilliseconds,
    waitMilliseconds,
    parsed: parser.sent,
    startedAt,
    visibleAt,
  };
}

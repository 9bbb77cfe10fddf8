// The overlay's state on one page: which episodes have panels, kept in step with the page idempotently.
import type { ComponentChildren } from 'preact';
import type { Episode } from '../model';
import type { PlaybackTarget } from '../player';
import type { EpisodeReading, PageEpisodes } from '../sites/reading';
import type { DetectedEpisode } from '../sites/types';
import { LISTING_MIN_EPISODES, PANELS_MAX } from './limits';
import { HOST_ATTRIBUTE, mountPanel, type MountedPanel } from './mount';
import type { OverlayOptions } from './options';
import { linkTimestamps, unlinkTimestamps } from './page-timestamps';
import { runInSlices, type SliceOptions } from './slices';

export interface OverlayDeps {
  /** The episodes on the page, not yet read (utils/sites findPageEpisodes). */
  find(doc: Document, url: URL): PageEpisodes | null;
  /** Read one of them out of the page (utils/sites readEpisode): plain data, null when unreadable. */
  read(page: PageEpisodes, index: number): EpisodeReading | null;
  /**
   * Parse readings, one result per reading in order, null where there is nothing to show: in the background
   * (utils/overlay/parse-remote.ts) or in place (utils/sites parseEpisodeReading). May reject: those episodes
   * then get no panel until the next scan.
   */
  parse(readings: EpisodeReading[]): Promise<Array<Episode | null>> | Array<Episode | null>;
  /** Tell the background what this tab has (badge, popup); called only when it changed. */
  report(episodes: Episode[]): void;
  options(): OverlayOptions;
  /** The library's Save button for an episode, when available. */
  save?(episode: Episode): ComponentChildren;
}

export interface ScanSummary {
  episodes: number;
  panels: number;
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
  /** Episodes parsed this scan (the others were unchanged since the previous scan and kept their result). */
  parsed: number;
  /** performance.now() when the scan started, and when the episodes in or near the viewport had their panels. */
  startedAt: number;
  visibleAt: number;
  /** Set by {@link OverlayController.scanInSlices}: time in slices, how many, the longest. */
  busyMilliseconds?: number;
  slices?: number;
  longestSliceMilliseconds?: number;
}

interface Entry {
  panel: MountedPanel;
  anchor: Element;
  detected: DetectedEpisode;
  signature: string;
}

/**
 * An episode gets a panel when its notes have a chapter list (two or more) or any technology.
 * @example
 * deservesPanel({ chapters: [], tech: [] }) // false
 */
export function deservesPanel(episode: Pick<Episode, 'chapters' | 'tech'>): boolean {
  return episode.chapters.length >= 2 || episode.tech.length > 0;
}

/**
 * Keeps one panel per detected episode. Every `scanInSlices()` reconciles: reuses panels whose episode is still
 * there, re-renders changed ones, mounts new ones, removes the rest, including hosts left behind by a
 * Turbolinks snapshot or a previous instance (a cloned host has lost its shadow root).
 * @example
 * const overlay = new OverlayController(document, deps); await overlay.scanInSlices(); // later: overlay.teardown()
 */
export class OverlayController {
  private readonly entries = new Map<string, Entry>();
  private lastReport: string | null = null;
  /** Show notes whose timestamps still need linking: done in idle time, after the panels are drawn. */
  private pendingLinks: { notes: Element; durationSeconds: number | null }[] = [];
  private readonly linked = new WeakSet<Element>();
  /** Bumped by every scan and by teardown: a sliced scan from an older generation stops. */
  private generation = 0;
  /** The last complete scan's readings and their parses: a rescan of unchanged episodes reuses them. */
  private parsed: Array<{ reading: EpisodeReading; episode: Episode | null }> = [];

  constructor(
    private readonly doc: Document,
    private readonly deps: OverlayDeps,
  ) {}

  /** Panels by episode key, for tests and the click router. */
  get panels(): ReadonlyMap<string, Entry> {
    return this.entries;
  }

  /**
   * Reconcile the panels with the page in short slices, the episodes in or near the viewport first,
   * yielding to the page between slices (no long task). A newer scan, or {@link teardown}, stops this one;
   * then it resolves to null.
   * @example
   * const summary = await overlay.scanInSlices(); // summary?.longestSliceMilliseconds ≈ 8
   */
  async scanInSlices(options: SliceOptions = {}, url = this.pageUrl()): Promise<ScanSummary | null> {
    const generation = ++this.generation;
    const report = await runInSlices(this.scanJob(url), {
      ...options,
      cancelled: () => generation !== this.generation || (options.cancelled?.() ?? false),
    });
    if (report.cancelled || !report.value) return null;
    return {
      ...report.value,
      busyMilliseconds: report.busyMs,
      slices: report.slices,
      longestSliceMilliseconds: report.longestSliceMs,
    };
  }

  /** The scan as a job: each `yield` is a point where it may pause for the page, a yielded promise a wait. */
  private *scanJob(url: URL): Generator<void | Promise<unknown>, ScanSummary> {
    const now = () => performance.now();
    const startedAt = now();
    const options = this.deps.options();
    const page = options.enabled ? this.deps.find(this.doc, url) : null;
    const findMilliseconds = now() - startedAt;
    yield;

    // Episodes in or near the viewport go first; which those are is learnt from an IntersectionObserver,
    // never by reading layout (that would force the page's pending layout into this task). Until it
    // reports (after the next frame), page order stands: on a freshly loaded page the first are on screen.
    const found = page?.found ?? [];
    const listing = found.length >= LISTING_MIN_EPISODES;
    const watch = watchViewport(found.map((item) => item.notes ?? item.root));
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

    // Readings go to the parser in batches, the first small so parsing starts while the rest are read;
    // a reading identical to one of the previous scan's keeps its result (a rescan of an unchanged page).
    // Readings are compared as JSON, written only when there is a previous scan to compare with.
    const previous =
      this.parsed.length > 0
        ? new Map(this.parsed.map(({ reading, episode }) => [JSON.stringify(reading), episode]))
        : null;
    const current: Array<{ reading: EpisodeReading; episode: Episode | null }> = [];
    const ready: Array<{ index: number; episode: Episode | null }> = [];
    const waiting = new Set<Promise<void>>();
    let batch: Array<{ index: number; reading: EpisodeReading }> = [];
    let batchChars = 0;
    let batches = 0;
    let parsed = 0;
    const send = () => {
      const sent = batch;
      batch = [];
      batchChars = 0;
      batches += 1;
      parsed += sent.length;
      const settle = (episodes: ReadonlyArray<Episode | null>, keep: boolean) => {
        sent.forEach(({ index, reading }, k) => {
          const episode = episodes[k] ?? null;
          // A failed parse is not remembered: the next scan asks again.
          if (keep) current.push({ reading, episode });
          ready.push({ index, episode });
        });
      };
      const done = (async () => {
        try {
          settle(await this.deps.parse(sent.map(({ reading }) => reading)), true);
        } catch (error) {
          console.debug('[stackcast] could not parse episodes:', error);
          settle([], false);
        }
      })();
      waiting.add(done);
      void done.then(() => waiting.delete(done));
    };

    const unattached: MountedPanel[] = [];
    let lastAttach = now();
    const attachAll = () => {
      for (const panel of unattached.splice(0)) panel.attach();
      lastAttach = now();
    };
    try {
      while (drawnCount < found.length) {
        const result = ready.shift();
        if (result) {
          const { index, episode } = result;
          drawn[index] = 1;
          drawnCount += 1;
          const drawStart = now();
          if (episode && deservesPanel(episode) && wanted.size < PANELS_MAX) {
            const item: DetectedEpisode = { ...found[index]!, episode, adapter: page!.adapter };
            let key = episode.id;
            for (let n = 2; wanted.has(key); n++) key = `${episode.id}#${n}`;
            wanted.set(key, { item, index });
            const panel = this.place(key, item, options, listing);
            if (panel) {
              unattached.push(panel);
              mounted += 1;
            }
            drawMilliseconds += now() - drawStart;
          }
          // New panels reach the page in batches: the visible ones as soon as they are all built, the rest
          // every so often and at the end, so the page lays out a few times, not once per slice.
          if (Number.isNaN(visibleAt) && watch.reported && watch.nextNear(drawn) < 0) {
            attachAll();
            visibleAt = now();
          } else if (now() - lastAttach > ATTACH_INTERVAL_MS) {
            attachAll();
          }
          yield;
          continue;
        }
        if (readCount < found.length) {
          let index = watch.nextNear(taken);
          if (index < 0) {
            while (taken[cursor]) cursor += 1;
            index = cursor;
          }
          taken[index] = 1;
          readCount += 1;
          const readStart = now();
          const reading = this.deps.read(page!, index);
          const key = reading && previous && JSON.stringify(reading);
          readMilliseconds += now() - readStart;
          if (reading === null) {
            ready.push({ index, episode: null });
          } else if (key && previous!.has(key)) {
            const episode = previous!.get(key)!;
            current.push({ reading, episode });
            ready.push({ index, episode });
          } else {
            batch.push({ index, reading });
            batchChars += readingChars(reading);
          }
          const size = batches === 0 ? FIRST_BATCH : BATCH;
          if (
            batch.length > 0 &&
            (batch.length >= size || batchChars >= BATCH_MAX_CHARS || readCount === found.length)
          )
            send();
          yield;
          continue;
        }
        if (waiting.size === 0) break;
        // Everything is read and drawn so far: wait for the parser.
        const waitStart = now();
        yield Promise.race(waiting);
        waitMilliseconds += now() - waitStart;
      }
    } finally {
      watch.stop();
      attachAll();
    }
    if (Number.isNaN(visibleAt)) visibleAt = now();
    this.parsed = current;

    let removed = 0;
    for (const [key, entry] of this.entries) {
      if (!wanted.has(key)) {
        entry.panel.unmount();
        this.entries.delete(key);
        removed += 1;
      }
    }
    removed += this.sweepOrphans();
    yield;

    // The badge and popup hear about the episodes in page order, after every panel is drawn.
    const inPageOrder = Array.from(wanted.values()).sort((a, b) => a.index - b.index);
    this.reportIfChanged(inPageOrder.map(({ item }) => item.episode));
    return {
      episodes: found.length,
      panels: this.entries.size,
      mounted,
      removed,
      milliseconds: now() - startedAt,
      findMilliseconds,
      readMilliseconds,
      drawMilliseconds,
      waitMilliseconds,
      parsed,
      startedAt,
      visibleAt,
    };
  }

  /** Give one episode its panel: keep, update or (re)mount it. Returns a new panel, still to be attached. */
  private place(
    key: string,
    item: DetectedEpisode,
    options: OverlayOptions,
    listing: boolean,
  ): MountedPanel | null {
    const anchor = anchorOf(item);
    const signature = `${signatureOf(item, options)}\n${listing}`;
    const entry = this.entries.get(key);
    let mounted: MountedPanel | null = null;
    if (entry && entry.anchor === anchor && isBeside(entry.panel.host, anchor, options.position)) {
      if (entry.signature !== signature || entry.detected.media !== item.media) {
        entry.panel.update(this.propsFor(item, options, listing));
        entry.signature = signature;
      }
      entry.detected = item;
    } else {
      entry?.panel.unmount();
      const panel = mountPanel(anchor, options.position, this.propsFor(item, options, listing), {
        attach: false,
      });
      this.entries.set(key, { panel, anchor, detected: item, signature });
      mounted = panel;
    }
    if (
      options.linkPageTimestamps &&
      item.notes &&
      item.episode.chapters.length >= 2 &&
      !this.linked.has(item.notes)
    ) {
      this.pendingLinks.push({ notes: item.notes, durationSeconds: item.episode.durationSeconds });
    }
    return mounted;
  }

  private pageUrl(): URL {
    return new URL(this.doc.location?.href ?? 'about:blank');
  }

  /**
   * Play from `seconds` for the episode whose notes (or block) contain `element`. False when none does.
   * @example
   * overlay.playFromPage(clickedSpan, 105)
   */
  playFromPage(element: Element, seconds: number): boolean {
    let owner: Entry | undefined;
    for (const entry of this.entries.values()) {
      if (entry.detected.notes?.contains(element)) {
        owner = entry;
        break;
      }
      if (!owner && entry.detected.root.contains(element)) owner = entry;
    }
    if (!owner && this.entries.size === 1) owner = this.entries.values().next().value;
    if (!owner) return false;
    owner.panel.command({ type: 'seek', seconds });
    return true;
  }

  /**
   * Run a keyboard command on the focused panel, else the first one. False when the page has no panel.
   * @example
   * overlay.runCommand('next-chapter')
   */
  runCommand(command: 'next-chapter' | 'previous-chapter' | 'save-episode'): boolean {
    const entries = [...this.entries.values()];
    const focused = this.doc.activeElement;
    const entry = entries.find((candidate) => candidate.panel.host === focused) ?? entries[0];
    if (!entry) return false;
    if (command === 'save-episode') return entry.panel.save();
    entry.panel.command({ type: command === 'next-chapter' ? 'next' : 'previous' });
    return true;
  }

  /** Forget what was last reported, so the next scan reports again (after a navigation the badge was cleared). */
  forgetReport(): void {
    this.lastReport = null;
  }

  /**
   * Link the page's own timestamps in pending show notes until `hasTime()` says stop. Returns whether work remains.
   * @example
   * requestIdleCallback((deadline) => overlay.linkPageTimestamps(() => deadline.timeRemaining() > 2));
   */
  linkPageTimestamps(hasTime: () => boolean = () => true): boolean {
    while (this.pendingLinks.length > 0 && hasTime()) {
      const { notes, durationSeconds } = this.pendingLinks.shift()!;
      if (!notes.isConnected || this.linked.has(notes)) continue;
      linkTimestamps(notes, { durationSeconds });
      this.linked.add(notes);
    }
    return this.pendingLinks.length > 0;
  }

  /** Remove every panel and page change this overlay made. */
  teardown(): void {
    this.generation += 1;
    for (const entry of this.entries.values()) entry.panel.unmount();
    this.entries.clear();
    this.parsed = [];
    this.pendingLinks = [];
    this.sweepOrphans();
    if (this.doc.body) unlinkTimestamps(this.doc.body);
  }

  private propsFor(item: DetectedEpisode, options: OverlayOptions, listing: boolean) {
    const target: PlaybackTarget = {
      media: item.media ?? null,
      seekable: item.adapter.seekable,
      audioUrl: item.episode.audioUrl,
      episodeUrl: item.episode.url,
      siteName: item.adapter.name,
      timeUrl: item.adapter.timeUrl ? item.adapter.timeUrl.bind(item.adapter) : null,
      playerUrl: item.meta.playerUrl ?? null,
    };
    return { episode: item.episode, target, options, save: this.deps.save?.(item.episode), listing };
  }

  private sweepOrphans(): number {
    const live = new Set<Element>(Array.from(this.entries.values(), (entry) => entry.panel.host));
    let removed = 0;
    for (const host of Array.from(this.doc.querySelectorAll(`[${HOST_ATTRIBUTE}]`))) {
      if (!live.has(host)) {
        host.remove();
        removed += 1;
      }
    }
    return removed;
  }

  private reportIfChanged(episodes: Episode[]): void {
    const key = episodes
      .map((episode) => `${episode.id}:${episode.chapters.length}:${episode.tech.length}`)
      .join('\n');
    if (key === this.lastReport) return;
    this.lastReport = key;
    this.deps.report(episodes);
  }
}

/** Longest a built panel waits off the page while a scan goes on, in milliseconds. */
const ATTACH_INTERVAL_MS = 250;

/** Readings in the parser's first batch (small, so it starts early), in each later one, and characters at most. */
const FIRST_BATCH = 4;
const BATCH = 12;
const BATCH_MAX_CHARS = 1_000_000;

/** About how many characters a reading puts in a message: its texts dominate. */
function readingChars(reading: EpisodeReading): number {
  return (
    1_000 +
    (reading.notes?.text.length ?? 0) +
    (reading.tech?.kind === 'node' ? reading.tech.reading.text.length : 0)
  );
}

/** How far beyond the viewport an episode still counts as near it. */
const NEAR_MARGIN = '50% 0px';

interface ViewportWatch {
  /** Whether the observer has reported at least once. */
  readonly reported: boolean;
  /** The first element reported in or near the viewport that is not done yet, or -1. */
  nextNear(done: Uint8Array): number;
  stop(): void;
}

/** Which of `elements` are in or near the viewport, as an IntersectionObserver reports them (none without one). */
function watchViewport(elements: Element[]): ViewportWatch {
  const near = new Set<number>();
  let reported = false;
  const Observer = (globalThis as { IntersectionObserver?: typeof IntersectionObserver })
    .IntersectionObserver;
  if (typeof Observer !== 'function' || elements.length < 2) {
    return { reported: false, nextNear: () => -1, stop: () => {} };
  }
  const indexOf = new Map<Element, number>();
  elements.forEach((element, index) => {
    if (!indexOf.has(element)) indexOf.set(element, index);
  });
  const observer = new Observer(
    (entries) => {
      reported = true;
      for (const entry of entries) {
        const index = indexOf.get(entry.target);
        if (index !== undefined && entry.isIntersecting) near.add(index);
      }
      // Only the first report matters: later ones come from our own panels pushing episodes around.
      observer.disconnect();
    },
    { rootMargin: NEAR_MARGIN },
  );
  for (const element of indexOf.keys()) observer.observe(element);
  return {
    get reported() {
      return reported;
    },
    nextNear(done) {
      // A few episodes are near the viewport at once: scanning them all each time is cheap.
      for (const index of near) if (!done[index]) return index;
      return -1;
    },
    stop: () => observer.disconnect(),
  };
}

/** Where the panel goes: beside the episode's block; for a whole-page block, beside its show notes. */
function anchorOf(item: DetectedEpisode): Element {
  const { root, notes } = item;
  const doc = root.ownerDocument;
  if ((root === doc.body || root === doc.documentElement) && notes && notes !== doc.body) return notes;
  return root;
}

function isBeside(host: Element, anchor: Element, position: 'after' | 'before'): boolean {
  if (!host.isConnected) return false;
  if (anchor === anchor.ownerDocument.body) return host.parentElement === anchor;
  return position === 'after' ? anchor.nextElementSibling === host : anchor.previousElementSibling === host;
}

function signatureOf({ episode, adapter }: DetectedEpisode, options: OverlayOptions): string {
  return [
    episode.title,
    episode.audioUrl,
    episode.url,
    episode.chapters.map((chapter) => `${chapter.start} ${chapter.title}`).join('\n'),
    episode.tech.map((tech) => `${tech.slug}/${tech.source}`).join(' '),
    adapter.id,
    options.collapsed,
    options.playOnClick,
    options.theme,
  ].join('\u0000');
}

// The overlay's state on one page: which episodes have panels, kept in step with the page idempotently.
import type { ContentCommand } from '../content-commands';
import type { Episode } from '../model';
import { PageLinks } from './page-links';
import { Panels, type PanelEntry } from './panels';
import { scanJob, type OverlayDeps, type ScanSummary } from './scan-job';
import { runInSlices, type SliceOptions } from './slices';

export type { OverlayDeps, ScanSummary } from './scan-job';
export type { PanelEntry } from './panels';

/**
 * Keeps one panel per detected episode. Every `scanInSlices()` reconciles: reuses panels whose episode is still
 * there, re-renders changed ones, mounts new ones, removes the rest (utils/overlay/panels.ts).
 * @example
 * const overlay = new OverlayController(document, deps); await overlay.scanInSlices(); // later: overlay.teardown()
 */
export class OverlayController {
  private readonly drawnPanels: Panels;
  /** Show notes whose timestamps still need linking: done in idle time, after the panels are drawn. */
  private readonly links = new PageLinks();
  private lastReport: string | null = null;
  /** Bumped by every scan and by teardown: a sliced scan from an older generation stops. */
  private generation = 0;

  constructor(
    private readonly doc: Document,
    private readonly deps: OverlayDeps,
  ) {
    // Read at each panel, not now: the deps' Save may be set after construction.
    this.drawnPanels = new Panels(doc, (episode) => this.deps.save?.(episode));
  }

  /** Panels by episode key, for tests and the click router. */
  get panels(): ReadonlyMap<string, PanelEntry> {
    return this.drawnPanels.byKey;
  }

  /**
   * Reconcile the panels with the page in short slices, the episodes in or near the viewport first,
   * yielding to the page between slices (no long task). A newer scan, or {@link teardown}, stops this one;
   * then it resolves to null.
   * @example
   * const summary = await overlay.scanInSlices(); // summary?.slices, summary?.longestSliceMilliseconds
   */
  async scanInSlices(options: SliceOptions = {}, url = this.pageUrl()): Promise<ScanSummary | null> {
    const generation = ++this.generation;
    const job = scanJob({
      doc: this.doc,
      url,
      deps: this.deps,
      panels: this.drawnPanels,
      links: this.links,
      drawn: (episodes) => this.reportIfChanged(episodes),
    });
    const report = await runInSlices(job, {
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

  /**
   * Play from `seconds` for the episode whose notes (or block) contain `element`. False when none does.
   * @example
   * overlay.playFromPage(clickedSpan, 105)
   */
  playFromPage(element: Element, seconds: number): boolean {
    const owner = this.drawnPanels.ownerOf(element);
    if (!owner) return false;
    owner.panel.command({ type: 'seek', seconds });
    return true;
  }

  /**
   * Run a keyboard command on the focused panel, else the first one. False when the page has no panel.
   * @example
   * overlay.runCommand('next-chapter')
   */
  runCommand(command: ContentCommand): boolean {
    const entry = this.drawnPanels.focusedOrFirst();
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
    return this.links.link(hasTime);
  }

  /** Remove every panel and page change this overlay made. */
  teardown(): void {
    this.generation += 1;
    this.drawnPanels.clear();
    this.links.clear(this.doc.body);
  }

  private pageUrl(): URL {
    return new URL(this.doc.location?.href ?? 'about:blank');
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

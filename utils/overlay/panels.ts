// The panels on one page, by episode key: each kept, updated or (re)mounted beside its episode, never twice.
import type { ComponentChildren } from 'preact';
import type { Episode } from '../model';
import type { PlaybackTarget } from '../player';
import type { DetectedEpisode } from '../sites/types';
import { HOST_ATTRIBUTE, mountPanel, type MountedPanel } from './mount';
import type { OverlayOptions } from './options';
import { watchApproach, type ApproachWatch } from './viewport-watch';

export interface PanelEntry {
  panel: MountedPanel;
  anchor: Element;
  detected: DetectedEpisode;
  signature: string;
}

/**
 * The panels an overlay drew, with what they show: a scan places the episodes it wants and removes the rest,
 * including hosts left behind by a Turbolinks snapshot or a previous instance (a cloned host has lost its
 * shadow root).
 * @example
 * const panels = new Panels(document); const fresh = panels.place('ep-1', item, options, false); fresh?.attach();
 */
export class Panels {
  private readonly entries = new Map<string, PanelEntry>();
  /** Panels placed undrawn, drawn as they come near the viewport (made with the first of them). */
  private approach: ApproachWatch | null = null;

  constructor(
    private readonly doc: Document,
    /** The library's Save button for an episode, when available. */
    private readonly save?: (episode: Episode) => ComponentChildren,
  ) {}

  get byKey(): ReadonlyMap<string, PanelEntry> {
    return this.entries;
  }

  /** How many panels have their content drawn (the others wait to come near the viewport). */
  get drawnCount(): number {
    let drawn = 0;
    for (const entry of this.entries.values()) if (entry.panel.drawn) drawn += 1;
    return drawn;
  }

  /**
   * Give one episode its panel: keep it when nothing it shows changed, update it in place when something did,
   * (re)mount it when it is missing or no longer beside its episode. Returns a new panel, still to be attached.
   * With `drawNow` false a new panel's content is drawn only when it comes near the viewport.
   */
  place(
    key: string,
    item: DetectedEpisode,
    options: OverlayOptions,
    listing: boolean,
    drawNow = true,
  ): MountedPanel | null {
    const anchor = anchorOf(item);
    const signature = `${signatureOf(item, options)}\n${listing}`;
    const entry = this.entries.get(key);
    if (entry && entry.anchor === anchor && isBeside(entry.panel.host, anchor, options.position)) {
      if (entry.signature !== signature || entry.detected.media !== item.media) {
        entry.panel.update(() => this.propsFor(item, options, listing));
        entry.signature = signature;
      }
      entry.detected = item;
      if (drawNow) this.drawNow(entry.panel);
      return null;
    }
    if (entry) this.unmount(entry.panel);
    const props = () => this.propsFor(item, options, listing);
    const panel = mountPanel(
      anchor,
      options.position,
      drawNow ? props() : this.propsFor(item, options, listing, false),
      {
        attach: false,
        draw: drawNow,
      },
    );
    if (!drawNow) {
      // Its Save button (the library's part of the panel) is built when the panel is drawn, not before.
      panel.update(props);
      this.approach ??= watchApproach();
      this.approach.watch(panel.host, () => panel.draw());
    }
    this.entries.set(key, { panel, anchor, detected: item, signature });
    return panel;
  }

  /** Remove every panel whose key is not `wanted`, and stray hosts; returns how many left the page. */
  keepOnly(wanted: { has(key: string): boolean }): number {
    let removed = 0;
    for (const [key, entry] of this.entries) {
      if (!wanted.has(key)) {
        this.unmount(entry.panel);
        this.entries.delete(key);
        removed += 1;
      }
    }
    return removed + this.sweepOrphans();
  }

  /** The panel of the episode whose notes (or block) contain `element`; the only panel when there is one. */
  ownerOf(element: Element): PanelEntry | undefined {
    let owner: PanelEntry | undefined;
    for (const entry of this.entries.values()) {
      if (entry.detected.notes?.contains(element)) return entry;
      if (!owner && entry.detected.root.contains(element)) owner = entry;
    }
    if (!owner && this.entries.size === 1) owner = this.entries.values().next().value;
    return owner;
  }

  /** The panel that has the focus, else the first one. */
  focusedOrFirst(): PanelEntry | undefined {
    const entries = [...this.entries.values()];
    const focused = this.doc.activeElement;
    return entries.find((candidate) => candidate.panel.host === focused) ?? entries[0];
  }

  /** Remove every panel, and any host left on the page. */
  clear(): void {
    for (const entry of this.entries.values()) entry.panel.unmount();
    this.entries.clear();
    this.approach?.stop();
    this.approach = null;
    this.sweepOrphans();
  }

  private drawNow(panel: MountedPanel): void {
    if (panel.drawn) return;
    this.approach?.forget(panel.host);
    panel.draw();
  }

  private unmount(panel: MountedPanel): void {
    this.approach?.forget(panel.host);
    panel.unmount();
  }

  private propsFor(item: DetectedEpisode, options: OverlayOptions, listing: boolean, withSave = true) {
    const target: PlaybackTarget = {
      media: item.media ?? null,
      seekable: item.adapter.seekable,
      audioUrl: item.episode.audioUrl,
      episodeUrl: item.episode.url,
      siteName: item.adapter.name,
      timeUrl: item.adapter.timeUrl ? item.adapter.timeUrl.bind(item.adapter) : null,
      playerUrl: item.meta.playerUrl ?? null,
    };
    const save = withSave ? this.save?.(item.episode) : undefined;
    return { episode: item.episode, target, options, save, listing };
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

/** Everything a panel shows: two equal signatures draw the same panel, so it is not rendered again. */
function signatureOf({ episode, adapter }: DetectedEpisode, options: OverlayOptions): string {
  return [
    episode.title,
    episode.audioUrl,
    episode.url,
    // A chapter's technologies (absent on chapters from elsewhere) are part of what its row may show.
    episode.chapters
      .map((chapter) => `${chapter.start} ${chapter.title} ${chapter.tech?.join(',') ?? ''}`)
      .join('\n'),
    episode.tech.map((tech) => `${tech.slug}/${tech.source}`).join(' '),
    adapter.id,
    options.collapsed,
    options.playOnClick,
    options.theme,
  ].join('\u0000');
}

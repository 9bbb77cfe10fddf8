// Mount one episode panel in its own closed shadow root, beside (never over) the episode on the page.
// Closed: the page's own script gets null from `host.shadowRoot`, so it can neither read the panel (which
// episodes are saved, what was parsed) nor reach its controls; only this content script holds the root.
import { h, render, type ComponentChildren } from 'preact';
import panelCss from '@/components/panel.css?inline';
import { CATEGORY_CSS } from '@/components/tech-colors';
import { EpisodePanel } from '@/components/EpisodePanel';
import type { PanelCommand, SeekRequests } from '@/components/panel-requests';
import type { Episode } from '../model';
import type { PlaybackTarget } from '../player';
import type { OverlayOptions } from './options';

/** Attribute on every overlay host (the automated-test contract). */
export const HOST_ATTRIBUTE = 'data-stackcast';
const HOST_TAG = 'stackcast-panel';

/**
 * Rendering hints, after the panel's own styles (same specificity, later, so they win over its `all: initial`):
 * a panel out of view skips style, layout and paint until it nears the viewport, so a listing with 50
 * panels lays out the few on screen, not all of them. It stays in the accessibility tree and find-in-page.
 * `auto` makes the browser remember a panel's real height once it has been drawn.
 */
const RENDER_HINTS_CSS =
  ':host { content-visibility: auto !important; contain-intrinsic-size: auto 320px !important; }';
const PANEL_STYLES = `${panelCss}\n${CATEGORY_CSS}\n${RENDER_HINTS_CSS}`;

let sharedSheet: CSSStyleSheet | null | undefined;

/**
 * One constructed stylesheet shared by every panel (parsed once, not once per panel); a `<style>` element
 * where constructed sheets cannot be adopted (Firefox content scripts).
 */
function adoptPanelStyles(shadow: ShadowRoot): void {
  if (sharedSheet === undefined) {
    try {
      sharedSheet = new CSSStyleSheet();
      sharedSheet.replaceSync(PANEL_STYLES);
    } catch {
      sharedSheet = null;
    }
  }
  if (sharedSheet) {
    try {
      shadow.adoptedStyleSheets = [sharedSheet];
      return;
    } catch {
      sharedSheet = null;
    }
  }
  const style = shadow.ownerDocument.createElement('style');
  style.textContent = PANEL_STYLES;
  shadow.append(style);
}

export interface PanelProps {
  episode: Episode;
  target: PlaybackTarget;
  options: OverlayOptions;
  save?: ComponentChildren;
  /** The page lists several episodes: the panel starts with a short chapter preview. */
  listing?: boolean;
}

export interface MountedPanel {
  host: HTMLElement;
  /** The panel's closed shadow root: held only by the content script (and its tests), never by the page. */
  root: ShadowRoot;
  /** Put a panel built with `{ attach: false }` on the page (no-op once attached or unmounted). */
  attach(): void;
  /** Whether the panel's content is rendered (a panel mounted with `{ draw: false }` waits for `draw()`). */
  readonly drawn: boolean;
  /** Render a panel mounted with `{ draw: false }` (no-op once drawn or unmounted). */
  draw(): void;
  /**
   * Re-render with new data (same host, same state). An undrawn panel only keeps it for its first draw, which
   * is when a function given here is called (what only a drawn panel shows, such as Save, is not built before).
   */
  update(props: PanelProps | (() => PanelProps)): void;
  /** Play from a time, as if the listener clicked it in the panel; or go to the next/previous chapter. */
  command(command: PanelCommand): void;
  /** Toggle the panel's Save (keyboard shortcut, which the browser delivers trusted); false when it has none. */
  save(): boolean;
  unmount(): void;
}

/**
 * Insert a host element after (or before) `anchor`, attach a closed shadow root and render the panel in it.
 * With `{ attach: false }` the panel is built but kept off the page until `attach()` (a scan attaches its
 * panels in a few batches, so the page lays out a few times rather than once per slice). With
 * `{ draw: false }` the host and its styles are there but the content waits for `draw()`: a listing draws
 * the panels far below the viewport only as they approach, the empty host holding their place (the render
 * hints give an off-screen host the height of a drawn one, so drawing it later moves nothing).
 * @example
 * const panel = mountPanel(episodeRoot, 'after', { episode, target, options });
 * panel.command({ type: 'seek', seconds: 105 });
 */
export function mountPanel(
  anchor: Element,
  position: 'after' | 'before',
  props: PanelProps,
  mounting: { attach?: boolean; draw?: boolean } = {},
): MountedPanel {
  const doc = anchor.ownerDocument;
  const host = doc.createElement(HOST_TAG);
  host.setAttribute(HOST_ATTRIBUTE, '');
  host.setAttribute('data-stackcast-episode', props.episode.id.slice(0, 500));
  const shadow = host.attachShadow({ mode: 'closed' });
  const container = doc.createElement('div');
  adoptPanelStyles(shadow);
  shadow.append(container);

  const listeners = new Set<(command: PanelCommand) => void>();
  // Commands sent before the panel listened (it was not drawn yet) reach it once its effects have run: they
  // all run in one go, so a microtask later every listener (the panel's and its Save button's) is there.
  let early: PanelCommand[] = [];
  const requests: SeekRequests = (listener) => {
    listeners.add(listener);
    if (early.length > 0)
      queueMicrotask(() => {
        for (const command of early.splice(0)) for (const each of listeners) each(command);
      });
    return () => listeners.delete(listener);
  };
  let current: PanelProps | (() => PanelProps) = props;
  let drawn = false;
  let removed = false;
  const renderPanel = () => {
    if (typeof current === 'function') current = current();
    if (current.options.theme === 'auto') host.removeAttribute('data-theme');
    else host.setAttribute('data-theme', current.options.theme);
    render(h(EpisodePanel, { ...current, requests }), container);
  };
  const draw = () => {
    if (drawn || removed) return;
    drawn = true;
    renderPanel();
  };
  const send = (command: PanelCommand) => {
    // A topic chosen on the page marks chapters; an undrawn panel keeps only the latest choice for its first
    // draw (choosing a topic must not draw every panel of a listing at once). Anything else is for now.
    if (command.type === 'topic' && !drawn) {
      early = [...early.filter((waiting) => waiting.type !== 'topic'), command];
      return;
    }
    draw();
    if (listeners.size === 0) early.push(command);
    for (const listener of listeners) listener(command);
  };
  // Built off the page, then attached: the page restyles and lays out once per panel, not once per node.
  if (mounting.draw ?? true) draw();
  const attach = () => {
    if (removed || host.isConnected) return;
    if (anchor === doc.body || anchor === doc.documentElement) doc.body.prepend(host);
    else if (position === 'before') anchor.before(host);
    else anchor.after(host);
  };
  if (mounting.attach ?? true) attach();
  return {
    host,
    root: shadow,
    attach,
    get drawn() {
      return drawn;
    },
    draw,
    update(next) {
      current = next;
      if (drawn && !removed) renderPanel();
    },
    command: send,
    save() {
      // Not `button.click()`: that event is untrusted, and the button ignores untrusted clicks.
      draw();
      if (shadow.querySelector('[data-stackcast-save]') === null) return false;
      send({ type: 'save' });
      return true;
    },
    unmount() {
      removed = true;
      early = [];
      if (drawn) render(null, container);
      host.remove();
    },
  };
}

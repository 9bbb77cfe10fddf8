// What an overlay behaviour is: one file under features/ with an `init`, started with the content script's
// context and stopped by it (its listeners and timers hang off `ctx`, as refined-github's hang off a signal).
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import type { OverlayController } from '../controller';
import type { OverlayOptions } from '../options';
import type { PageWatch } from '../page-watch';
import type { Scans } from '../scans';

/** The listener's overlay settings for this site, kept current. */
export interface OverlaySettings {
  current(): OverlayOptions;
  /** Call `listener` whenever the settings change (the new ones are already current). */
  onChange(listener: () => void): void;
}

/** What a behaviour is started with. */
export interface OverlayContext {
  /** The content script's context: `ctx.addEventListener`, `ctx.setTimeout`, … all end when it is invalidated. */
  ctx: ContentScriptContext;
  /** Aborted when the content script's context is invalidated (extension reload, a newer injection). */
  signal: AbortSignal;
  overlay: OverlayController;
  scans: Scans;
  pageWatch: PageWatch;
  settings: OverlaySettings;
}

export interface OverlayFeature {
  /** Its name, for messages. */
  name: string;
  /**
   * When it starts: with the overlay, before the first scan (it sees that scan), or once the first scan has
   * put every panel on the page (nothing to route to before that).
   */
  starts: 'with-overlay' | 'after-first-scan';
  init(context: OverlayContext): void;
}

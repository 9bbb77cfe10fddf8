// Requests that reach a panel from outside its own buttons: the page's linked timestamps (a person's click,
// checked by the content script) and the browser's keyboard shortcuts (delivered by the background).
import { createContext } from 'preact';

/** A request from outside the panel; `topic` is the listing's topic bar choosing (or clearing) a chip. */
export type PanelCommand =
  | { type: 'seek'; seconds: number }
  | { type: 'next' }
  | { type: 'previous' }
  | { type: 'save' }
  | { type: 'topic'; slug: string | null; name?: string };
/** Subscribe to outside requests; returns the unsubscribe function. */
export type SeekRequests = (listener: (command: PanelCommand) => void) => () => void;

/** The panel's requests, for the Save button it hosts (which is rendered by the content script's save slot). */
export const PanelRequestsContext = createContext<SeekRequests | undefined>(undefined);

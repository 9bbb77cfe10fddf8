// Keyboard shortcuts (commands API): chapter and save commands go to the active tab, the library opens here.
import { browser, type Browser } from 'wxt/browser';
import type { ContentMessage } from '../messages';
import { CONTENT_COMMANDS, isContentCommand } from '../content-commands';

/** Every command declared in the manifest (`commands` in wxt.config.ts). */
export const COMMANDS = [...CONTENT_COMMANDS, 'open-library'] as const;
export type CommandName = (typeof COMMANDS)[number];

/** What running a command did, as a value: the listener pressed a key, nothing should throw. */
export type CommandOutcome =
  { ok: true; command: CommandName; tabId?: number } | { ok: false; command: string; reason: string };

/** The library page's URL inside this extension. */
export function libraryUrl(): string {
  return browser.runtime.getURL('/library.html');
}

async function activeTabId(tab: Browser.tabs.Tab | undefined): Promise<number | undefined> {
  if (tab?.id !== undefined) return tab.id;
  const [active] = await browser.tabs.query({ active: true, currentWindow: true });
  return active?.id;
}

/**
 * Run one command. Chapter and save commands become a `command:run` message to the tab's content
 * script; `open-library` opens library.html in a new tab.
 * @example
 * await runCommand('next-chapter', tab); // { ok: true, command: 'next-chapter', tabId: 12 }
 */
export async function runCommand(name: string, tab?: Browser.tabs.Tab): Promise<CommandOutcome> {
  if (name === 'open-library') {
    await browser.tabs.create({ url: libraryUrl() });
    return { ok: true, command: name };
  }
  if (!isContentCommand(name)) return { ok: false, command: name, reason: 'unknown command' };
  const tabId = await activeTabId(tab);
  if (tabId === undefined) return { ok: false, command: name, reason: 'no active tab' };
  const message: ContentMessage = { type: 'command:run', command: name };
  try {
    await browser.tabs.sendMessage(tabId, message);
    return { ok: true, command: name, tabId };
  } catch (error) {
    // No content script on this tab (not a podcast page, or the listener disabled the site).
    const reason = error instanceof Error ? error.message : String(error);
    return { ok: false, command: name, reason: `this tab has no Stackcast overlay (${reason})` };
  }
}

/**
 * Listen for the manifest's keyboard commands. Call once from the background.
 * @example
 * registerCommands();
 */
export function registerCommands(): void {
  browser.commands.onCommand.addListener((name: string, tab?: Browser.tabs.Tab) => {
    void runCommand(name, tab).then((outcome) => {
      if (!outcome.ok) console.info(`[stackcast] command ${outcome.command} did nothing: ${outcome.reason}`);
    });
  });
}

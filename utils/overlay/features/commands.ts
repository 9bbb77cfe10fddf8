// Keyboard shortcuts: the background forwards them as `command:run` to the focused (or first) panel.
import { browser } from 'wxt/browser';
import { isContentCommand, type ContentCommand } from '../../content-commands';
import type { OverlayFeature } from './feature';

export const commands: OverlayFeature = {
  name: 'commands',
  starts: 'after-first-scan',
  init({ overlay, signal }) {
    const onMessage = (raw: unknown, sender: { id?: string }) => {
      if (sender.id !== browser.runtime.id) return undefined;
      const command = commandOf(raw);
      if (!command) return undefined;
      return Promise.resolve({ ok: overlay.runCommand(command) });
    };
    browser.runtime.onMessage.addListener(onMessage);
    signal.addEventListener('abort', () => browser.runtime.onMessage.removeListener(onMessage));
  },
};

/** The command a message asks for, checked by hand: the zod schema's module would bring zod into pages. */
function commandOf(raw: unknown): ContentCommand | null {
  if (typeof raw !== 'object' || raw === null) return null;
  const { type, command } = raw as { type?: unknown; command?: unknown };
  if (type !== 'command:run') return null;
  return isContentCommand(command) ? command : null;
}

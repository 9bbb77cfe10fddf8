// The keyboard commands a content script runs, as plain data: the content script reads this list without
// loading zod (utils/messages.ts builds its schema from it, utils/background/commands.ts its manifest list).

/** Keyboard commands the background forwards to the active tab's content script (see utils/background/commands.ts). */
export const CONTENT_COMMANDS = ['next-chapter', 'previous-chapter', 'save-episode'] as const;
export type ContentCommand = (typeof CONTENT_COMMANDS)[number];

/**
 * Whether `name` is one of the content script's commands.
 * @example
 * isContentCommand('next-chapter') // true
 * isContentCommand('open-library') // false (the background runs that one itself)
 */
export function isContentCommand(name: unknown): name is ContentCommand {
  return (CONTENT_COMMANDS as readonly unknown[]).includes(name);
}

// Translated strings: a typed wrapper over browser.i18n so every key is checked against the English catalog.
import { browser } from 'wxt/browser';
import type english from '../public/_locales/en/messages.json';

/** Every message name in `public/_locales/en/messages.json` (the complete, reference locale). */
export type MessageKey = keyof typeof english;

/**
 * The listener's translation of `key`, with `$1`, `$2`... filled from `substitutions`.
 * A key missing from the running locale falls back to the key itself, so a gap is visible, not blank.
 * @example
 * t('optionsSiteAdded', 'example.com'); // "Stackcast will now run on example.com. Reload..."
 */
export function t(key: MessageKey, ...substitutions: string[]): string {
  const message = browser.i18n.getMessage(key, substitutions.length > 0 ? substitutions : undefined);
  return message || key;
}

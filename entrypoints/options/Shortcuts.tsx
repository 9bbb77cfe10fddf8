// The keyboard shortcuts as the browser currently has them (the listener may have changed them).
import { useEffect, useState } from 'preact/hooks';
import { browser, type Browser } from 'wxt/browser';
import { t } from '@/utils/i18n';

export function Shortcuts() {
  const [commands, setCommands] = useState<Browser.commands.Command[]>([]);

  useEffect(() => {
    browser.commands
      .getAll()
      .then(setCommands)
      .catch((error: unknown) => console.warn('[stackcast] could not list shortcuts:', error));
  }, []);

  return (
    <section aria-labelledby="shortcuts-heading">
      <h2 id="shortcuts-heading">{t('optionsShortcutsHeading')}</h2>
      <p class="help">{t('optionsShortcutsHelp')}</p>
      <dl class="shortcuts">
        {commands
          .filter((command) => command.name && !command.name.startsWith('_'))
          .map((command) => (
            <div key={command.name}>
              <dt>{command.description || command.name}</dt>
              <dd>{command.shortcut ? <kbd>{command.shortcut}</kbd> : t('optionsShortcutUnset')}</dd>
            </div>
          ))}
      </dl>
    </section>
  );
}

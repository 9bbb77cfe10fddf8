// Sites the listener adds: permission requested on the click, content script registered, removed on revoke.
import { useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import type { Settings } from '@/utils/settings';
import {
  forgetSite,
  hostOfPattern,
  isSupportedHost,
  rememberSite,
  siteFromInput,
  supportedHosts,
  type SiteRefusal,
} from '@/utils/site-access';
import { t, type MessageKey } from '@/utils/i18n';
import type { Notice } from './OptionsApp';

interface Props {
  settings: Settings;
  onNotice(notice: Notice): void;
}

/** What the listener reads for each reason a typed site is refused. */
const REFUSAL_MESSAGE: Record<SiteRefusal, MessageKey> = {
  invalid: 'optionsSiteInvalid',
  scheme: 'optionsSiteScheme',
  wildcard: 'optionsSiteWildcard',
  port: 'optionsSitePort',
  suffix: 'optionsSiteSuffix',
};

function reasonOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

export function EnabledSites({ settings, onNotice }: Props) {
  const [input, setInput] = useState('');
  const [invalid, setInvalid] = useState(false);

  function add(event: Event) {
    event.preventDefault();
    const site = siteFromInput(input);
    if (!site.ok) {
      setInvalid(true);
      onNotice({ kind: 'error', text: t(REFUSAL_MESSAGE[site.reason], input.trim()) });
      return;
    }
    setInvalid(false);
    const { pattern, host } = site.value;
    if (isSupportedHost(host, supportedHosts())) {
      onNotice({ kind: 'error', text: t('optionsSiteAlreadySupported', host) });
      return;
    }
    // Ask straight away, inside the click: browsers only show the prompt during a user gesture.
    browser.permissions
      .request({ origins: [pattern] })
      .then(async (granted) => {
        if (!granted) {
          onNotice({ kind: 'error', text: t('optionsSiteDenied', host) });
          return;
        }
        await rememberSite(pattern);
        setInput('');
        onNotice({ kind: 'status', text: t('optionsSiteAdded', host) });
      })
      .catch((error: unknown) =>
        onNotice({ kind: 'error', text: t('optionsSiteFailed', host, reasonOf(error)) }),
      );
  }

  async function remove(pattern: string) {
    const host = hostOfPattern(pattern);
    try {
      await browser.permissions.remove({ origins: [pattern] });
      await forgetSite(pattern);
      onNotice({ kind: 'status', text: t('optionsSiteRemoved', host) });
    } catch (error) {
      onNotice({ kind: 'error', text: t('optionsSiteFailed', host, reasonOf(error)) });
    }
  }

  return (
    <section aria-labelledby="enabled-sites-heading">
      <h2 id="enabled-sites-heading">{t('optionsEnabledSitesHeading')}</h2>
      <p class="help" id="enabled-sites-help">
        {t('optionsEnabledSitesHelp')}
      </p>
      <form class="add-site" onSubmit={add}>
        <label for="site-input">{t('optionsSiteInputLabel')}</label>
        <input
          id="site-input"
          name="site"
          type="text"
          inputMode="url"
          autoComplete="off"
          spellcheck={false}
          placeholder="example.com"
          aria-describedby="enabled-sites-help"
          aria-invalid={invalid}
          value={input}
          onInput={(event) => setInput(event.currentTarget.value)}
        />
        <button type="submit">{t('optionsAddSite')}</button>
      </form>
      {settings.enabledSites.length === 0 ? (
        <p class="empty">{t('optionsNoEnabledSites')}</p>
      ) : (
        <ul class="sites" aria-labelledby="enabled-sites-heading">
          {settings.enabledSites.map((pattern) => (
            <li key={pattern} data-site={pattern}>
              <span>{hostOfPattern(pattern)}</span>
              <button type="button" onClick={() => void remove(pattern)}>
                {t('optionsRemoveSite', hostOfPattern(pattern))}
              </button>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

// The settings form: loads the stored settings, saves each change at once, follows changes made elsewhere.
import { useEffect, useState } from 'preact/hooks';
import {
  DEFAULT_SETTINGS,
  getSettings,
  updateSettings,
  watchSettings,
  type Settings,
} from '@/utils/settings';
import { t } from '@/utils/i18n';
import { SupportedSites } from './SupportedSites';
import { PanelSettings } from './PanelSettings';
import { EnabledSites } from './EnabledSites';
import { Shortcuts } from './Shortcuts';
import { SyncSettings } from './SyncSettings';

/** A line announced to screen readers: confirmations politely, errors at once. */
export interface Notice {
  kind: 'status' | 'error';
  text: string;
}

function reasonOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

export function OptionsApp() {
  const [settings, setSettings] = useState<Settings>({ ...DEFAULT_SETTINGS });
  const [loaded, setLoaded] = useState(false);
  const [notice, setNotice] = useState<Notice | null>(null);

  useEffect(() => {
    getSettings()
      .then(setSettings, (error: unknown) =>
        setNotice({ kind: 'error', text: t('optionsLoadFailed', reasonOf(error)) }),
      )
      .finally(() => setLoaded(true));
    return watchSettings(setSettings);
  }, []);

  async function save(patch: Partial<Settings>): Promise<void> {
    setSettings((current) => ({ ...current, ...patch }));
    try {
      setSettings(await updateSettings(patch));
      setNotice({ kind: 'status', text: t('optionsSaved') });
    } catch (error) {
      setNotice({ kind: 'error', text: t('optionsSaveFailed', reasonOf(error)) });
    }
  }

  useEffect(() => {
    document.documentElement.dataset.theme = settings.theme;
  }, [settings.theme]);

  return (
    <main aria-busy={!loaded}>
      <header>
        <h1>{t('optionsTitle')}</h1>
        <p class="help">{t('optionsIntro')}</p>
      </header>
      <SupportedSites settings={settings} onChange={save} />
      <PanelSettings settings={settings} onChange={save} />
      <EnabledSites settings={settings} onNotice={setNotice} />
      <SyncSettings />
      <Shortcuts />
      <p
        class="notice"
        role="status"
        aria-live="polite"
        data-kind={notice?.kind === 'status' ? 'status' : undefined}
      >
        {notice?.kind === 'status' ? notice.text : ''}
      </p>
      <p class="notice" role="alert" data-kind={notice?.kind === 'error' ? 'error' : undefined}>
        {notice?.kind === 'error' ? notice.text : ''}
      </p>
    </main>
  );
}

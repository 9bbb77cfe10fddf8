// The built-in podcast sites (from the manifest's content-script matches), each switchable on or off.
import { isSiteEnabled, type Settings } from '@/utils/settings';
import { supportedHosts } from '@/utils/site-access';
import { t } from '@/utils/i18n';

interface Props {
  settings: Settings;
  onChange(patch: Partial<Settings>): void;
}

export function SupportedSites({ settings, onChange }: Props) {
  const hosts = supportedHosts();

  function toggle(host: string, enabled: boolean) {
    const others = settings.disabledSites.filter((entry) => entry !== host);
    onChange({ disabledSites: enabled ? others : [...others, host].sort() });
  }

  return (
    <section aria-labelledby="supported-sites-heading">
      <h2 id="supported-sites-heading">{t('optionsSupportedSitesHeading')}</h2>
      <p class="help" id="supported-sites-help">
        {t('optionsSupportedSitesHelp')}
      </p>
      {hosts.length === 0 ? (
        <p>{t('optionsNoSupportedSites')}</p>
      ) : (
        <ul class="sites" aria-describedby="supported-sites-help">
          {hosts.map((host) => (
            <li key={host}>
              <label>
                <input
                  type="checkbox"
                  name="supported-site"
                  value={host}
                  checked={isSiteEnabled(settings, host)}
                  onChange={(event) => toggle(host, event.currentTarget.checked)}
                />
                {host}
              </label>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

// The options page's Sync section: where the library syncs to, "Test connection" (which asks for access to
// that server's origin, inside the click), sync on/off, "Sync now" and the status line.
import { useEffect, useState } from 'preact/hooks';
import { askBackground } from '@/utils/ask-background';
import { t } from '@/utils/i18n';
import { DEFAULT_SYNC_SETTINGS, type SyncSettings as Settings } from '@/utils/background/sync-settings';
import { requestSyncServerAccess } from '@/utils/sync/host-permission';
import { connectionMessages } from '@/utils/sync/webdav-messages';
import type { ConnectionResult } from '@/utils/sync/webdav-connection';
import { SyncStatusLine, useSyncStatus } from '@/components/SyncStatusLine';
import { SyncBackup } from './SyncBackup';

type TextField = 'serverUrl' | 'user' | 'password' | 'folder' | 'passphrase';

/** Each text field: its label, its test hook (the automated-test contract) and its input attributes. */
const FIELDS: Array<{
  name: TextField;
  label: Parameters<typeof t>[0];
  hook: string;
  type: 'url' | 'text' | 'password';
  help?: Parameters<typeof t>[0];
}> = [
  { name: 'serverUrl', label: 'optionsSyncUrlLabel', hook: 'data-stackcast-sync-url', type: 'url' },
  { name: 'user', label: 'optionsSyncUserLabel', hook: 'data-stackcast-sync-user', type: 'text' },
  {
    name: 'password',
    label: 'optionsSyncPasswordLabel',
    hook: 'data-stackcast-sync-password',
    type: 'password',
  },
  { name: 'folder', label: 'optionsSyncFolderLabel', hook: 'data-stackcast-sync-folder', type: 'text' },
  {
    name: 'passphrase',
    label: 'optionsSyncPassphraseLabel',
    hook: 'data-stackcast-sync-passphrase',
    type: 'password',
    help: 'optionsSyncPassphraseHelp',
  },
];

type Outcome = { kind: 'status' | 'error'; lines: string[]; offerCreate?: boolean } | null;

function reasonOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

function hostOf(serverUrl: string): string {
  try {
    return new URL(serverUrl.trim()).host;
  } catch {
    return serverUrl;
  }
}

export function SyncSettings() {
  const [form, setForm] = useState<Settings>({ ...DEFAULT_SYNC_SETTINGS });
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<Outcome>(null);
  const status = useSyncStatus();

  useEffect(() => {
    askBackground({ type: 'sync:get-settings' }).then(setForm, (error: unknown) =>
      setOutcome({ kind: 'error', lines: [reasonOf(error)] }),
    );
  }, []);

  const save = (settings: Settings) => askBackground({ type: 'sync:save-settings', settings });

  function report(result: ConnectionResult) {
    const lines = connectionMessages(result).map((key) => t(key));
    if (result.ok) setOutcome({ kind: 'status', lines });
    else setOutcome({ kind: 'error', lines, offerCreate: result.problem === 'folder-missing' });
  }

  function testConnection(event: Event, createFolder = false) {
    event.preventDefault();
    const settings = form;
    // First thing in the click, before any await: browsers grant a permission only inside the gesture.
    const access = requestSyncServerAccess(settings.serverUrl);
    setBusy(true);
    setOutcome({ kind: 'status', lines: [t('optionsSyncTesting')] });
    void (async () => {
      try {
        if (!(await access)) {
          setOutcome({ kind: 'error', lines: [t('optionsSyncDenied', hostOf(settings.serverUrl))] });
          return;
        }
        await save(settings);
        report(await askBackground({ type: 'sync:test', settings, createFolder }));
      } catch (error) {
        setOutcome({ kind: 'error', lines: [reasonOf(error)] });
      } finally {
        setBusy(false);
      }
    })();
  }

  async function toggle(enabled: boolean) {
    const settings = { ...form, enabled };
    setForm(settings);
    try {
      await save(settings);
    } catch (error) {
      setOutcome({ kind: 'error', lines: [reasonOf(error)] });
    }
  }

  async function syncNow() {
    setBusy(true);
    try {
      await save(form);
      await askBackground({ type: 'sync:now' });
    } catch (error) {
      setOutcome({ kind: 'error', lines: [reasonOf(error)] });
    } finally {
      setBusy(false);
    }
  }

  return (
    <section aria-labelledby="sync-heading" class="sync">
      <h2 id="sync-heading">{t('optionsSyncHeading')}</h2>
      <p class="help">{t('optionsSyncHelp')}</p>
      <form class="sync-form" onSubmit={(event) => testConnection(event)}>
        {FIELDS.map((field) => (
          <div class="field" key={field.name}>
            <label for={`sync-${field.name}`}>{t(field.label)}</label>
            <input
              id={`sync-${field.name}`}
              name={field.name}
              type={field.type}
              {...{ [field.hook]: '' }}
              autoComplete={field.type === 'password' ? 'new-password' : 'off'}
              spellcheck={false}
              aria-describedby={field.help ? `sync-${field.name}-help` : undefined}
              value={form[field.name]}
              onInput={(event) => setForm({ ...form, [field.name]: event.currentTarget.value })}
            />
            {field.help && (
              <p class="help" id={`sync-${field.name}-help`}>
                {t(field.help)}
              </p>
            )}
          </div>
        ))}
        <div class="actions">
          <button type="submit" data-stackcast-sync-test="" disabled={busy}>
            {t('optionsSyncTest')}
          </button>
          {outcome?.offerCreate && (
            <button type="button" disabled={busy} onClick={(event) => testConnection(event, true)}>
              {t('optionsSyncCreateFolder')}
            </button>
          )}
        </div>
      </form>
      <div
        class="sync-result"
        role={outcome?.kind === 'error' ? 'alert' : 'status'}
        data-stackcast-sync-result=""
      >
        {outcome?.lines.map((line) => (
          <p key={line}>{line}</p>
        ))}
      </div>
      {status.lastSync === null && (
        <SyncBackup onError={(line) => setOutcome({ kind: 'error', lines: [line] })} />
      )}
      <label class="sync-toggle">
        <input
          type="checkbox"
          data-stackcast-sync-enabled=""
          checked={form.enabled}
          onChange={(event) => void toggle(event.currentTarget.checked)}
        />
        {t('optionsSyncEnabled')}
      </label>
      <div class="actions">
        <button type="button" data-stackcast-sync-now="" disabled={busy} onClick={() => void syncNow()}>
          {t('optionsSyncNow')}
        </button>
      </div>
      <SyncStatusLine status={status} enabled={form.enabled} />
    </section>
  );
}

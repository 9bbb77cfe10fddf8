// The sync status line the options page and the popup both show: when the last sync ran, how it went, and
// how many episodes it sent and received. It follows the stored status as the background updates it.
import { useEffect, useState } from 'preact/hooks';
import { askBackground } from '@/utils/ask-background';
import { t } from '@/utils/i18n';
import { NEVER_SYNCED_STATUS, watchSyncStatus, type SyncStatus } from '@/utils/background/sync-settings';

function when(iso: string | null): string {
  if (!iso) return '';
  return new Date(iso).toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' });
}

/**
 * The line as text (`enabled`: whether sync is on, so a library that never synced says so plainly).
 * @example
 * syncStatusText({ ...NEVER_SYNCED_STATUS, state: 'ok', lastSync, sent: 1, received: 0 }, true)
 * // "Last synced 3 Dec 2026, 17:02: 1 sent, 0 received."
 */
export function syncStatusText(status: SyncStatus, enabled: boolean): string {
  if (status.state === 'running') return t('syncStatusRunning');
  if (status.state === 'failed') {
    const failed = t('syncStatusFailed', when(status.lastAttempt), status.error ?? '');
    return status.lastSync ? `${failed} ${t('syncStatusLastGood', when(status.lastSync))}` : failed;
  }
  if (status.state === 'ok')
    return t('syncStatusOk', when(status.lastSync), String(status.sent), String(status.received));
  return enabled ? t('syncStatusNever') : t('syncStatusOff');
}

/**
 * The stored sync status, kept current.
 * @example
 * const status = useSyncStatus();
 */
export function useSyncStatus(): SyncStatus {
  const [status, setStatus] = useState<SyncStatus>({ ...NEVER_SYNCED_STATUS });
  useEffect(() => {
    const stop = watchSyncStatus(setStatus);
    askBackground({ type: 'sync:status' }).then(setStatus, () => undefined);
    return stop;
  }, []);
  return status;
}

interface Props {
  status: SyncStatus;
  enabled: boolean;
}

/** The line, announced politely to screen readers as it changes. */
export function SyncStatusLine({ status, enabled }: Props) {
  return (
    <p
      class="sync-status"
      role="status"
      aria-live="polite"
      data-stackcast-sync-status=""
      data-state={status.state}
      data-last-attempt={status.lastAttempt ?? ''}
    >
      {syncStatusText(status, enabled)}
    </p>
  );
}

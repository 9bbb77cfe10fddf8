// "Export a backup first": offered until the first sync, since that sync merges this library with whatever
// the folder already holds. The backup is the library's ordinary JSON backup, which the library page imports.
import { useState } from 'preact/hooks';
import { contextLibrary } from '@/utils/library/instance';
import { contextSavedChapters } from '@/utils/library/saved-chapters';
import { toBackupJson } from '@/utils/library/backup';
import { t } from '@/utils/i18n';

function download(text: string, name: string): void {
  const url = URL.createObjectURL(new Blob([text], { type: 'application/json' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  link.click();
  // The click has handed the file to the browser's download by the next task.
  setTimeout(() => URL.revokeObjectURL(url), 0);
}

export function SyncBackup({ onError }: { onError(message: string): void }) {
  const [saved, setSaved] = useState<number | null>(null);

  async function exportBackup() {
    try {
      const now = new Date();
      const [episodes, chapters] = await Promise.all([
        contextLibrary().all(),
        contextSavedChapters().listSavedChapters(),
      ]);
      download(
        toBackupJson(episodes, now, chapters),
        `stackcast-backup-${now.toISOString().slice(0, 10)}.json`,
      );
      setSaved(episodes.length);
    } catch (error) {
      onError(error instanceof Error ? error.message : String(error));
    }
  }

  return (
    <div class="sync-backup">
      <p class="help">{t('optionsSyncBackupFirst')}</p>
      <button type="button" data-stackcast-sync-backup="" onClick={() => void exportBackup()}>
        {t('optionsSyncExportBackup')}
      </button>
      {saved !== null && <p role="status">{t('optionsSyncBackupSaved', String(saved))}</p>}
    </div>
  );
}

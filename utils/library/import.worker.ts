// The import worker: reads, checks and prepares a backup file off the library page's thread, in a heap of
// its own; the page writes the prepared records (one transaction, as before).
import '../zod-setup';
import { prepareBackupFile, type ImportCheckResult } from './import';

addEventListener('message', (event: MessageEvent<Blob>) => {
  void event.data
    .text()
    .then((text) => ({ ok: true, ...prepareBackupFile(text) }) satisfies ImportCheckResult)
    .catch((error: unknown): ImportCheckResult => ({
      ok: false,
      message: error instanceof Error ? error.message : String(error),
      backupError: error instanceof Error && error.name === 'BackupImportError',
    }))
    .then((result) => postMessage(result));
});

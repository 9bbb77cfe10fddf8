// Starts the import worker (bundled by Vite from the `?worker` import, as the Markdown export worker is).
import ImportWorker from '@/utils/library/import.worker?worker';

/**
 * A new import worker (throws where workers cannot be made; the page then checks the file itself).
 * @example
 * await importBackup(file, library, { prepareOffPage: () => prepareInWorker(file, spawnImportWorker) });
 */
export function spawnImportWorker(): Worker {
  return new ImportWorker({ name: 'stackcast-import' });
}

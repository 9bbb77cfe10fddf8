// Starts the Markdown export worker: Vite bundles it from the `?worker` import (WXT rewrites
// `import.meta.url`, so the `new Worker(new URL(…, import.meta.url))` form is not bundled, wxt-dev/wxt#2032).
import MarkdownExportWorker from '@/utils/library/export/markdown.worker?worker';
import type { MarkdownWorker } from '@/utils/library/export/markdown-workers';

/**
 * A new Markdown export worker (throws where workers cannot be made; the export then runs in the page).
 * @example
 * await exportReadingListInWorkers(kind, ids, { exportedAt, dbName, spawn: spawnMarkdownWorker });
 */
export function spawnMarkdownWorker(): MarkdownWorker {
  return new MarkdownExportWorker({ name: 'stackcast-markdown-export' });
}

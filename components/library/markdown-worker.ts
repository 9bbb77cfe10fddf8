// Starts Markdown export workers, a pair kept warm once the page is idle: Vite bundles the worker from the
// `?worker` import (WXT rewrites `import.meta.url`, so `new Worker(new URL(…, import.meta.url))` is not
// bundled, wxt-dev/wxt#2032).
import MarkdownExportWorker from '@/utils/library/export/markdown.worker?worker';
import type { MarkdownWorker } from '@/utils/library/export/markdown-workers';

/** As many as an export uses at most (exportReadingListInWorkers' default). */
const WARM_WORKERS = 2;
const warm: MarkdownWorker[] = [];
/** Each warm worker's error listener, removed when an export takes it (the export listens itself). */
const spawnedWarm = new WeakMap<MarkdownWorker, (event: Event) => void>();

function spawnCold(): MarkdownWorker {
  return new MarkdownExportWorker({ name: 'stackcast-markdown-export' });
}

/**
 * Start the export workers ahead of an export, when the page is idle: loading and compiling a worker's
 * script is otherwise part of the export's wait. Where workers cannot start, the export finds out itself.
 * @example
 * useEffect(() => warmMarkdownWorkers(), []);
 */
export function warmMarkdownWorkers(): void {
  const idle = globalThis.requestIdleCallback ?? ((run: () => void) => setTimeout(run, 200));
  idle(() => {
    try {
      while (warm.length < WARM_WORKERS) {
        const worker = spawnCold();
        // A worker whose script fails to load says so while it waits: it must not be handed to an export,
        // whose listeners would come after the event.
        const dead = () => {
          const at = warm.indexOf(worker);
          if (at >= 0) warm.splice(at, 1);
          worker.terminate();
        };
        worker.addEventListener('error', dead);
        warm.push(worker);
        spawnedWarm.set(worker, dead);
      }
    } catch {
      // No workers here (the export writes the file in the page): nothing to keep warm.
    }
  });
}

/**
 * A Markdown export worker, warm if one is ready (throws where workers cannot be made; the export then
 * runs in the page). Each is used for one export and ended by it.
 * @example
 * await exportReadingListInWorkers(kind, ids, { exportedAt, dbName, spawn: spawnMarkdownWorker });
 */
export function spawnMarkdownWorker(): MarkdownWorker {
  const worker = warm.pop();
  if (!worker) return spawnCold();
  worker.removeEventListener('error', spawnedWarm.get(worker)!);
  return worker;
}

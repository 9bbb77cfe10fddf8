// Hand a generated file to the browser's download manager.
import type { ExportFile } from '@/utils/export/file';

/**
 * @example
 * downloadFile({ name: 'stackcast-library-2026-11-22.md', type: 'text/markdown', text })
 */
export function downloadFile(file: ExportFile): void {
  downloadBlob(file.name, new Blob([file.text], { type: `${file.type};charset=utf-8` }));
}

/**
 * @example
 * downloadBlob('stackcast-library-2026-11-22.json', blob)
 */
export function downloadBlob(name: string, blob: Blob): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  link.rel = 'noopener';
  document.body.append(link);
  link.click();
  link.remove();
  // Revoke later: the download starts asynchronously.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

/**
 * Run `work` and record how long it took as a performance measure (read by the benchmark).
 * @example
 * const file = measured('export-json', () => exportLibrary('json', episodes, { exportedAt }));
 */
export function measured<T>(name: string, work: () => T): T {
  const start = performance.now();
  const result = work();
  if (result instanceof Promise) {
    return result.finally(() =>
      performance.measure(`stackcast:${name}`, { start, end: performance.now() }),
    ) as T;
  }
  performance.measure(`stackcast:${name}`, { start, end: performance.now() });
  return result;
}

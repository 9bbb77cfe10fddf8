// The library page: filters in the URL, a virtualised list, details, bulk actions, export and import.
import { useEffect, useLayoutEffect, useMemo, useRef, useState } from 'preact/hooks';
import type { LibraryService } from '@/utils/library/service';
import type { EpisodeSummary, ListenerFields, ListenStatus, SavedEpisode } from '@/utils/library/record';
import { matcher, selectsAll, sortEpisodes } from '@/utils/library/query/filter';
import { computeFacets, indexFacets } from '@/utils/library/query/facets';
import { DEFAULT_VIEW, serializeView } from '@/utils/library/query/view';
import type { LibraryExportKind } from '@/utils/library/export';
import { streamLibraryExport } from '@/utils/library/export/stream';
import { exportReadingListInWorkers, type MarkdownWorker } from '@/utils/library/export/markdown-workers';
import { importBackup, prepareInWorker } from '@/utils/library/import';
import { importReportText } from '@/utils/library/import-report';
import { useLiveEpisode, useLiveLibrary } from './useLibrary';
import { useHashView } from './useView';
import { FilterPanel } from './FilterPanel';
import { Toolbar } from './Toolbar';
import { EpisodeList } from './EpisodeList';
import { EpisodeDetails } from './EpisodeDetails';
import { downloadBlob, measured } from './download';
import { spawnMarkdownWorker, warmMarkdownWorkers } from './markdown-worker';
import { spawnImportWorker } from './import-worker';

type Notice = { kind: 'info' | 'error'; text: string; undo?: SavedEpisode[] };
const NO_EPISODES: EpisodeSummary[] = [];

export interface LibraryAppProps {
  service: LibraryService;
  /** Clock for export dates, injectable for tests. */
  now?: () => Date;
  /** Starts a Markdown export worker (tests pass one that runs in-process, or one that cannot start). */
  spawnExportWorker?: () => MarkdownWorker;
  /** Starts export workers ahead of an export (after the library is loaded and after each export). */
  warmExportWorkers?: () => void;
}

/**
 * @example
 * render(<LibraryApp service={contextLibrary()} />, document.getElementById('app')!);
 */
export function LibraryApp({
  service,
  now = () => new Date(),
  spawnExportWorker = spawnMarkdownWorker,
  warmExportWorkers = warmMarkdownWorkers,
}: LibraryAppProps) {
  const library = useLiveLibrary(service);
  const [view, setView] = useHashView();
  const [selection, setSelection] = useState<ReadonlySet<string>>(new Set());
  const [openId, setOpenId] = useState<string | null>(null);
  const [notice, setNotice] = useState<Notice | null>(null);
  const firstRender = useRef(false);

  const episodes = library.state === 'ready' ? library.episodes : NO_EPISODES;
  const complete = library.state === 'ready' && library.complete;
  /** The library's size; null while it is being counted (first screen shown already). */
  const total = library.state === 'ready' ? library.total : 0;
  // Sorted once per sort key; a filter keeps that order, so changing filters never re-sorts.
  const sorted = useMemo(
    () => sortEpisodes(episodes, view.sort, view.order),
    [episodes, view.sort, view.order],
  );
  const everything = selectsAll(view);
  // Until every summary is loaded, only the default view (newest saved first) can be shown: its first screen.
  const shown = useMemo(
    () =>
      everything
        ? complete || (view.sort === 'saved' && view.order === 'desc')
          ? sorted
          : null
        : complete
          ? sorted.filter(matcher(view))
          : null,
    [sorted, view, everything, complete],
  );
  // Technologies and podcasts numbered once per loaded library, so each view's counts are array increments.
  const facetIndex = useMemo(() => (complete ? indexFacets(episodes) : null), [episodes, complete]);
  const facets = useMemo(
    () => (facetIndex && shown ? computeFacets(episodes, view, shown, facetIndex) : null),
    [episodes, view, shown, facetIndex],
  );
  const viewKey = serializeView(view);
  // The benchmark splits a view change into computing (filter, facets) and rendering: see below.
  if (performance.getEntriesByName('stackcast:view-start', 'mark').length > 0)
    performance.measure('stackcast:view-compute', 'stackcast:view-start');
  const openEpisode = useLiveEpisode(service, openId, (text) => setNotice({ kind: 'error', text }));

  useEffect(() => {
    // unlimitedStorage already keeps Chrome from evicting us; persist() asks the same of other browsers.
    void navigator.storage?.persist?.().then((granted) => {
      if (!granted)
        console.info(
          '[stackcast] persistent storage not granted; the library may be evicted under storage pressure',
        );
    });
  }, []);

  // Timings the benchmark reads: first render with data, and each view change until it is on screen.
  useLayoutEffect(() => {
    if (library.state !== 'ready' || !shown || firstRender.current) return;
    firstRender.current = true;
    performance.measure('stackcast:first-render', { start: 0, end: performance.now() });
  }, [library.state, shown]);
  useLayoutEffect(() => {
    if (complete) performance.measure('stackcast:library-complete', { start: 0, end: performance.now() });
    // Once the page has what it needs, not before: the workers' start would compete with the first load.
    if (complete) warmExportWorkers();
  }, [complete]);
  useLayoutEffect(() => {
    if (performance.getEntriesByName('stackcast:view-start', 'mark').length === 0) return;
    performance.measure('stackcast:view', 'stackcast:view-start');
    performance.clearMarks('stackcast:view-start');
  }, [viewKey, shown]);

  const run = async (action: () => Promise<unknown>) => {
    try {
      await action();
    } catch (error) {
      setNotice({ kind: 'error', text: error instanceof Error ? error.message : String(error) });
    }
  };
  const update = (ids: string[], patch: Partial<ListenerFields>) =>
    void run(() => service.update(ids, patch));
  const remove = (ids: string[]) =>
    void run(async () => {
      const removed = await service.remove(ids);
      setSelection((current) => new Set([...current].filter((id) => !ids.includes(id))));
      if (openId && ids.includes(openId)) setOpenId(null);
      setNotice({
        kind: 'info',
        text: `Removed ${removed.length} episode${removed.length === 1 ? '' : 's'}.`,
        undo: removed,
      });
    });
  const undo = (records: SavedEpisode[]) =>
    void run(async () => {
      await service.restore(records);
      setNotice({
        kind: 'info',
        text: `Restored ${records.length} episode${records.length === 1 ? '' : 's'}.`,
      });
    });
  const exportFile = async (kind: LibraryExportKind, scope: 'view' | 'selection') => {
    const ids = (scope === 'view' ? (shown ?? []) : sorted.filter((e) => selection.has(e.id))).map(
      (e) => e.id,
    );
    try {
      if (ids.length > 5_000) setNotice({ kind: 'info', text: `Exporting ${ids.length} episodes…` });
      // Measured from the click to the finished file: reading the full records is part of the cost.
      const exportedAt = now();
      const file = await measured(`export-${kind}`, async () => {
        // Reading lists are written by workers (their own heaps: the page's made garbage collection most of
        // a 10,000-episode export); where no worker can start, by the page as before.
        if (kind === 'markdown-technology' || kind === 'markdown-podcast') {
          const options = {
            exportedAt,
            technologies: view.tech,
            dbName: service.db.name,
            spawn: spawnExportWorker,
          };
          const inWorkers = await exportReadingListInWorkers(kind, ids, options);
          if (inWorkers) {
            // Lets the end-to-end test tell the workers' file from the page's (their bytes are the same).
            performance.mark('stackcast:export-by-workers');
            warmExportWorkers();
            return inWorkers;
          }
        }
        return streamLibraryExport(kind, ids, (slice) => service.recordTexts(slice), {
          exportedAt,
          technologies: view.tech,
          readAnyOrder: (slice) => service.recordTextsByShelf(slice),
        });
      });
      downloadBlob(file.name, file.blob);
      setNotice({
        kind: 'info',
        text: `Exported ${file.count} episode${file.count === 1 ? '' : 's'} to ${file.name}.`,
      });
    } catch (error) {
      setNotice({
        kind: 'error',
        text: `Export failed: ${error instanceof Error ? error.message : String(error)}`,
      });
    }
  };
  const importFile = (file: File) =>
    void run(async () => {
      setNotice({ kind: 'info', text: `Importing ${file.name}…` });
      const report = await measured('import', () =>
        importBackup(file, service, { prepareOffPage: () => prepareInWorker(file, spawnImportWorker) }),
      );
      setNotice({ kind: 'info', text: importReportText(file.name, report) });
    });

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.key === 'Escape' && openId) setOpenId(null);
    };
    addEventListener('keydown', onKey);
    return () => removeEventListener('keydown', onKey);
  }, [openId]);

  return (
    <div class={`library${openEpisode ? ' with-details' : ''}`}>
      <header class="top">
        <h1>Stackcast library</h1>
      </header>
      <FilterPanel view={view} facets={facets} onChange={setView} />
      <main>
        <Toolbar
          // Before every summary is in, the first screen stands for the whole (unfiltered) library.
          shown={complete ? (shown?.length ?? 0) : shown ? total : 0}
          total={total}
          complete={complete}
          selected={selection.size}
          onSelectAll={() => shown && setSelection(new Set(shown.map((e) => e.id)))}
          onClearSelection={() => setSelection(new Set())}
          onBulkStatus={(status: ListenStatus) => update([...selection], { status })}
          onBulkRemove={() => remove([...selection])}
          onExport={(kind, scope) => void exportFile(kind, scope)}
          onImport={importFile}
        />
        {notice && (
          <div
            class={`notice ${notice.kind}`}
            role={notice.kind === 'error' ? 'alert' : 'status'}
            data-stackcast-notice={notice.kind}
          >
            <span>{notice.text}</span>
            {notice.undo && (
              <button type="button" data-stackcast-undo="" onClick={() => undo(notice.undo!)}>
                Undo
              </button>
            )}
            <button type="button" class="dismiss" aria-label="Dismiss" onClick={() => setNotice(null)}>
              ×
            </button>
          </div>
        )}
        {(library.state === 'loading' || (library.state === 'ready' && !shown)) && (
          <p class="state">Loading your library…</p>
        )}
        {library.state === 'error' && (
          <div class="state error" role="alert" data-stackcast-state="error">
            <p>{library.message}</p>
            <p>
              Reload this page. If it keeps failing, restart the browser; your saved episodes are not deleted.
            </p>
          </div>
        )}
        {library.state === 'ready' && total === 0 && (
          <div class="state empty" data-stackcast-state="empty">
            <h2>Your library is empty</h2>
            <p>
              Open a podcast episode page and press <strong>Save</strong> in the Stackcast panel, or
              right-click an episode link and choose <strong>Save episode to Stackcast</strong>. You can also
              import a backup with <strong>Import backup…</strong>.
            </p>
          </div>
        )}
        {library.state === 'ready' && (total ?? 0) > 0 && shown?.length === 0 && (
          <div class="state empty" data-stackcast-state="no-match">
            <p>No saved episode matches these filters.</p>
            <button
              type="button"
              onClick={() => setView({ ...DEFAULT_VIEW, sort: view.sort, order: view.order })}
            >
              Clear filters
            </button>
          </div>
        )}
        {library.state === 'ready' && shown && (
          <EpisodeList
            episodes={shown}
            selection={selection}
            openId={openId}
            viewKey={viewKey}
            onSelect={(id, selected) =>
              setSelection((current) => {
                const next = new Set(current);
                if (selected) next.add(id);
                else next.delete(id);
                return next;
              })
            }
            onOpen={(id) => setOpenId((current) => (current === id ? null : id))}
            onStatus={(id, status) => update([id], { status })}
            onTech={(slug) => !view.tech.includes(slug) && setView({ ...view, tech: [...view.tech, slug] })}
            onRemove={remove}
          />
        )}
      </main>
      {openId && openEpisode && openEpisode.id === openId && (
        <EpisodeDetails
          episode={openEpisode}
          onUpdate={(id, patch) => update([id], patch)}
          onRemove={remove}
          onClose={() => setOpenId(null)}
        />
      )}
    </div>
  );
}

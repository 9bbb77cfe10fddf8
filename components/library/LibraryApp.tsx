// The library page: filters in the URL, a virtualised list, details, bulk actions, export and import.
import { useEffect, useLayoutEffect, useMemo, useState } from 'preact/hooks';
import type { LibraryService } from '@/utils/library/service';
import type { EpisodeSummary, ListenerFields, ListenStatus, SavedEpisode } from '@/utils/library/record';
import { DEFAULT_VIEW, serializeView } from '@/utils/library/query/view';
import type { LibraryExportKind } from '@/utils/library/export';
import type { MarkdownWorker } from '@/utils/library/export/markdown-workers';
import { importBackup, prepareInWorker } from '@/utils/library/import';
import { importReportText } from '@/utils/library/import-report';
import { useLiveEpisode, useLiveLibrary } from './useLibrary';
import { useHashView } from './useView';
import { FilterPanel } from './FilterPanel';
import { Toolbar } from './Toolbar';
import { EpisodeList } from './EpisodeList';
import { EpisodeDetails } from './EpisodeDetails';
import { downloadBlob, measured } from './download';
import { exportEpisodes } from './export-episodes';
import { LibraryStates } from './LibraryStates';
import { NoticeBar, type Notice } from './NoticeBar';
import { measureViewComputed, usePageTimings } from './usePageTimings';
import { useViewedEpisodes } from './useViewedEpisodes';
import { spawnMarkdownWorker, warmMarkdownWorkers } from './markdown-worker';
import { spawnImportWorker } from './import-worker';
import { SavedChapters } from '@/utils/library/saved-chapters';
import { announceLibraryChange } from '@/utils/library/revision';
import { ChaptersView } from './ChaptersView';
import { ViewTabs } from './ViewTabs';
import { TechMapView } from './TechMapView';

const NO_EPISODES: EpisodeSummary[] = [];

export interface LibraryAppProps {
  service: LibraryService;
  /** Clock for export dates, injectable for tests. */
  now?: () => Date;
  /** Starts a Markdown export worker (tests pass one that runs in-process, or one that cannot start). */
  spawnExportWorker?: () => MarkdownWorker;
  /** Starts export workers ahead of an export (after the library is loaded and after each export). */
  warmExportWorkers?: () => void;
  /** The saved chapters (stars); by default those of the service's database. */
  savedChapters?: SavedChapters;
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
  savedChapters,
}: LibraryAppProps) {
  const library = useLiveLibrary(service);
  const chapterStore = useMemo(
    () => savedChapters ?? new SavedChapters(service.db, { onChange: announceLibraryChange }),
    [service, savedChapters],
  );
  const [view, setView] = useHashView();
  const [selection, setSelection] = useState<ReadonlySet<string>>(new Set());
  const [openId, setOpenId] = useState<string | null>(null);
  const [notice, setNotice] = useState<Notice | null>(null);

  const episodes = library.state === 'ready' ? library.episodes : NO_EPISODES;
  const complete = library.state === 'ready' && library.complete;
  /** The library's size; null while it is being counted (first screen shown already). */
  const total = library.state === 'ready' ? library.total : 0;
  const { sorted, shown, facets } = useViewedEpisodes(episodes, complete, view);
  const viewKey = serializeView(view);
  measureViewComputed();
  usePageTimings(library.state === 'ready' && shown !== null, complete, viewKey, shown);
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

  // Once the page has what it needs, not before: the workers' start would compete with the first load.
  useLayoutEffect(() => {
    if (complete) warmExportWorkers();
  }, [complete]);

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
      const file = await exportEpisodes({
        service,
        kind,
        ids,
        exportedAt: now(),
        technologies: view.tech,
        // A backup carries every saved chapter: they stand on their own, whichever episodes are exported.
        savedChapters: kind === 'json' ? await chapterStore.listSavedChapters() : undefined,
        spawnWorker: spawnExportWorker,
        warmWorkers: warmExportWorkers,
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
        <ViewTabs view={view} onView={setView} />
        {view.show === 'map' ? (
          <>
            {notice && <NoticeBar notice={notice} onUndo={undo} onDismiss={() => setNotice(null)} />}
            <TechMapView
              service={service}
              sorted={sorted}
              view={view}
              onView={setView}
              onError={(text) => setNotice({ kind: 'error', text })}
            />
          </>
        ) : view.show === 'chapters' ? (
          <>
            {notice && <NoticeBar notice={notice} onUndo={undo} onDismiss={() => setNotice(null)} />}
            <ChaptersView
              service={service}
              savedChapters={chapterStore}
              sorted={sorted}
              view={view}
              onView={setView}
              onNotice={(kind, text) => setNotice({ kind, text })}
              now={now}
            />
          </>
        ) : (
          <>
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
            {notice && <NoticeBar notice={notice} onUndo={undo} onDismiss={() => setNotice(null)} />}
            <LibraryStates
              library={library}
              total={total}
              shown={shown ? shown.length : null}
              onClearFilters={() => setView({ ...DEFAULT_VIEW, sort: view.sort, order: view.order })}
            />
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
                onTech={(slug) =>
                  !view.tech.includes(slug) && setView({ ...view, tech: [...view.tech, slug] })
                }
                onRemove={remove}
              />
            )}
          </>
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

// The popup: this tab's episodes with chapter counts, Save, "Scan this page" and "Open library".
import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { SaveButton } from '@/components/SaveButton';
import type { Episode } from '@/utils/model';
import { askBackground } from '@/utils/ask-background';
import { clip } from '@/components/panel-limits';
import { libraryOpenProblem } from '@/utils/library/open-problem';
import { SyncStatusLine, useSyncStatus } from '@/components/SyncStatusLine';

/** The popup's reader can retry by opening it again. */
const UNANSWERED = 'Stackcast did not answer: reopen the popup';

/** The content script's file, injected on demand into pages Stackcast does not match by default. */
const CONTENT_SCRIPT = '/content-scripts/content.js';

type State =
  { phase: 'loading' } | { phase: 'ready'; episodes: Episode[] } | { phase: 'error'; message: string };

/**
 * The popup UI for the active tab.
 * @example
 * render(<PopupApp />, document.getElementById('app')!)
 */
export function PopupApp() {
  const [tabId, setTabId] = useState<number | null>(null);
  const [state, setState] = useState<State>({ phase: 'loading' });
  const [scanning, setScanning] = useState(false);
  const [scanNote, setScanNote] = useState<string | null>(null);
  // Saving waits for the library in the background: say why it cannot open (another tab, a newer version).
  const [libraryProblem, setLibraryProblem] = useState<string | null>(null);
  useEffect(() => void libraryOpenProblem().then(setLibraryProblem), []);
  const syncStatus = useSyncStatus();
  const [syncOn, setSyncOn] = useState(false);
  useEffect(() => {
    askBackground({ type: 'sync:get-settings' }).then(
      (sync) => setSyncOn(sync.enabled),
      () => undefined,
    );
  }, []);

  const load = async (id: number) => {
    try {
      setState({
        phase: 'ready',
        episodes: await askBackground({ type: 'tab:get-episodes', tabId: id }, UNANSWERED),
      });
    } catch (error) {
      setState({ phase: 'error', message: error instanceof Error ? error.message : String(error) });
    }
  };

  useEffect(() => {
    void browser.tabs.query({ active: true, currentWindow: true }).then(([tab]) => {
      if (tab?.id === undefined) return setState({ phase: 'error', message: 'No active tab.' });
      setTabId(tab.id);
      void load(tab.id);
    });
  }, []);

  const scan = async () => {
    if (tabId === null) return;
    setScanning(true);
    setScanNote(null);
    try {
      // Flag first (same isolated world), then the script: it runs even on sites the listener disabled.
      await browser.scripting.executeScript({
        target: { tabId },
        func: () => {
          (globalThis as Record<string, unknown>).__stackcastScanRequested = true;
        },
      });
      await browser.scripting.executeScript({ target: { tabId }, files: [CONTENT_SCRIPT] });
      // The script reports asynchronously; give it a moment, then read what it found.
      let episodes: Episode[] = [];
      for (let attempt = 0; attempt < 10 && episodes.length === 0; attempt++) {
        await new Promise((resolve) => setTimeout(resolve, 150));
        episodes = await askBackground({ type: 'tab:get-episodes', tabId }, UNANSWERED);
      }
      setState({ phase: 'ready', episodes });
      if (episodes.length === 0) setScanNote('No episode with chapters or technologies on this page.');
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      setScanNote(`Stackcast cannot scan this page: ${reason}`);
    } finally {
      setScanning(false);
    }
  };

  const openLibrary = async () => {
    await browser.tabs.create({ url: browser.runtime.getURL('/library.html') });
    window.close();
  };

  return (
    <main class="popup">
      <header>
        <h1>Stackcast</h1>
      </header>
      {libraryProblem && (
        <p role="alert" data-stackcast-library-problem="">
          {libraryProblem}
        </p>
      )}
      {state.phase === 'loading' && <p class="muted">Looking at this tab…</p>}
      {state.phase === 'error' && <p role="alert">{state.message}</p>}
      {state.phase === 'ready' && state.episodes.length === 0 && !scanNote && (
        <p class="muted">Nothing found on this tab yet. Scan it to look for chapters and technologies.</p>
      )}
      {state.phase === 'ready' && state.episodes.length > 0 && (
        <ul class="episodes" aria-label="Episodes on this tab">
          {state.episodes.map((episode) => (
            <li key={episode.id} data-stackcast-popup-episode="">
              <span class="title" dir="auto" title={clip(episode.title ?? episode.id)}>
                {clip(episode.title ?? 'Untitled episode', 120)}
              </span>
              <span class="counts">
                {episode.chapters.length} chapters · {episode.tech.length} tech
              </span>
              <SaveButton episode={episode} />
            </li>
          ))}
        </ul>
      )}
      {scanNote && <p role="status">{scanNote}</p>}
      <div class="actions">
        <button
          type="button"
          data-stackcast-scan=""
          disabled={scanning || tabId === null}
          onClick={() => void scan()}
        >
          {scanning ? 'Scanning…' : 'Scan this page'}
        </button>
        <button type="button" onClick={() => void openLibrary()}>
          Open library
        </button>
      </div>
      {(syncOn || syncStatus.state !== 'never') && <SyncStatusLine status={syncStatus} enabled={syncOn} />}
    </main>
  );
}

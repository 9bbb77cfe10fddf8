// Save toggle for one episode, used in every overlay panel and in the popup. It only messages the
// background (in a content script, IndexedDB belongs to the website) and stays tiny: no Dexie, no zod.
import { useContext, useEffect, useRef, useState } from 'preact/hooks';
import type { Episode } from '@/utils/model';
import { askBackground } from '@/utils/ask-background';
import { batchedLookup } from '@/utils/batched-lookup';
import { onLibraryChange } from '@/utils/library/revision';
import { PanelRequestsContext } from './panel-requests';
import { trusted } from './trusted';

/** In a page, a background that does not answer means the extension was reloaded under it. */
const UNANSWERED = 'Stackcast did not answer: reload the page and try again';

/** Lookups made within 100 ms share one `library:saved` message (utils/batched-lookup.ts says why). */
const savedLookup = batchedLookup(async (ids) => {
  const saved = new Set(await askBackground({ type: 'library:saved', ids }, UNANSWERED));
  return ids.map((id) => saved.has(id));
});

/**
 * Whether an episode is saved. Lookups made together (every panel of a listing page mounting, or all of them
 * refreshing after a library change) share one `library:saved` message; the button shows itself busy meanwhile.
 * @example
 * isSaved('https://runninginproduction.com/podcast/1-x').then((saved) => console.log(saved));
 */
export async function isSaved(id: string): Promise<boolean> {
  return (await savedLookup(id)) ?? false;
}

/**
 * A button showing whether the episode is in the library, toggling it on click. Stays in sync with
 * other panels and tabs through the library revision key.
 * @example
 * <SaveButton episode={episode} />
 */
export function SaveButton({ episode }: { episode: Episode }) {
  const [saved, setSaved] = useState<boolean | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    let alive = true;
    const refresh = () =>
      isSaved(episode.id).then(
        (isIn) => alive && setSaved(isIn),
        (e: unknown) => alive && setError(e instanceof Error ? e.message : String(e)),
      );
    void refresh();
    const stop = onLibraryChange((ids) => {
      if (!ids || ids.includes(episode.id)) void refresh();
    });
    return () => {
      alive = false;
      stop();
    };
  }, [episode.id]);

  const toggle = async () => {
    if (busy) return; // a double click saves once
    setBusy(true);
    setError(null);
    try {
      if (saved) await askBackground({ type: 'library:remove', id: episode.id }, UNANSWERED);
      else await askBackground({ type: 'library:save', episode }, UNANSWERED);
      setSaved(!saved);
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    } finally {
      setBusy(false);
    }
  };

  // The keyboard shortcut (the browser's own command, relayed by the background) presses Save without a click.
  const requests = useContext(PanelRequestsContext);
  const latestToggle = useRef(toggle);
  latestToggle.current = toggle;
  useEffect(
    () => requests?.((command) => command.type === 'save' && void latestToggle.current()),
    [requests],
  );

  const label = saved ? 'Saved' : 'Save';
  return (
    <span class="stackcast-save">
      <button
        type="button"
        data-stackcast-save=""
        aria-pressed={saved ? 'true' : 'false'}
        aria-busy={busy || saved === null ? 'true' : 'false'}
        title={
          saved
            ? 'In your Stackcast library — click to remove'
            : 'Save this episode to your Stackcast library'
        }
        onClick={trusted(() => void toggle())}
      >
        {saved ? '★ ' : '☆ '}
        {label}
      </button>
      {error && (
        <span role="alert" class="stackcast-save-error">
          {error}
        </span>
      )}
    </span>
  );
}

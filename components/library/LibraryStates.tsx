// What the library page says in place of (or before) its list: loading, a storage error, empty, no match.
import type { LibraryState } from './useLibrary';

export interface LibraryStatesProps {
  library: LibraryState;
  /** The library's size (null while it is being counted). */
  total: number | null;
  /** How many episodes the view shows; null until it can be shown. */
  shown: number | null;
  onClearFilters: () => void;
}

/**
 * @example
 * <LibraryStates library={library} total={total} shown={shown?.length ?? null} onClearFilters={clear} />
 */
export function LibraryStates({ library, total, shown, onClearFilters }: LibraryStatesProps) {
  const ready = library.state === 'ready';
  return (
    <>
      {(library.state === 'loading' || (ready && shown === null)) && (
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
      {ready && total === 0 && (
        <div class="state empty" data-stackcast-state="empty">
          <h2>Your library is empty</h2>
          <p>
            Open a podcast episode page and press <strong>Save</strong> in the Stackcast panel, or right-click
            an episode link and choose <strong>Save episode to Stackcast</strong>. You can also import a
            backup with <strong>Import backup…</strong>.
          </p>
        </div>
      )}
      {ready && (total ?? 0) > 0 && shown === 0 && (
        <div class="state empty" data-stackcast-state="no-match">
          <p>No saved episode matches these filters.</p>
          <button type="button" onClick={onClearFilters}>
            Clear filters
          </button>
        </div>
      )}
    </>
  );
}

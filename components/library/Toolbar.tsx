// Above the list: counts, bulk actions on the selection, export of the view or the selection, import.
import { useRef, useState } from 'preact/hooks';
import { LISTEN_STATUSES, type ListenStatus } from '@/utils/library/record';
import { LIBRARY_EXPORTS, type LibraryExportKind } from '@/utils/library/export';
import { STATUS_LABELS } from './format';

export interface ToolbarProps {
  /** Null with `total` while the library is being counted. */
  shown: number | null;
  /** The library's size, null while it is being counted. */
  total: number | null;
  /** False while only the first screen is loaded: whole-view actions wait for the rest. */
  complete: boolean;
  selected: number;
  onSelectAll: () => void;
  onClearSelection: () => void;
  onBulkStatus: (status: ListenStatus) => void;
  onBulkRemove: () => void;
  onExport: (kind: LibraryExportKind, scope: 'view' | 'selection') => void;
  onImport: (file: File) => void;
}

/**
 * @example
 * <Toolbar shown={12} total={40} complete selected={0} ... />
 */
export function Toolbar(props: ToolbarProps) {
  const [kind, setKind] = useState<LibraryExportKind>('markdown-technology');
  const fileInput = useRef<HTMLInputElement>(null);
  return (
    <div class="toolbar" role="toolbar" aria-label="Library actions">
      <span class="count" aria-live="polite">
        {props.total === null
          ? 'Counting episodes…'
          : props.shown === props.total
            ? `${props.total} episodes`
            : `${props.shown} of ${props.total} episodes`}
        {props.selected > 0 && ` · ${props.selected} selected`}
      </span>
      <button type="button" onClick={props.onSelectAll} disabled={props.shown === 0 || !props.complete}>
        Select all
      </button>
      {props.selected > 0 && (
        <>
          <button type="button" onClick={props.onClearSelection}>
            Clear selection
          </button>
          <select
            aria-label="Set status of selected"
            value=""
            onChange={(e) =>
              e.currentTarget.value && props.onBulkStatus(e.currentTarget.value as ListenStatus)
            }
          >
            <option value="">Mark selected as…</option>
            {LISTEN_STATUSES.map((s) => (
              <option key={s} value={s}>
                {STATUS_LABELS[s]}
              </option>
            ))}
          </select>
          <button type="button" class="danger" onClick={props.onBulkRemove}>
            Remove selected
          </button>
        </>
      )}
      <span class="spacer" />
      <label class="export">
        <span class="visually-hidden">Export format</span>
        <select
          data-stackcast-export-kind=""
          value={kind}
          onChange={(e) => setKind(e.currentTarget.value as LibraryExportKind)}
        >
          {(Object.keys(LIBRARY_EXPORTS) as LibraryExportKind[]).map((k) => (
            <option key={k} value={k}>
              {LIBRARY_EXPORTS[k].label}
            </option>
          ))}
        </select>
      </label>
      <button
        type="button"
        data-stackcast-export="view"
        onClick={() => props.onExport(kind, 'view')}
        disabled={props.shown === 0 || !props.complete}
      >
        Export view
      </button>
      <button
        type="button"
        data-stackcast-export="selection"
        onClick={() => props.onExport(kind, 'selection')}
        disabled={props.selected === 0}
      >
        Export selected
      </button>
      <button type="button" data-stackcast-import="" onClick={() => fileInput.current?.click()}>
        Import backup…
      </button>
      <input
        ref={fileInput}
        type="file"
        accept=".json,application/json"
        hidden
        data-stackcast-import-file=""
        onChange={(e) => {
          const file = e.currentTarget.files?.[0];
          e.currentTarget.value = '';
          if (file) props.onImport(file);
        }}
      />
    </div>
  );
}

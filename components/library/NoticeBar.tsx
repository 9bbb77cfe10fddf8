// The library page's one notice: what an action did or why it failed, with Undo after a removal.
import type { SavedEpisode } from '@/utils/library/record';

export type Notice = { kind: 'info' | 'error'; text: string; undo?: SavedEpisode[] };

export interface NoticeBarProps {
  notice: Notice;
  onUndo: (records: SavedEpisode[]) => void;
  onDismiss: () => void;
}

/**
 * @example
 * {notice && <NoticeBar notice={notice} onUndo={undo} onDismiss={() => setNotice(null)} />}
 */
export function NoticeBar({ notice, onUndo, onDismiss }: NoticeBarProps) {
  return (
    <div
      class={`notice ${notice.kind}`}
      role={notice.kind === 'error' ? 'alert' : 'status'}
      data-stackcast-notice={notice.kind}
    >
      <span>{notice.text}</span>
      {notice.undo && (
        <button type="button" data-stackcast-undo="" onClick={() => onUndo(notice.undo!)}>
          Undo
        </button>
      )}
      <button type="button" class="dismiss" aria-label="Dismiss" onClick={onDismiss}>
        ×
      </button>
    </div>
  );
}

// The Chapters view: every chapter of the saved episodes (and every saved chapter) that the view's filter
// selects, each playable in place or opened at its moment; a topic playlist of them all; stars; exports.
import { useMemo, useRef, useState } from 'preact/hooks';
import type { LibraryService } from '@/utils/library/service';
import type { EpisodeSummary } from '@/utils/library/record';
import { episodeOf } from '@/utils/library/record';
import type { SavedChapters } from '@/utils/library/saved-chapters';
import type { ChapterMatch } from '@/utils/library/query/chapters';
import type { LibraryView } from '@/utils/library/query/view';
import { exportLibrary, LIBRARY_EXPORTS, type LibraryExportKind } from '@/utils/library/export';
import { chapterKeyOf, queueOf } from '@/utils/library/chapter-playlist';
import { startQueue, type QueueItem, type QueueState } from '@/utils/topics/chapter-queue';
import { ChapterRow } from './ChapterRow';
import { ChapterPlayer } from './ChapterPlayer';
import { chapterFilterOf, useChapterMatches } from './useChapterMatches';
import { useVirtualRows } from './useVirtualRows';
import { downloadBlob } from './download';

export const CHAPTER_ROW_HEIGHT = 84;

/** The export menu's chapter formats: the registry's entries that list chapters. */
const CHAPTER_EXPORTS = (Object.keys(LIBRARY_EXPORTS) as LibraryExportKind[]).filter(
  (kind) => (LIBRARY_EXPORTS[kind] as { listsChapters?: true }).listsChapters === true,
);

export interface ChaptersViewProps {
  service: LibraryService;
  savedChapters: SavedChapters;
  /** The loaded summaries in the view's sort order. */
  sorted: readonly EpisodeSummary[];
  view: LibraryView;
  onView: (view: LibraryView) => void;
  onNotice: (kind: 'info' | 'error', text: string) => void;
  now: () => Date;
}

interface Playing {
  items: QueueItem[];
  state: QueueState;
  seq: number;
}

/**
 * @example
 * <ChaptersView service={service} savedChapters={store} sorted={sorted} view={view} onView={setView} … />
 */
export function ChaptersView(props: ChaptersViewProps) {
  const { service, savedChapters: store, view, onNotice } = props;
  const fail = (text: string) => onNotice('error', text);
  const { records, matches, savedChapters } = useChapterMatches(
    service,
    store,
    props.sorted,
    view,
    true,
    fail,
  );
  const [playing, setPlaying] = useState<Playing | null>(null);
  const [kind, setKind] = useState<LibraryExportKind>(CHAPTER_EXPORTS[0]!);
  const scrollRef = useRef<HTMLDivElement | null>(null);
  const list = matches ?? [];
  const rows = useVirtualRows(list.length, scrollRef, CHAPTER_ROW_HEIGHT);
  const queue = useMemo(() => queueOf(list), [list]);
  const playableCount = useMemo(() => queue.filter((item) => item.audioUrl !== null).length, [queue]);
  const current = playing?.items[playing.state.index];
  const playingKey = current ? chapterKeyOf(current) : undefined;

  // The playlist is a copy: a star or a new filter while it plays does not move what is playing.
  const play = (items: QueueItem[]) =>
    setPlaying((previous) => ({ items, state: startQueue(items), seq: (previous?.seq ?? 0) + 1 }));
  const playOne = (index: number) => play(queueOf([list[index]!]));
  const star = async (chapter: ChapterMatch) => {
    try {
      if (chapter.saved) await store.unsaveChapter({ episodeId: chapter.episodeId, start: chapter.start });
      else {
        const record = await service.get(chapter.episodeId);
        if (!record || !(await store.saveChapter(episodeOf(record), chapter.start)))
          fail('This chapter is no longer in its episode.');
      }
    } catch (error) {
      fail(error instanceof Error ? error.message : String(error));
    }
  };
  const exportChapters = () => {
    if (!records) return;
    const file = exportLibrary(kind, records, {
      exportedAt: props.now(),
      savedChapters,
      chapterFilter: chapterFilterOf(view),
    });
    downloadBlob(file.name, new Blob([file.text], { type: `${file.type};charset=utf-8` }));
    onNotice('info', `Exported ${list.length} chapter${list.length === 1 ? '' : 's'} to ${file.name}.`);
  };

  return (
    <section class="chapters-view" aria-label="Chapters">
      <div class="toolbar" role="toolbar" aria-label="Chapter actions">
        <span class="count" aria-live="polite" data-stackcast-chapter-count={matches?.length ?? ''}>
          {matches === null ? 'Reading chapters…' : `${list.length} chapter${list.length === 1 ? '' : 's'}`}
        </span>
        <button
          type="button"
          aria-pressed={view.saved === true}
          data-stackcast-saved-chapters=""
          onClick={() => props.onView({ ...view, saved: view.saved ? undefined : true })}
        >
          ★ Saved chapters
        </button>
        <button
          type="button"
          data-stackcast-play-all=""
          disabled={playableCount === 0}
          onClick={() => play(queue)}
        >
          ▶ Play all ({playableCount})
        </button>
        <span class="spacer" />
        <label class="export">
          <span class="visually-hidden">Chapter export format</span>
          <select
            data-stackcast-chapter-export-kind=""
            value={kind}
            onChange={(e) => setKind(e.currentTarget.value as LibraryExportKind)}
          >
            {CHAPTER_EXPORTS.map((k) => (
              <option key={k} value={k}>
                {LIBRARY_EXPORTS[k].label}
              </option>
            ))}
          </select>
        </label>
        <button
          type="button"
          data-stackcast-export-chapters=""
          disabled={list.length === 0}
          onClick={exportChapters}
        >
          Export chapters
        </button>
      </div>
      {matches !== null && list.length === 0 && (
        <p class="state" data-stackcast-state="no-chapters">
          {view.saved ? 'No saved chapters match this view.' : 'No chapters match this view.'}
        </p>
      )}
      <div class="list chapter-list" ref={scrollRef} data-stackcast-chapters={list.length}>
        <ul class="rows" aria-label="Matching chapters" style={{ height: `${rows.getTotalSize()}px` }}>
          {rows.getVirtualItems().map((item) => {
            const chapter = list[item.index];
            if (!chapter) return null;
            return (
              <ChapterRow
                key={item.index}
                chapter={chapter}
                index={item.index}
                top={item.start}
                height={CHAPTER_ROW_HEIGHT}
                playing={playingKey === chapterKeyOf(chapter)}
                onPlay={playOne}
                onStar={(c) => void star(c)}
                onTech={(slug) =>
                  !view.tech.includes(slug) && props.onView({ ...view, tech: [...view.tech, slug] })
                }
              />
            );
          })}
        </ul>
      </div>
      {playing && (
        <ChapterPlayer
          items={playing.items}
          state={playing.state}
          seq={playing.seq}
          onState={(state) => setPlaying((previous) => previous && { ...previous, state })}
          onError={fail}
          onClose={() => setPlaying(null)}
        />
      )}
    </section>
  );
}

// The open episode: chapters that open the episode at that time, the listener's status, rating, notes and
// tags, its chapter files, and removal.
import { useState } from 'preact/hooks';
import { safeHttpUrl } from '@/utils/export/escape';
import { openAtUrl } from '@/utils/library/open-at';
import { LISTEN_STATUSES, type ListenerFields, type SavedEpisode } from '@/utils/library/record';
import { chapterFile } from '@/utils/library/export/chapters';
import { CHAPTER_FORMAT_IDS, CHAPTER_FORMATS } from '@/utils/export/formats';
import { STATUS_LABELS, formatDuration } from './format';
import { formatTimestamp } from '@/utils/parse/time';
import { downloadFile } from './download';

export interface EpisodeDetailsProps {
  episode: SavedEpisode;
  onUpdate: (id: string, patch: Partial<ListenerFields>) => void;
  onRemove: (ids: string[]) => void;
  onClose: () => void;
}

function parseTags(text: string): string[] {
  return [
    ...new Set(
      text
        .split(',')
        .map((t) => t.trim().toLowerCase())
        .filter(Boolean),
    ),
  ].slice(0, 50);
}

/**
 * @example
 * <EpisodeDetails episode={e} onUpdate={update} onRemove={remove} onClose={close} />
 */
export function EpisodeDetails({ episode, onUpdate, onRemove, onClose }: EpisodeDetailsProps) {
  const [notes, setNotes] = useState(episode.notes);
  const [tags, setTags] = useState(episode.tags.join(', '));
  // Another tab may edit the same episode: follow the stored values when they change (adjusted during
  // render, not in an effect, so a mount effect can never overwrite what the listener started typing).
  const stored = `${episode.id}\n${episode.notes}\n${episode.tags.join(',')}`;
  const [followed, setFollowed] = useState(stored);
  if (followed !== stored) {
    setFollowed(stored);
    setNotes(episode.notes);
    setTags(episode.tags.join(', '));
  }
  const page = safeHttpUrl(episode.url);
  const saveNotes = () => notes !== episode.notes && onUpdate(episode.id, { notes });
  const saveTags = () => {
    const next = parseTags(tags);
    if (next.join(',') !== episode.tags.join(',')) onUpdate(episode.id, { tags: next });
  };
  return (
    <section class="details" aria-label="Episode details" data-stackcast-details={episode.id}>
      <header>
        <h2>
          {page ? (
            <a href={page} target="_blank" rel="noopener noreferrer">
              {episode.title || page}
            </a>
          ) : (
            episode.title || episode.id
          )}
        </h2>
        <button type="button" class="close" onClick={onClose} aria-label="Close details">
          ×
        </button>
      </header>
      <p class="meta">
        {[episode.podcast, episode.date, formatDuration(episode.durationSeconds)].filter(Boolean).join(' · ')}
      </p>
      <div class="edit">
        <label>
          <span>Status</span>
          <select
            value={episode.status}
            onChange={(e) =>
              onUpdate(episode.id, { status: e.currentTarget.value as ListenerFields['status'] })
            }
          >
            {LISTEN_STATUSES.map((s) => (
              <option key={s} value={s}>
                {STATUS_LABELS[s]}
              </option>
            ))}
          </select>
        </label>
        <label>
          <span>Rating</span>
          <select
            value={episode.rating === null ? '' : String(episode.rating)}
            onChange={(e) =>
              onUpdate(episode.id, { rating: e.currentTarget.value ? Number(e.currentTarget.value) : null })
            }
          >
            <option value="">Not rated</option>
            {[1, 2, 3, 4, 5].map((n) => (
              <option key={n} value={String(n)}>
                {'★'.repeat(n)}
              </option>
            ))}
          </select>
        </label>
        <label class="wide">
          <span>Tags (comma-separated)</span>
          <input
            data-stackcast-tags=""
            value={tags}
            maxLength={3000}
            onInput={(e) => setTags(e.currentTarget.value)}
            onBlur={saveTags}
            onKeyDown={(e) => e.key === 'Enter' && saveTags()}
          />
        </label>
        <label class="wide">
          <span>Notes</span>
          <textarea
            data-stackcast-notes=""
            value={notes}
            maxLength={20_000}
            rows={4}
            onInput={(e) => setNotes(e.currentTarget.value)}
            onBlur={saveNotes}
          />
        </label>
      </div>
      {episode.chapters.length > 0 ? (
        <>
          <h3>Chapters</h3>
          <ol class="chapters">
            {episode.chapters.map((chapter, index) => {
              const href = openAtUrl(episode, chapter.start);
              return (
                <li key={index}>
                  {href ? (
                    <a
                      href={href}
                      target="_blank"
                      rel="noopener noreferrer"
                      data-stackcast-open-at={chapter.start}
                    >
                      {formatTimestamp(chapter.start)}
                    </a>
                  ) : (
                    <span>{formatTimestamp(chapter.start)}</span>
                  )}{' '}
                  {chapter.title}
                </li>
              );
            })}
          </ol>
          <div class="chapter-files">
            <span>Chapters as</span>
            {CHAPTER_FORMAT_IDS.map((format) => (
              <button
                type="button"
                key={format}
                title={CHAPTER_FORMATS[format].label}
                onClick={() => downloadFile(chapterFile(episode, format, new Date()))}
              >
                {CHAPTER_FORMATS[format].name}
              </button>
            ))}
          </div>
        </>
      ) : (
        <p class="hint">
          No chapters were found for this episode. Open its page with Stackcast to read them.
        </p>
      )}
      {episode.tech.length > 0 && (
        <p class="chips">
          {episode.tech.map((t) => (
            <span key={t.slug} class={`chip cat-${t.category}`} title={`${t.category}, found in ${t.source}`}>
              {t.name}
            </span>
          ))}
        </p>
      )}
      <button type="button" class="danger" onClick={() => onRemove([episode.id])}>
        Remove from library
      </button>
    </section>
  );
}

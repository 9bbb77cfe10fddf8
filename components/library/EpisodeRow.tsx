// One row of the library list: selection, title, podcast, date, duration, status and technology chips.
import { LISTEN_STATUSES, type ListenStatus, type EpisodeSummary } from '@/utils/library/record';
import { STATUS_LABELS, formatDuration } from './format';

const CHIPS_SHOWN = 6;

export interface EpisodeRowProps {
  episode: EpisodeSummary;
  index: number;
  top: number;
  height: number;
  selected: boolean;
  active: boolean;
  open: boolean;
  onSelect: (id: string, selected: boolean) => void;
  onOpen: (id: string) => void;
  onStatus: (id: string, status: ListenStatus) => void;
  onTech: (slug: string) => void;
  onFocusRow: (index: number) => void;
}

/**
 * @example
 * <EpisodeRow episode={e} index={0} top={0} height={72} ... />
 */
export function EpisodeRow(props: EpisodeRowProps) {
  const { episode, selected, active, open } = props;
  const title = episode.title || episode.url || episode.id;
  return (
    <div
      role="row"
      class={`row${selected ? ' selected' : ''}${open ? ' open' : ''}`}
      data-stackcast-episode={episode.id}
      data-index={props.index}
      aria-selected={selected ? 'true' : 'false'}
      tabIndex={active ? 0 : -1}
      style={{ transform: `translateY(${props.top}px)`, height: `${props.height}px` }}
      onFocus={(e) => e.target === e.currentTarget && props.onFocusRow(props.index)}
    >
      <span role="gridcell" class="check">
        <input
          type="checkbox"
          tabIndex={-1}
          aria-label={`Select ${title}`}
          checked={selected}
          onChange={(e) => props.onSelect(episode.id, e.currentTarget.checked)}
        />
      </span>
      <span role="gridcell" class="main">
        <button
          type="button"
          class="title"
          tabIndex={-1}
          onClick={() => props.onOpen(episode.id)}
          aria-expanded={open ? 'true' : 'false'}
        >
          {title}
        </button>
        <span class="meta">
          {[episode.podcast, episode.date, formatDuration(episode.durationSeconds)]
            .filter(Boolean)
            .join(' · ')}
        </span>
        <span class="chips">
          {episode.tech.slice(0, CHIPS_SHOWN).map((t) => (
            <button
              type="button"
              tabIndex={-1}
              key={t.slug}
              class={`chip cat-${t.category}`}
              data-stackcast-tech={t.slug}
              title={`Filter by ${t.name}`}
              onClick={() => props.onTech(t.slug)}
            >
              {t.name}
            </button>
          ))}
          {episode.tech.length > CHIPS_SHOWN && (
            <span class="more">+{episode.tech.length - CHIPS_SHOWN}</span>
          )}
          {episode.tags.map((tag) => (
            <span key={tag} class="tag">
              #{tag}
            </span>
          ))}
        </span>
      </span>
      <span role="gridcell" class="status">
        <select
          tabIndex={-1}
          aria-label="Status"
          data-stackcast-status=""
          value={episode.status}
          onChange={(e) => props.onStatus(episode.id, e.currentTarget.value as ListenStatus)}
        >
          {LISTEN_STATUSES.map((status) => (
            <option key={status} value={status}>
              {STATUS_LABELS[status]}
            </option>
          ))}
        </select>
      </span>
    </div>
  );
}

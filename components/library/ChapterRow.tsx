// One chapter of the Chapters view: star, play, its title, episode, podcast, start and length, technologies,
// and a link to the episode's page at that time.
import { formatTimestamp } from '@/utils/parse/time';
import { techBySlug } from '@/utils/tech/catalog';
import { openAtUrl } from '@/utils/library/open-at';
import type { ChapterMatch } from '@/utils/library/query/chapters';
import { chapterKeyOf } from '@/utils/library/chapter-playlist';
import { formatDuration } from './format';
import { logoUrl } from '../tech-brand';

const CHIPS_SHOWN = 5;

export interface ChapterRowProps {
  chapter: ChapterMatch;
  index: number;
  top: number;
  height: number;
  playing: boolean;
  onPlay: (index: number) => void;
  onStar: (chapter: ChapterMatch) => void;
  onTech: (slug: string) => void;
}

/**
 * @example
 * <ChapterRow chapter={match} index={0} top={0} height={84} playing={false} onPlay={play} onStar={star} onTech={filter} />
 */
export function ChapterRow({ chapter, index, top, height, playing, ...on }: ChapterRowProps) {
  const at = formatTimestamp(chapter.start);
  const link = openAtUrl({ url: chapter.pageUrl, audioUrl: chapter.audioUrl }, chapter.start);
  const length = chapter.length === null ? '' : formatDuration(Math.max(60, chapter.length));
  return (
    <li
      class={`row chapter-row${playing ? ' playing' : ''}`}
      data-stackcast-chapter-row={chapterKeyOf(chapter)}
      data-tech={chapter.tech.join(' ')}
      data-index={index}
      style={{ transform: `translateY(${top}px)`, height: `${height}px` }}
    >
      <button
        type="button"
        class={`star${chapter.saved ? ' on' : ''}`}
        aria-pressed={chapter.saved}
        aria-label={`Save chapter ${chapter.title}`}
        data-stackcast-star=""
        onClick={() => on.onStar(chapter)}
      >
        {chapter.saved ? '★' : '☆'}
      </button>
      <button
        type="button"
        class="play"
        aria-label={`Play ${chapter.title}`}
        data-stackcast-play-chapter=""
        disabled={chapter.audioUrl === null}
        onClick={() => on.onPlay(index)}
      >
        ▶
      </button>
      <span class="main">
        <span class="title">{chapter.title}</span>
        <span class="meta">
          {[chapter.episodeTitle, chapter.podcast, `at ${at}`, length].filter(Boolean).join(' · ')}
          {!chapter.episodeSaved && ' · episode not saved'}
        </span>
        <span class="chips">
          {chapter.tech.slice(0, CHIPS_SHOWN).map((slug) => {
            const tech = techBySlug(slug);
            const logo = logoUrl(slug);
            return (
              <button
                type="button"
                key={slug}
                class={`chip cat-${tech?.category ?? 'other'}`}
                data-stackcast-tech={slug}
                title={`Filter by ${tech?.name ?? slug}`}
                onClick={() => on.onTech(slug)}
              >
                {logo && <img class="tech-logo" src={logo} alt="" width={12} height={12} />}
                {tech?.name ?? slug}
              </button>
            );
          })}
        </span>
      </span>
      {link && (
        <a class="open-at" href={link} target="_blank" rel="noopener noreferrer" data-stackcast-open-at="">
          Open at {at}
        </a>
      )}
    </li>
  );
}

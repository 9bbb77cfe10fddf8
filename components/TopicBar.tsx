// The bar above a listing's episodes: the technologies the whole page talks about, with how many episodes and
// chapters do; choosing one highlights those episodes, offers "Save all N" (with Undo) and "Play these chapters".
import { useMemo, useState } from 'preact/hooks';
import type { Episode } from '@/utils/model';
import { episodeIsAbout, type PageTopic } from '@/utils/topics/page-topics';
import { buildQueue } from '@/utils/topics/chapter-queue';
import { clip } from './panel-limits';
import { QueuePlayer } from './QueuePlayer';
import { CATEGORY_HUE } from './tech-colors';
import { trusted } from './trusted';
import { useSaveAll } from './useSaveAll';

/** Topics shown before "+N more": the page's most talked-about ones. */
const TOPICS_SHOWN = 12;

export interface TopicEpisode {
  /** As parsed, with its chapters' technologies. */
  episode: Episode;
  /** As the library's messages take it (trimmed to their limits); Save all sends this. */
  saved: Episode;
  /** The audio Stackcast can play for it, or null (the queue skips it, saying so). */
  audioUrl: string | null;
  /** Whether this page may save it (its own site's episodes only). */
  saveable: boolean;
}

export interface TopicBarProps {
  topics: readonly PageTopic[];
  /** The page's episodes with panels, in page order. */
  episodes: readonly TopicEpisode[];
  /** Tell the page's panels which technology is chosen (null: none). */
  onChoose(slug: string | null): void;
}

const plural = (n: number, one: string) => `${n} ${n === 1 ? one : `${one}s`}`;

/**
 * Topic buttons carry `data-stackcast-topic="<slug>"` and `aria-pressed`; Save all `data-stackcast-save-all`,
 * Undo `data-stackcast-undo`, Play `data-stackcast-play-topic` (the automated-test contract).
 * @example
 * <TopicBar topics={pageTopics(episodes)} episodes={rows} onChoose={highlight} />
 */
export function TopicBar({ topics, episodes, onChoose }: TopicBarProps) {
  const [chosen, setChosen] = useState<string | null>(null);
  const [all, setAll] = useState(false);
  const [playing, setPlaying] = useState(false);
  const saving = useSaveAll();
  const topic = topics.find((candidate) => candidate.slug === chosen) ?? null;
  const matching = useMemo(
    () => (topic ? episodes.filter(({ episode }) => episodeIsAbout(episode, topic.slug)) : []),
    [episodes, topic],
  );
  const saveable = matching.filter((row) => row.saveable).map((row) => row.saved);
  const queue = useMemo(
    () =>
      topic
        ? buildQueue(
            matching.map(({ episode, audioUrl }) => ({ episode, audioUrl })),
            topic.slug,
          )
        : [],
    [matching, topic],
  );

  const choose = (slug: string | null) => {
    setChosen(slug);
    setPlaying(false);
    saving.reset();
    onChoose(slug);
  };
  const visible = all ? topics : topics.slice(0, TOPICS_SHOWN);
  const name = topic ? clip(topic.name, 60) : '';
  const summary = topic
    ? `${plural(matching.length, 'episode')} · ${plural(topic.chapters, 'chapter')} about ${name}`
    : '';

  return (
    <section class="panel topics" aria-label="Stackcast: technologies on this page">
      <p class="topics-title">
        <span class="brand">Stackcast</span> Technologies on this page
      </p>
      <ul class="chips" aria-label="Choose a technology to highlight its episodes">
        {visible.map((candidate) => {
          const pressed = candidate.slug === chosen;
          const label = clip(candidate.name, 60);
          return (
            <li key={candidate.slug}>
              <button
                type="button"
                class={`chip c-${candidate.category in CATEGORY_HUE ? candidate.category : 'other'}`}
                data-stackcast-topic={candidate.slug}
                aria-pressed={pressed ? 'true' : 'false'}
                aria-label={`${label}: ${plural(candidate.episodes, 'episode')}, ${plural(candidate.chapters, 'chapter')}`}
                onClick={trusted(() => choose(pressed ? null : candidate.slug))}
              >
                {label}
                <span class="chip-count" aria-hidden="true">
                  {candidate.episodes} · {candidate.chapters}
                </span>
              </button>
            </li>
          );
        })}
        {!all && topics.length > visible.length && (
          <li>
            <button type="button" onClick={trusted(() => setAll(true))}>
              +{topics.length - visible.length} more
            </button>
          </li>
        )}
      </ul>
      {topic && (
        <div class="nav topic-actions" role="group" aria-label={`${name} on this page`}>
          <button
            type="button"
            data-stackcast-save-all=""
            disabled={saveable.length === 0 || saving.busy}
            aria-busy={saving.busy ? 'true' : 'false'}
            onClick={trusted(() => saving.save(saveable))}
          >
            ☆ Save all {saveable.length}
          </button>
          {saving.added.length > 0 && (
            <button
              type="button"
              data-stackcast-undo=""
              disabled={saving.busy}
              onClick={trusted(saving.undo)}
            >
              Undo
            </button>
          )}
          <button
            type="button"
            data-stackcast-play-topic=""
            disabled={queue.length === 0}
            onClick={trusted(() => setPlaying(true))}
          >
            ▶ Play these chapters ({queue.length})
          </button>
        </div>
      )}
      {/* Always in the tree: a live region that appears with its text is not reliably read out. */}
      <p class="filter-status" role="status" data-stackcast-topic-status="">
        {[summary, saving.status].filter(Boolean).join('. ')}
      </p>
      {playing && topic && queue.length > 0 && (
        <QueuePlayer items={queue} topic={name} onClose={() => setPlaying(false)} />
      )}
    </section>
  );
}

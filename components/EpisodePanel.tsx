// The overlay panel for one episode: header, chapters with prev/next, technology chips, Save, mini player.
import type { ComponentChildren } from 'preact';
import { useEffect, useId, useMemo, useState } from 'preact/hooks';
import type { Episode } from '@/utils/model';
import { clip, LISTING_CHAPTERS_SHOWN } from './panel-limits';
import { formatTimestamp } from '@/utils/parse/time';
import { chapterAt, planPlayback, seekMedia, type PlaybackTarget } from '@/utils/player';
import { ChapterList } from './ChapterList';
import { ChapterNav } from './ChapterNav';
import { MiniPlayer } from './MiniPlayer';
import { TechChips } from './TechChips';
import { PanelRequestsContext, type SeekRequests } from './panel-requests';
import { trusted } from './trusted';
import { useChapterStars } from './useChapterStars';
import {
  chapterCounts,
  chapterOnlyChips,
  filterStatus,
  matchingChapters,
  nextChapter,
  previousChapter,
} from './topic-filter';

/** The listener's preferences a panel reads (the overlay's OverlayOptions holds these and more). */
export interface PanelOptions {
  /** The panel starts collapsed to its header line. */
  collapsed: boolean;
  /** Clicking a time starts playback; false only moves the playhead. */
  playOnClick: boolean;
}

export interface EpisodePanelProps {
  episode: Episode;
  target: PlaybackTarget;
  options: PanelOptions;
  requests?: SeekRequests;
  /** The library's Save button for this episode, when available. */
  save?: ComponentChildren;
  /** The page lists several episodes: show a short chapter preview first. */
  listing?: boolean;
}

type Notice = { tone: 'error' | 'info'; text: string };

/**
 * A compact, collapsible panel; every control is a real button (keyboard and screen-reader friendly).
 * @example
 * render(<EpisodePanel episode={episode} target={target} options={DEFAULT_OVERLAY_OPTIONS} />, shadowContainer)
 */
export function EpisodePanel({
  episode,
  target,
  options,
  requests,
  save,
  listing = false,
}: EpisodePanelProps) {
  const [collapsed, setCollapsed] = useState(options.collapsed);
  const [time, setTime] = useState<number | null>(null);
  const [notice, setNotice] = useState<Notice | null>(null);
  const [mini, setMini] = useState<{ src: string; start: number; seq: number } | null>(null);
  /** The chosen technology chip's slug: its chapters are marked and prev/next walk them. */
  const [topic, setTopic] = useState<string | null>(null);
  /** The name the topic bar gave the chosen technology: an episode whose chips lack it has no name of its own. */
  const [barName, setBarName] = useState<string | null>(null);
  const bodyId = useId();
  const chapters = episode.chapters;
  const pageMedia = target.seekable ? target.media : null;

  // Follow the page's own player, also when the listener uses the page's controls.
  useEffect(() => {
    if (!pageMedia) return;
    const update = () => setTime(pageMedia.currentTime);
    const events = ['timeupdate', 'seeked', 'play'] as const;
    for (const type of events) pageMedia.addEventListener(type, update);
    return () => {
      for (const type of events) pageMedia.removeEventListener(type, update);
    };
  }, [pageMedia]);

  const playFrom = async (seconds: number) => {
    setNotice(null);
    setTime(seconds);
    const plan = planPlayback(target, seconds);
    switch (plan.kind) {
      case 'page-media': {
        setMini(null);
        const result = await seekMedia(plan.media, seconds, options.playOnClick);
        if (!result.ok) setNotice({ tone: 'error', text: result.error });
        break;
      }
      case 'mini-player':
        setMini((previous) => ({ src: plan.audioUrl, start: seconds, seq: (previous?.seq ?? 0) + 1 }));
        break;
      case 'open-url': {
        const opened = window.open(plan.url, '_blank', 'noopener');
        setNotice({
          tone: 'info',
          text:
            opened === null || opened === undefined
              ? `Opening the episode at ${formatTimestamp(seconds)} in a new tab.`
              : `Opened the episode at ${formatTimestamp(seconds)} in a new tab.`,
        });
        break;
      }
      case 'unavailable':
        setNotice({ tone: 'error', text: plan.reason });
        break;
    }
  };

  const current = time === null ? -1 : chapterAt(chapters, time);
  // A chapter can be starred where its episode can be saved (the Save slot is there only for this site's episodes).
  const stars = useChapterStars(
    episode,
    save !== undefined && save !== null && chapters.length >= 2,
    (text) => setNotice({ tone: 'error', text }),
  );
  // The chip filter: computed when the chapters or the choice change, not on every clock tick.
  const counts = useMemo(() => chapterCounts(chapters), [chapters]);
  const matches = useMemo(
    () => (topic === null ? null : matchingChapters(chapters, topic)),
    [chapters, topic],
  );
  const chapterOnly = useMemo(
    () => chapterOnlyChips(episode.tech, episode.chapterTech, chapters),
    [episode.tech, episode.chapterTech, chapters],
  );
  const topicName =
    topic === null
      ? null
      : clip(
          (episode.tech.find((t) => t.slug === topic) ?? chapterOnly.find((t) => t.slug === topic))?.name ??
            barName ??
            topic,
          60,
        );
  const previousIndex = previousChapter(current, matches);
  const nextIndex = nextChapter(chapters.length, current, matches);
  const go = (index: number) => {
    if (index >= 0) void playFrom(chapters[index]!.start);
  };
  // Without a filter, a shortcut at either end replays that chapter (as it always has).
  const previous = () => go(matches === null ? Math.max(0, current - 1) : previousIndex);
  const next = () => go(matches === null ? Math.min(chapters.length - 1, current + 1) : nextIndex);

  useEffect(
    () =>
      requests?.((command) => {
        // 'save' is for the Save button, which hears it through PanelRequestsContext.
        if (command.type === 'save') return;
        if (command.type === 'seek') void playFrom(command.seconds);
        else if (command.type === 'topic') {
          setTopic(command.slug);
          setBarName(command.name ?? null);
        } else if (chapters.length > 0) (command.type === 'next' ? next : previous)();
      }),
    [requests, target, options.playOnClick, current, chapters, matches],
  );

  const hasChapters = chapters.length >= 2;
  const summary = [
    hasChapters ? `${chapters.length} chapters` : null,
    episode.tech.length
      ? `${episode.tech.length} ${episode.tech.length === 1 ? 'technology' : 'technologies'}`
      : null,
  ]
    .filter(Boolean)
    .join(' · ');
  const title = episode.title ? clip(episode.title.trim()) : null;

  return (
    <PanelRequestsContext.Provider value={requests}>
      <section class="panel" aria-label={title ? `Stackcast: ${title}` : 'Stackcast'}>
        <div class="header">
          <button
            type="button"
            class="toggle"
            aria-expanded={!collapsed}
            aria-controls={bodyId}
            onClick={trusted(() => setCollapsed(!collapsed))}
          >
            <span class="chevron" aria-hidden="true">
              ▾
            </span>
            <span class="brand">Stackcast</span>
            <span class="summary">{summary}</span>
          </button>
          {save && <div class="actions">{save}</div>}
        </div>
        {notice && (
          <p
            class={notice.tone === 'info' ? 'message info' : 'message'}
            role={notice.tone === 'error' ? 'alert' : 'status'}
          >
            {clip(notice.text, 400)}
          </p>
        )}
        <div class="body" id={bodyId} hidden={collapsed}>
          {title && (
            <p class="title" dir="auto" title={title}>
              {title}
            </p>
          )}
          {hasChapters && (
            <>
              <ChapterNav
                previous={previousIndex}
                next={nextIndex}
                onGo={go}
                topic={topicName}
                status={topicName === null ? '' : filterStatus(topicName, matches?.length ?? 0)}
                onClear={() => setTopic(null)}
              />
              <ChapterList
                chapters={chapters}
                current={current}
                onPlay={(start) => void playFrom(start)}
                initial={listing ? LISTING_CHAPTERS_SHOWN : undefined}
                matches={matches ?? undefined}
                topic={topicName ?? undefined}
                starred={stars.starred}
                onStar={stars.toggle}
              />
            </>
          )}
          <TechChips
            tech={episode.tech}
            chapterOnly={chapterOnly}
            counts={hasChapters ? counts : undefined}
            chosen={topic}
            onChoose={hasChapters ? setTopic : undefined}
          />
        </div>
        {mini && (
          <MiniPlayer
            src={mini.src}
            request={mini}
            playOnClick={options.playOnClick}
            onClock={(seconds) => setTime(seconds)}
            onError={(text) => setNotice({ tone: 'error', text })}
            onClose={() => setMini(null)}
          />
        )}
      </section>
    </PanelRequestsContext.Provider>
  );
}

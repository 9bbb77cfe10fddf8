// The overlay panel for one episode: header, chapters with prev/next, technology chips, Save, mini player.
import type { ComponentChildren } from 'preact';
import { useEffect, useId, useState } from 'preact/hooks';
import type { Episode } from '@/utils/model';
import { clip, LISTING_CHAPTERS_SHOWN } from './panel-limits';
import { formatTimestamp } from '@/utils/parse/time';
import { chapterAt, planPlayback, seekMedia, type PlaybackTarget } from '@/utils/player';
import { ChapterList } from './ChapterList';
import { MiniPlayer } from './MiniPlayer';
import { TechChips } from './TechChips';
import { PanelRequestsContext, type SeekRequests } from './panel-requests';
import { trusted } from './trusted';

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
  const previous = () => void playFrom(chapters[Math.max(0, current - 1)]!.start);
  const next = () => void playFrom(chapters[Math.min(chapters.length - 1, current + 1)]!.start);

  useEffect(
    () =>
      requests?.((command) => {
        // 'save' is for the Save button, which hears it through PanelRequestsContext.
        if (command.type === 'save') return;
        if (command.type === 'seek') void playFrom(command.seconds);
        else if (chapters.length > 0) (command.type === 'next' ? next : previous)();
      }),
    [requests, target, options.playOnClick, current, chapters],
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
              <div class="nav" role="group" aria-label="Chapter navigation">
                <button
                  type="button"
                  disabled={current <= 0}
                  onClick={trusted(previous)}
                  aria-label="Previous chapter"
                >
                  ◀ Previous
                </button>
                <button
                  type="button"
                  disabled={current >= chapters.length - 1}
                  onClick={trusted(next)}
                  aria-label="Next chapter"
                >
                  Next ▶
                </button>
              </div>
              <ChapterList
                chapters={chapters}
                current={current}
                onPlay={(start) => void playFrom(start)}
                initial={listing ? LISTING_CHAPTERS_SHOWN : undefined}
              />
            </>
          )}
          <TechChips tech={episode.tech} />
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

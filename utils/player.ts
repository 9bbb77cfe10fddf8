// Playing an episode from a time: seek the page's own player, else Stackcast's mini player, else open the
// episode page at that time, else say why it cannot play.
import { formatTimestamp } from './parse/time';

/** What the overlay knows about where an episode can be played. */
export interface PlaybackTarget {
  /** The page's media element for this episode, if any. */
  media: HTMLMediaElement | null;
  /** Whether the site's player can be driven by seeking its media element (false on Spotify). */
  seekable: boolean;
  audioUrl: string | null;
  episodeUrl: string | null;
  /** Display name of the site, for messages. */
  siteName: string;
  /** A URL opening the episode at a time, when the site supports one. */
  timeUrl: ((episodeUrl: string, seconds: number) => string | null) | null;
  /** The page's embedded player (an iframe Stackcast cannot control), when it has no playable audio. */
  playerUrl?: string | null;
}

export type PlaybackPlan =
  | { kind: 'page-media'; media: HTMLMediaElement }
  | { kind: 'mini-player'; audioUrl: string }
  | { kind: 'open-url'; url: string }
  | { kind: 'unavailable'; reason: string };

/**
 * Decide how to play `target` from `seconds`, in order of preference.
 * @example
 * planPlayback({ media: null, seekable: true, audioUrl: 'https://x/ep.mp3', ... }, 105).kind // 'mini-player'
 */
export function planPlayback(target: PlaybackTarget, seconds: number): PlaybackPlan {
  if (target.media && target.seekable) return { kind: 'page-media', media: target.media };
  if (target.audioUrl && isHttpUrl(target.audioUrl))
    return { kind: 'mini-player', audioUrl: target.audioUrl };
  const url = target.episodeUrl && target.timeUrl ? target.timeUrl(target.episodeUrl, seconds) : null;
  if (url && isHttpUrl(url)) return { kind: 'open-url', url };
  const at = formatTimestamp(seconds);
  if (!target.seekable) {
    return {
      kind: 'unavailable',
      reason: `${target.siteName}'s player cannot be controlled by extensions and has no link to ${at}: skip to ${at} in its player.`,
    };
  }
  if (target.playerUrl) {
    return {
      kind: 'unavailable',
      reason: `This page has no audio Stackcast can play, so it cannot play from ${at}: skip to ${at} in the page's own player (an embed Stackcast cannot control).`,
    };
  }
  return {
    kind: 'unavailable',
    reason: `This page has no audio Stackcast can play, so it cannot play from ${at}.`,
  };
}

/** HTMLMediaElement.NETWORK_NO_SOURCE, spelt out for non-browser test environments. */
const NETWORK_NO_SOURCE = 3;
/** How long a page's player may take to start before the listener is told. */
const PLAY_TIMEOUT_MS = 8_000;

const delay = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

export type SeekResult = { ok: true } | { ok: false; error: string };

/**
 * Move `media` to `seconds` and (optionally) play. A player that refuses (throws, has no playable source,
 * is blocked) yields a message a listener can act on instead of failing silently.
 * @example
 * const r = await seekMedia(document.querySelector('audio')!, 105); if (!r.ok) show(r.error);
 */
export async function seekMedia(media: HTMLMediaElement, seconds: number, play = true): Promise<SeekResult> {
  const at = formatTimestamp(seconds);
  if (media.error)
    return { ok: false, error: `The page's player cannot play this audio (${mediaErrorText(media.error)}).` };
  // Every <source> failed: play() would wait forever for a new one.
  if (media.networkState === NETWORK_NO_SOURCE)
    return { ok: false, error: "The page's player has no audio it can load." };
  try {
    moveTo(media, seconds);
  } catch (error) {
    return { ok: false, error: `The page's player refused to move to ${at}: ${errorText(error)}` };
  }
  if (!play) return { ok: true };
  pauseOthers(media);
  try {
    const started = await Promise.race([
      media.play().then(() => true),
      delay(PLAY_TIMEOUT_MS).then(() => false),
    ]);
    if (!started && media.paused) {
      return {
        ok: false,
        error: `The page's player did not start within ${PLAY_TIMEOUT_MS / 1000} s: check its audio or press play there.`,
      };
    }
    return { ok: true };
  } catch (error) {
    // AbortError: a newer seek or pause superseded this play; nothing is wrong.
    if (error instanceof DOMException && error.name === 'AbortError') return { ok: true };
    if (error instanceof DOMException && error.name === 'NotAllowedError') {
      return {
        ok: false,
        error: `Moved to ${at}; the browser blocked autoplay, press play on the page's player.`,
      };
    }
    return { ok: false, error: `The page's player could not play from ${at}: ${errorText(error)}` };
  }
}

/**
 * Set `media` to `seconds`, also when it has not loaded yet: before metadata, browsers may drop the
 * position (Chromium does for a source still loading), so it is set again once metadata arrives.
 * @example
 * moveTo(audio, 105)
 */
export function moveTo(media: HTMLMediaElement, seconds: number): void {
  media.currentTime = seconds;
  if (media.readyState >= 1) return;
  const again = () => {
    if (Math.abs(media.currentTime - seconds) > 1) media.currentTime = seconds;
  };
  // Listeners run in order, so after several early seeks the newest one wins.
  media.addEventListener('loadedmetadata', again, { once: true });
}

/** Media Stackcast has started, so starting one pauses the others (one voice at a time). */
const started = new Set<WeakRef<HTMLMediaElement>>();

/**
 * Pause every other media element Stackcast has played, and remember this one.
 * @example
 * pauseOthers(miniPlayerAudio)
 */
export function pauseOthers(media: HTMLMediaElement): void {
  let known = false;
  for (const ref of started) {
    const other = ref.deref();
    if (!other || !other.isConnected) started.delete(ref);
    else if (other === media) known = true;
    else if (!other.paused) other.pause();
  }
  if (!known) started.add(new WeakRef(media));
}

/**
 * Play Stackcast's own audio element, pausing the others; a refusal (autoplay policy, a bad address) is told
 * with `whose` audio it was. An AbortError only means a newer load or pause came first.
 * @example
 * playAlone(audio, "The chapter's", warn)
 */
export function playAlone(media: HTMLMediaElement, whose: string, onError: (message: string) => void): void {
  pauseOthers(media);
  media.play().catch((error: unknown) => {
    if (error instanceof DOMException && error.name === 'AbortError') return;
    onError(`${whose} audio would not play: ${errorText(error)}`);
  });
}

/**
 * Why a media element failed, in words.
 * @example
 * mediaErrorText(audio.error) // 'a network error'
 */
export function mediaErrorText(error: MediaError): string {
  const names: Record<number, string> = {
    1: 'loading was aborted',
    2: 'a network error',
    3: 'the audio could not be decoded',
    4: 'the audio format or address is not supported',
  };
  return error.message || names[error.code] || `media error ${error.code}`;
}

function errorText(error: unknown): string {
  if (error instanceof Error) return error.message || error.name;
  return String(error);
}

function isHttpUrl(value: string): boolean {
  try {
    const { protocol } = new URL(value);
    return protocol === 'http:' || protocol === 'https:';
  } catch {
    return false;
  }
}

/**
 * Index of the chapter playing at `seconds` (the last one starting at or before it), or -1 before the first.
 * Chapters are sorted by start.
 * @example
 * chapterAt([{ start: 0 }, { start: 60 }], 75) // 1
 */
export function chapterAt(chapters: readonly { start: number }[], seconds: number): number {
  let low = 0;
  let high = chapters.length - 1;
  let found = -1;
  while (low <= high) {
    const middle = (low + high) >> 1;
    if (chapters[middle]!.start <= seconds) {
      found = middle;
      low = middle + 1;
    } else high = middle - 1;
  }
  return found;
}

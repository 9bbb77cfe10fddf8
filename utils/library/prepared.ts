// A record ready to store: its backup text and its summary's JSON, made once from a checked saved episode.
import { episodeBackupText } from './backup';
import { toSummary, type SavedEpisode } from './record';

/**
 * What the shelves and summary shelves keep of one saved episode, as strings: an import turns each checked
 * episode into this at once, so each waits for the write as two strings rather than dozens of objects
 * for the garbage collector to copy and promote.
 */
export interface PreparedRecord {
  id: string;
  savedAt: string;
  /** `episodeBackupText`: what the record's shelf stores. */
  text: string;
  /** JSON of its `EpisodeSummary`: what its summary shelf stores. */
  summary: string;
  /** Set by an import that kept only the first LISTENER_LIMITS.tags of the file's tags: how many it left out. */
  tagsLeftOut?: number;
}

/**
 * @example
 * prepareRecord(saved).text === episodeBackupText(saved) // true
 */
export function prepareRecord(episode: SavedEpisode): PreparedRecord {
  return {
    id: episode.id,
    savedAt: episode.savedAt,
    text: episodeBackupText(episode),
    summary: JSON.stringify(toSummary(episode)),
  };
}

// What the library's list formats (reading list, CSV, bookmarks, OPML) read of a saved episode: the episode
// and what the listener added. The library's SavedEpisode is one; the formats need not know the storage.
import type { Episode } from '../model';

export interface ListedEpisode extends Episode {
  status: 'to-listen' | 'listening' | 'listened';
  /** 1..5 stars, or null when not rated. */
  rating: number | null;
  tags: readonly string[];
  notes: string;
  /** ISO 8601 instants. */
  savedAt: string;
  updatedAt: string;
}

// What the chapter list formats (topic reading list, M3U) read of a chapter: the chapter with its episode's
// details. The library's ChapterMatch is one; the formats need not know the storage or the query.
export interface ListedChapter {
  episodeId: string;
  podcast: string | null;
  episodeTitle: string | null;
  title: string;
  /** Seconds from the episode's start. */
  start: number;
  /** Where it stops, in seconds from the episode's start; null when unknown. */
  end: number | null;
  /** Technology slugs. */
  tech: readonly string[];
  audioUrl: string | null;
  /** The episode's page. */
  pageUrl: string | null;
}

// What a chapter format is to the places that offer it: the CLI's --format, the library's chapter downloads.
import type { Episode } from '../model';

export interface ChapterFormat {
  /** What the format is, in a sentence's words (the library's button title). */
  label: string;
  /** The format's short name (the library's button text). */
  name: string;
  /** The CLI's --format help: the format and what several episodes give. */
  help: string;
  /** File name extension, without the dot. */
  extension: string;
  /** The file's MIME type. */
  mime: string;
  /** One episode's chapters as the file's text. */
  write(episode: Episode): string;
  /** Several episodes' chapters as one printed text (the CLI's output; none gives an empty file). */
  writeSeveral(episodes: Episode[]): string;
}

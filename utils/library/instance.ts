// The library service of this extension context (background or extension page), announcing every change.
import { libraryDb } from './db';
import { announceLibraryChange } from './revision';
import { LibraryService } from './service';

let shared: LibraryService | undefined;

/**
 * The shared library service; its writes bump the revision key so Save buttons in every tab update.
 * @example
 * await contextLibrary().save(episode);
 */
export function contextLibrary(): LibraryService {
  shared ??= new LibraryService(libraryDb(), { onChange: announceLibraryChange });
  return shared;
}

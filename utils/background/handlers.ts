// One handler per message type; the background dispatcher calls them after validation.
import { browser } from 'wxt/browser';
import type { Answer, Request } from '../messages';
import { contextLibrary } from '../library/instance';
import { contextSavedChapters } from '../library/saved-chapters';
import { saveNew } from '../library/save-new';
import { setTabEpisodes, tabEpisodesOf, trackTabNavigation } from './badge';
import { parseReadings } from './parse-episodes';
import { ParseBudget } from './parse-budget';
import { OTHER_SITE_ERROR, type Caller } from './caller';
import { belongsToPage, episodeBelongsToPage, isAddressId } from '../episode-site';
import { syncHandlers } from './sync-handlers';

/** One handler per request type, each answering what the sender expects ({@link Answer}). */
type Handlers = {
  [K in Request['type']]: (request: Extract<Request, { type: K }>, caller: Caller) => Promise<Answer<K>>;
};

/** Refuse a request only Stackcast's own pages make (a content script never needs it). */
function extensionOnly(caller: Caller, what: string): void {
  if (caller.kind !== 'extension') throw new Error(`${what} is only for Stackcast's own pages`);
}

/**
 * Which of `ids` are saved, as a content script may learn it: only episodes of its own page's site. An id
 * that is an address is judged by that address; a feed GUID (which any page can copy) by the saved record's.
 */
async function savedOnPage(ids: string[], page: URL | null): Promise<string[]> {
  if (page === null) return [];
  const library = contextLibrary();
  const asked = ids.filter((id) => (isAddressId(id) ? belongsToPage(id, page) : true));
  const saved = await library.savedIds(asked);
  const answer: string[] = [];
  for (const id of saved) {
    if (isAddressId(id)) answer.push(id);
    else if (belongsToPage((await library.get(id))?.url ?? null, page)) answer.push(id);
  }
  return answer;
}

/**
 * Whether a page may see or change an episode's saved chapters: an address id must be of its site; a feed
 * GUID (which any page can copy) is judged by the page address its saved chapters carry.
 */
async function chaptersOnPage(episodeId: string, page: URL | null): Promise<boolean> {
  if (page === null) return false;
  if (isAddressId(episodeId)) return belongsToPage(episodeId, page);
  const saved = await contextSavedChapters().listSavedChapters();
  const copy = saved.find((chapter) => chapter.episodeId === episodeId);
  return copy === undefined || belongsToPage(copy.episode.url, page);
}

trackTabNavigation();

/** Parse time per tab: a page cannot keep the service worker parsing without end. */
export const parseBudget = new ParseBudget();
export const PARSE_REFUSED =
  'this page asked for more parsing than Stackcast gives a page in a minute; its episodes wait for the next scan';

export const handlers: Handlers = {
  async 'library:save'(request, caller) {
    const library = contextLibrary();
    if (caller.kind === 'extension') return library.save(request.episode);
    // From a page: only its own site's episodes, and Save only adds. A record already in the library is
    // left exactly as it is: the page's title, chapters and technologies never replace what was saved.
    if (caller.page === null || !episodeBelongsToPage(request.episode, caller.page))
      throw new Error(OTHER_SITE_ERROR);
    const existing = await library.get(request.episode.id);
    if (existing) {
      if (!episodeBelongsToPage(existing, caller.page)) throw new Error(OTHER_SITE_ERROR);
      return existing;
    }
    return library.save(request.episode);
  },
  async 'library:remove'(request, caller) {
    const library = contextLibrary();
    if (caller.kind === 'page') {
      const existing = await library.get(request.id);
      if (!existing) return 0;
      if (caller.page === null || !episodeBelongsToPage(existing, caller.page))
        throw new Error(OTHER_SITE_ERROR);
    }
    return (await library.remove([request.id])).length;
  },
  async 'library:saved'(request, caller) {
    if (caller.kind === 'page') return savedOnPage(request.ids, caller.page);
    return contextLibrary().savedIds(request.ids);
  },
  async 'library:save-chapter'(request, caller) {
    // From a page: only a chapter of its own site's episode.
    if (
      caller.kind === 'page' &&
      (caller.page === null || !episodeBelongsToPage(request.episode, caller.page))
    )
      throw new Error(OTHER_SITE_ERROR);
    return contextSavedChapters().saveChapter(request.episode, request.start);
  },
  async 'library:unsave-chapter'(request, caller) {
    if (caller.kind === 'page' && !(await chaptersOnPage(request.episodeId, caller.page)))
      throw new Error(OTHER_SITE_ERROR);
    return contextSavedChapters().unsaveChapter({ episodeId: request.episodeId, start: request.start });
  },
  async 'library:list-saved-chapters'(_request, caller) {
    extensionOnly(caller, 'listing the saved chapters');
    return contextSavedChapters().listSavedChapters();
  },
  async 'library:saved-chapter-starts'(request, caller) {
    const saved = contextSavedChapters();
    const answers: number[][] = [];
    for (const id of request.episodeIds)
      answers.push(
        caller.kind === 'page' && !(await chaptersOnPage(id, caller.page)) ? [] : await saved.savedStarts(id),
      );
    return answers;
  },
  async 'library:save-many'(request, caller) {
    // From a page: every episode of its own site, or none; a saved one is never touched (saveNew).
    if (caller.kind === 'page') {
      const page = caller.page;
      if (page === null || !request.episodes.every((episode) => episodeBelongsToPage(episode, page)))
        throw new Error(OTHER_SITE_ERROR);
    }
    return saveNew(contextLibrary(), request.episodes);
  },
  async 'library:remove-many'(request, caller) {
    const library = contextLibrary();
    if (caller.kind === 'page') {
      const page = caller.page;
      for await (const records of library.records(request.ids))
        if (page === null || !records.every((record) => episodeBelongsToPage(record, page)))
          throw new Error(OTHER_SITE_ERROR);
    }
    return (await library.remove(request.ids)).length;
  },
  async 'library:open'(request, caller) {
    extensionOnly(caller, 'opening the library');
    // The query is a library view (e.g. `tech=docker`); it only ever lands in our own page's hash.
    const view = request.query?.replace(/^[#?]/, '');
    await browser.tabs.create({ url: browser.runtime.getURL('/library.html') + (view ? `#${view}` : '') });
    return null;
  },
  async 'tab:episodes'(request, caller) {
    // Only a content script reports, and only for its own tab.
    if (caller.kind === 'page' && caller.tabId !== undefined)
      await setTabEpisodes(caller.tabId, request.episodes);
    return null;
  },
  async 'tab:get-episodes'(request, caller) {
    // Another tab's episodes are the popup's business, not a page's.
    extensionOnly(caller, 'reading a tab’s episodes');
    return tabEpisodesOf(request.tabId);
  },
  async 'parse:episodes'(request, caller) {
    if (caller.kind === 'extension') return parseReadings(request.readings);
    const tab = caller.tabId ?? -1;
    if (!parseBudget.allows(tab)) throw new Error(PARSE_REFUSED);
    const parsed = parseReadings(request.readings);
    parseBudget.charge(tab, parsed.milliseconds);
    return parsed;
  },
  ...syncHandlers,
};

// One handler per message type; the background dispatcher calls them after validation.
import { browser } from 'wxt/browser';
import type { Request } from '../messages';
import { contextLibrary } from '../library/instance';
import { setTabEpisodes, tabEpisodesOf, trackTabNavigation } from './badge';
import { parseReadings } from './parse-episodes';

type Handlers = {
  [K in Request['type']]: (request: Extract<Request, { type: K }>, tabId: number | undefined) => Promise<unknown>;
};

trackTabNavigation();

export const handlers: Handlers = {
  async 'library:save'(request) {
    return contextLibrary().save(request.episode);
  },
  async 'library:remove'(request) {
    return (await contextLibrary().remove([request.id])).length;
  },
  async 'library:saved'(request) {
    return contextLibrary().savedIds(request.ids);
  },
  async 'library:open'(request) {
    // The query is a library view (e.g. `tech=docker`); it only ever lands in our own page's hash.
    const view = request.query?.replace(/^[#?]/, '');
    await browser.tabs.create({ url: browser.runtime.getURL('/library.html') + (view ? `#${view}` : '') });
    return null;
  },
  async 'tab:episodes'(request, tabId) {
    if (tabId !== undefined) await setTabEpisodes(tabId, request.episodes);
    return null;
  },
  async 'tab:get-episodes'(request) {
    return tabEpisodesOf(request.tabId);
  },
  async 'parse:episodes'(request) {
    return parseReadings(request.readings);
  },
};

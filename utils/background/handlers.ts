// One handler per message type; the background dispatcher calls them after validation.
import type { Request } from '../messages';

type Handlers = {
  [K in Request['type']]: (request: Extract<Request, { type: K }>, tabId: number | undefined) => Promise<unknown>;
};

const tabEpisodes = new Map<number, Extract<Request, { type: 'tab:episodes' }>['episodes']>();

export const handlers: Handlers = {
  async 'library:save'() {
    throw new Error('the library is not built yet');
  },
  async 'library:remove'() {
    throw new Error('the library is not built yet');
  },
  async 'library:saved'() {
    return [];
  },
  async 'library:open'() {
    throw new Error('the library is not built yet');
  },
  async 'tab:episodes'(request, tabId) {
    if (tabId !== undefined) tabEpisodes.set(tabId, request.episodes);
    return null;
  },
  async 'tab:get-episodes'(request) {
    return tabEpisodes.get(request.tabId) ?? [];
  },
};

// Starring a chapter through messages: checked by the schema, and a page stars, unstars and sees only its own
// site's chapters; Stackcast's own pages list them all.
import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { handlers } from '@/utils/background/handlers';
import { callerOf, EXTENSION_CALLER, type Caller } from '@/utils/background/caller';
import { contextSavedChapters } from '@/utils/library/saved-chapters';
import { parseRequest, type Request } from '@/utils/messages';
import type { Episode } from '@/utils/model';

const EXTENSION_ORIGIN = 'chrome-extension://stackcastid';
const OWN = 'https://show.example/episodes/1';
const PAGE = 'https://show.example/episodes/';

function pageCaller(address: string): Caller {
  return callerOf({ url: address, tab: { id: 7, url: address } }, EXTENSION_ORIGIN);
}

const episode: Episode = {
  id: OWN,
  title: 'Real title',
  podcast: 'Real podcast',
  date: '2026-01-01',
  durationSeconds: 1_800,
  url: OWN,
  audioUrl: 'https://show.example/audio/1.mp3',
  chapters: [
    { start: 0, title: 'Intro', tech: [] },
    { start: 300, title: 'Postgres upgrades', tech: ['postgres'] },
  ],
  chapterConfidence: 0.9,
  tech: [],
};

async function ask(raw: unknown, caller: Caller): Promise<unknown> {
  const parsed = parseRequest(raw);
  if (!parsed.ok) throw new Error(parsed.error);
  const request = parsed.value;
  const handler = handlers[request.type] as (r: Request, c: Caller) => Promise<unknown>;
  return handler(request, caller);
}

afterEach(async () => {
  fakeBrowser.reset();
  await contextSavedChapters().db.savedChapters.clear();
});

describe('saved chapter messages', () => {
  it('star, list, see lit stars and unstar a chapter of the page’s own episode', async () => {
    const page = pageCaller(PAGE);
    const saved = await ask({ type: 'library:save-chapter', episode, start: 300 }, page);
    expect(saved).toMatchObject({ episodeId: OWN, start: 300, end: 1_800, tech: ['postgres'] });
    expect(await ask({ type: 'library:saved-chapter-starts', episodeIds: [OWN] }, page)).toEqual([[300]]);
    expect(await ask({ type: 'library:list-saved-chapters' }, EXTENSION_CALLER)).toEqual([saved]);
    expect(await ask({ type: 'library:unsave-chapter', episodeId: OWN, start: 300 }, page)).toBe(true);
    expect(await ask({ type: 'library:saved-chapter-starts', episodeIds: [OWN] }, page)).toEqual([[]]);
  });

  it('refuses another site’s page, and a page listing every saved chapter', async () => {
    const evil = pageCaller('https://evil.example/');
    await expect(ask({ type: 'library:save-chapter', episode, start: 300 }, evil)).rejects.toThrow();
    await ask({ type: 'library:save-chapter', episode, start: 300 }, EXTENSION_CALLER);
    expect(await ask({ type: 'library:saved-chapter-starts', episodeIds: [OWN] }, evil)).toEqual([[]]);
    await expect(ask({ type: 'library:unsave-chapter', episodeId: OWN, start: 300 }, evil)).rejects.toThrow();
    await expect(ask({ type: 'library:list-saved-chapters' }, pageCaller(PAGE))).rejects.toThrow();
    expect(await contextSavedChapters().listSavedChapters()).toHaveLength(1);
  });

  it('rejects malformed requests before any handler runs', async () => {
    expect(parseRequest({ type: 'library:save-chapter', episode, start: -1 }).ok).toBe(false);
    expect(parseRequest({ type: 'library:unsave-chapter', episodeId: '', start: 0 }).ok).toBe(false);
    expect(await ask({ type: 'library:save-chapter', episode, start: 299 }, EXTENSION_CALLER)).toBeNull();
  });
});

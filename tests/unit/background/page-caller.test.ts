// What a web page can learn and change through its content script: a hostile page can declare any episode
// address (JSON-LD, links) and have the content script ask about it, so the background answers a page only
// about its own site's episodes, and a page's Save never rewrites a saved record.
import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { handlers } from '@/utils/background/handlers';
import { callerOf, EXTENSION_CALLER, type Caller } from '@/utils/background/caller';
import { belongsToPage } from '@/utils/episode-site';
import { contextLibrary } from '@/utils/library/instance';
import type { Request } from '@/utils/messages';
import type { Episode } from '@/utils/model';

const EXTENSION_ORIGIN = 'chrome-extension://stackcastid';

function pageCaller(address: string, tabId = 7): Caller {
  return callerOf({ url: address, tab: { id: tabId, url: address } }, EXTENSION_ORIGIN);
}

function episode(id: string, overrides: Partial<Episode> = {}): Episode {
  return {
    id,
    title: 'Real title',
    podcast: 'Real podcast',
    date: '2026-01-01',
    durationSeconds: 1_800,
    url: id.startsWith('http') ? id : null,
    audioUrl: null,
    chapters: [
      { start: 0, title: 'Intro' },
      { start: 300, title: 'Real chapter' },
    ],
    chapterConfidence: 0.9,
    tech: [],
    ...overrides,
  };
}

async function ask(request: Request, caller: Caller): Promise<unknown> {
  const handler = handlers[request.type] as (r: Request, c: Caller) => Promise<unknown>;
  return handler(request, caller);
}

afterEach(async () => {
  fakeBrowser.reset();
  await contextLibrary().db.shelves.clear();
  await contextLibrary().db.summaryShelves.clear();
  await contextLibrary().db.newest.clear();
});

const OWN = 'https://show.example/episodes/1';
const OTHER = 'https://other-show.test/episodes/9';
const PAGE = 'https://show.example/episodes/';

describe('a page asking what is saved', () => {
  it('learns only about its own site’s episodes; Stackcast’s own pages learn about all', async () => {
    const library = contextLibrary();
    await library.save(episode(OWN));
    await library.save(episode(OTHER));
    const ids = [OWN, OTHER, 'https://www.show.example/episodes/2'];
    expect(await ask({ type: 'library:saved', ids }, pageCaller(PAGE))).toEqual([OWN]);
    expect(await ask({ type: 'library:saved', ids }, pageCaller('https://other-show.test/'))).toEqual([
      OTHER,
    ]);
    expect(await ask({ type: 'library:saved', ids }, pageCaller('https://evil.example/'))).toEqual([]);
    expect(((await ask({ type: 'library:saved', ids }, EXTENSION_CALLER)) as string[]).sort()).toEqual(
      [OTHER, OWN].sort(),
    );
  });

  it('a feed GUID (which any page can copy) is answered only by the saved record’s own address', async () => {
    await contextLibrary().save(episode('urn:uuid:guid-1', { url: OTHER }));
    expect(
      await ask({ type: 'library:saved', ids: ['urn:uuid:guid-1'] }, pageCaller('https://evil.example/')),
    ).toEqual([]);
    expect(
      await ask({ type: 'library:saved', ids: ['urn:uuid:guid-1'] }, pageCaller('https://other-show.test/x')),
    ).toEqual(['urn:uuid:guid-1']);
  });

  it('a sender without a web address learns nothing', async () => {
    await contextLibrary().save(episode(OWN));
    const unknown = callerOf({ tab: { id: 3 } }, EXTENSION_ORIGIN);
    expect(unknown.kind).toBe('page');
    expect(await ask({ type: 'library:saved', ids: [OWN] }, unknown)).toEqual([]);
  });
});

describe('a page saving and removing', () => {
  it('cannot save or remove another site’s episode', async () => {
    const library = contextLibrary();
    await expect(
      ask({ type: 'library:save', episode: episode(OTHER, { title: 'Page-made' }) }, pageCaller(PAGE)),
    ).rejects.toThrow(/own site/);
    expect(await library.get(OTHER)).toBeUndefined();
    await library.save(episode(OTHER));
    await expect(ask({ type: 'library:remove', id: OTHER }, pageCaller(PAGE))).rejects.toThrow(/own site/);
    expect((await library.get(OTHER))?.title).toBe('Real title');
    // A GUID episode declaring the page's address cannot reach a record saved from another site.
    await library.save(episode('urn:uuid:guid-2', { url: OTHER }));
    await expect(
      ask(
        { type: 'library:save', episode: episode('urn:uuid:guid-2', { url: OWN, title: 'Page-made' }) },
        pageCaller(PAGE),
      ),
    ).rejects.toThrow(/own site/);
    await expect(ask({ type: 'library:remove', id: 'urn:uuid:guid-2' }, pageCaller(PAGE))).rejects.toThrow(
      /own site/,
    );
    expect((await library.get('urn:uuid:guid-2'))?.title).toBe('Real title');
  });

  it('adds its own episode, but never rewrites a saved record with page-made data', async () => {
    const library = contextLibrary();
    await library.save(episode(OWN));
    await library.update([OWN], { status: 'listened', notes: 'my notes' });
    const made = episode(OWN, {
      title: 'Page-made title',
      chapters: [
        { start: 1, title: 'Fake' },
        { start: 2, title: 'Fake 2' },
      ],
    });
    await ask({ type: 'library:save', episode: made }, pageCaller(PAGE));
    const kept = await library.get(OWN);
    expect(kept?.title).toBe('Real title');
    expect(kept?.chapters.map((c) => c.title)).toEqual(['Intro', 'Real chapter']);
    expect([kept?.status, kept?.notes]).toEqual(['listened', 'my notes']);

    const fresh = 'https://show.example/episodes/3';
    await ask({ type: 'library:save', episode: episode(fresh) }, pageCaller(PAGE));
    expect((await library.get(fresh))?.title).toBe('Real title');
    expect(await ask({ type: 'library:remove', id: fresh }, pageCaller(PAGE))).toBe(1);
    expect(await library.get(fresh)).toBeUndefined();
  });

  it('cannot read another tab’s episodes or open the library', async () => {
    await expect(ask({ type: 'tab:get-episodes', tabId: 1 }, pageCaller(PAGE))).rejects.toThrow(/own pages/);
    await expect(ask({ type: 'library:open' }, pageCaller(PAGE))).rejects.toThrow(/own pages/);
  });
});

describe('callerOf and belongsToPage', () => {
  it('tells Stackcast’s own pages from content scripts by the sender’s address', () => {
    expect(callerOf({ url: `${EXTENSION_ORIGIN}/popup.html` }, EXTENSION_ORIGIN).kind).toBe('extension');
    expect(callerOf({ url: `${EXTENSION_ORIGIN}/library.html`, tab: { id: 2 } }, EXTENSION_ORIGIN)).toEqual({
      kind: 'extension',
      tabId: 2,
    });
    const page = callerOf(
      { url: 'https://podbay.fm/p/x', tab: { id: 5, url: 'https://podbay.fm/p/x' } },
      EXTENSION_ORIGIN,
    );
    expect(page).toMatchObject({ kind: 'page', tabId: 5 });
    // The frame's own address counts, not the tab's: an embedded player frame speaks for its own site.
    const frame = callerOf(
      { url: 'https://embed.player.test/e/1', tab: { id: 5, url: 'https://podbay.fm/p/x' } },
      EXTENSION_ORIGIN,
    );
    expect(frame.kind === 'page' && frame.page?.hostname).toBe('embed.player.test');
  });

  it('same host (www aside) or a domain the page is part of; never a sibling, a bare suffix or another scheme', () => {
    const at = (address: string) => new URL(address);
    expect(belongsToPage('https://www.show.example/a', at('https://show.example/'))).toBe(true);
    expect(belongsToPage('https://show.example/a', at('https://play.show.example/'))).toBe(true);
    expect(belongsToPage('http://show.example:8080/a', at('https://show.example/'))).toBe(true);
    expect(belongsToPage('https://b.host.fm/ep', at('https://a.host.fm/'))).toBe(false);
    expect(belongsToPage('https://play.show.example/a', at('https://show.example/'))).toBe(false);
    expect(belongsToPage('https://co.uk/a', at('https://show.co.uk/'))).toBe(false);
    expect(belongsToPage('https://show.co.uk/a', at('https://www.show.co.uk/'))).toBe(true);
    expect(belongsToPage('https://fm/a', at('https://host.fm/'))).toBe(false);
    expect(belongsToPage('javascript:alert(1)//show.example', at('https://show.example/'))).toBe(false);
    expect(belongsToPage('https://show.example.evil.test/a', at('https://show.example/'))).toBe(false);
    expect(belongsToPage(null, at('https://show.example/'))).toBe(false);
  });
});

describe('context menu “Save episode” on a page', () => {
  it('uses only the page’s own site’s detected episodes, so a page cannot save its data over another site’s', async () => {
    const { pageOwnEpisodes } = await import('@/utils/background/context-menu');
    const detected = [episode(OTHER, { title: 'Page-made' }), episode('https://show.example/episodes/5')];
    expect(pageOwnEpisodes(detected, 'https://show.example/episodes/5').map((e) => e.id)).toEqual([
      'https://show.example/episodes/5',
    ]);
    expect(pageOwnEpisodes(detected, 'https://evil.example/')).toEqual([]);
    expect(pageOwnEpisodes(detected, undefined)).toEqual([]);
  });
});

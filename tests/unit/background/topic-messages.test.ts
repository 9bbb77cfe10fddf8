// A listing's topic bar through messages: "Save all" adds only the episodes not saved yet, in one message, and
// its undo removes exactly those; the panels' stars are lit with one message for many episodes. A page acts
// only on its own site's episodes.
import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { handlers } from '@/utils/background/handlers';
import { callerOf, type Caller } from '@/utils/background/caller';
import { contextLibrary } from '@/utils/library/instance';
import { contextSavedChapters } from '@/utils/library/saved-chapters';
import { parseRequest, type Request } from '@/utils/messages';
import type { Episode } from '@/utils/model';

const PAGE = 'https://show.example/episodes/';
const page = (address = PAGE): Caller =>
  callerOf({ url: address, tab: { id: 7, url: address } }, 'chrome-extension://stackcastid');

function episode(n: number, host = 'show.example'): Episode {
  const id = `https://${host}/episodes/${n}`;
  return {
    id,
    title: `Episode ${n}`,
    podcast: 'Show',
    date: '2026-01-01',
    durationSeconds: 1_800,
    url: id,
    audioUrl: null,
    chapters: [
      { start: 0, title: 'Intro', tech: [] },
      { start: 300, title: 'Postgres', tech: ['postgres'] },
    ],
    chapterConfidence: 0.9,
    tech: [{ slug: 'postgres', name: 'PostgreSQL', category: 'database', source: 'text' }],
  };
}

async function ask(raw: unknown, caller: Caller): Promise<unknown> {
  const parsed = parseRequest(raw);
  if (!parsed.ok) throw new Error(parsed.error);
  const handler = handlers[parsed.value.type] as (r: Request, c: Caller) => Promise<unknown>;
  return handler(parsed.value, caller);
}

afterEach(async () => {
  fakeBrowser.reset();
  const { db } = contextLibrary();
  await Promise.all([db.shelves.clear(), db.summaryShelves.clear(), db.newest.clear()]);
  await contextSavedChapters().db.savedChapters.clear();
});

describe('Save all and its undo', () => {
  it('adds the unsaved episodes, keeps a saved one as the listener left it, and undo removes only the added', async () => {
    const library = contextLibrary();
    await library.save(episode(2));
    await library.update([episode(2).id], { status: 'listened' });
    const all = [episode(1), episode(2), episode(3)];
    const added = await ask({ type: 'library:save-many', episodes: all }, page());
    expect(added).toEqual([episode(1).id, episode(3).id]);
    expect((await library.savedIds(all.map((e) => e.id))).sort()).toEqual(all.map((e) => e.id).sort());
    expect((await library.get(episode(2).id))?.status).toBe('listened');

    expect(await ask({ type: 'library:remove-many', ids: added }, page())).toBe(2);
    expect(await library.savedIds(all.map((e) => e.id))).toEqual([episode(2).id]);
  });

  it('refuses a page saving or removing another site’s episodes, all or nothing', async () => {
    const library = contextLibrary();
    await expect(
      ask({ type: 'library:save-many', episodes: [episode(1), episode(9, 'other.example')] }, page()),
    ).rejects.toThrow();
    expect(await library.savedIds([episode(1).id])).toEqual([]);
    await library.save(episode(9, 'other.example'));
    await expect(
      ask({ type: 'library:remove-many', ids: [episode(9, 'other.example').id] }, page()),
    ).rejects.toThrow();
    expect(await library.savedIds([episode(9, 'other.example').id])).toHaveLength(1);
  });

  it('rejects malformed requests', () => {
    expect(parseRequest({ type: 'library:save-many', episodes: [{ id: 'x' }] }).ok).toBe(false);
    expect(parseRequest({ type: 'library:remove-many', ids: [''] }).ok).toBe(false);
  });
});

describe('stars of many episodes', () => {
  it('answers the saved starts per episode, in order, and nothing of another site', async () => {
    await contextSavedChapters().saveChapter(episode(1), 300);
    await contextSavedChapters().saveChapter(episode(9, 'other.example'), 300);
    const ids = [episode(1).id, episode(2).id, episode(9, 'other.example').id];
    expect(await ask({ type: 'library:saved-chapter-starts', episodeIds: ids }, page())).toEqual([
      [300],
      [],
      [],
    ]);
  });
});

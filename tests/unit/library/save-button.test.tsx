// @vitest-environment happy-dom
// The Save button end to end in one process: button → runtime message → validated dispatch → Dexie →
// revision key → every other button for the episode updates.
import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { SaveButton } from '@/components/SaveButton';
import { PanelRequestsContext, type PanelCommand, type SeekRequests } from '@/components/panel-requests';
import { mountPanel } from '@/utils/overlay/mount';
import { saveButtonFor } from '@/utils/overlay/save-slot';
import { DEFAULT_OVERLAY_OPTIONS } from '@/utils/overlay/options';
import { handlers } from '@/utils/background/handlers';
import { EXTENSION_CALLER } from '@/utils/background/caller';
import type { Request } from '@/utils/messages';
import { contextLibrary } from '@/utils/library/instance';
import { makeEpisode } from './generate';
import { personClick } from '../overlay/person';
import { answerMessagesInProcess } from '../background-in-process';

beforeEach(answerMessagesInProcess);
afterEach(async () => {
  cleanup();
  await contextLibrary().db.shelves.clear();
  await contextLibrary().db.summaryShelves.clear();
  await contextLibrary().db.newest.clear();
});

describe('SaveButton', () => {
  it('saves on click, shows aria-pressed, and a second panel for the same episode follows', async () => {
    const episode = makeEpisode(11);
    render(
      <div>
        <SaveButton episode={episode} />
        <SaveButton episode={episode} />
      </div>,
    );
    const [first, second] = screen.getAllByRole('button');
    await waitFor(() => expect(first!.getAttribute('aria-busy')).toBe('false'));
    expect(first!.getAttribute('aria-pressed')).toBe('false');
    personClick(first!);
    personClick(first!); // double click: one save
    await waitFor(() => expect(second!.getAttribute('aria-pressed')).toBe('true'));
    expect(first!.getAttribute('aria-pressed')).toBe('true');
    expect((await contextLibrary().summaries()).map((s) => s.id)).toEqual([episode.id]);

    personClick(second!);
    await waitFor(() => expect(first!.getAttribute('aria-pressed')).toBe('false'));
    expect(await contextLibrary().summaries()).toEqual([]);
    expect(await contextLibrary().db.summaryShelves.count()).toBe(0);
    expect(await contextLibrary().db.shelves.count()).toBe(0);
  });

  it('a synthetic click (a page’s script) neither saves nor removes; the panel’s save request (keyboard shortcut) does', async () => {
    const episode = makeEpisode(13);
    const listeners = new Set<(command: PanelCommand) => void>();
    const requests: SeekRequests = (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    };
    render(
      <PanelRequestsContext.Provider value={requests}>
        <SaveButton episode={episode} />
      </PanelRequestsContext.Provider>,
    );
    const button = screen.getByRole('button');
    await waitFor(() => expect(button.getAttribute('aria-busy')).toBe('false'));
    fireEvent.click(button);
    button.click();
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(button.getAttribute('aria-pressed')).toBe('false');
    expect(await contextLibrary().summaries()).toEqual([]);

    for (const listener of listeners) listener({ type: 'save' });
    await waitFor(() => expect(button.getAttribute('aria-pressed')).toBe('true'));
    expect((await contextLibrary().summaries()).map((s) => s.id)).toEqual([episode.id]);
    fireEvent.click(button);
    // Long enough for the refresh the save announced to finish its shared lookup (not to join the next test's).
    await new Promise((resolve) => setTimeout(resolve, 150));
    expect((await contextLibrary().summaries()).map((s) => s.id)).toEqual([episode.id]);
  });

  it('the Save shortcut on a mounted panel (closed root) saves through the button, without a click', async () => {
    const episode = {
      ...makeEpisode(14),
      id: 'https://podcasts.example/ep/14',
      url: 'https://podcasts.example/ep/14',
    };
    const anchor = document.createElement('article');
    document.body.append(anchor);
    const panel = mountPanel(anchor, 'after', {
      episode,
      target: {
        media: null,
        seekable: false,
        audioUrl: null,
        episodeUrl: episode.url,
        siteName: 'Example',
        timeUrl: null,
      },
      options: DEFAULT_OVERLAY_OPTIONS,
      save: saveButtonFor(episode, new URL('https://podcasts.example/show')),
    });
    const button = panel.root.querySelector('[data-stackcast-save]')!;
    await waitFor(() => expect(button.getAttribute('aria-busy')).toBe('false'));
    expect(panel.save()).toBe(true);
    await waitFor(() => expect(button.getAttribute('aria-pressed')).toBe('true'));
    expect((await contextLibrary().summaries()).map((s) => s.id)).toEqual([episode.id]);
    // Long enough for the refresh the save announced to finish its shared lookup.
    await new Promise((resolve) => setTimeout(resolve, 150));
    panel.unmount();
    anchor.remove();
  });

  it('buttons mounted together ask the background once, and each shows its own episode’s state', async () => {
    const episodes = [makeEpisode(21), makeEpisode(22), makeEpisode(23)];
    await contextLibrary().save(episodes[1]!);
    const asked: string[][] = [];
    fakeBrowser.runtime.onMessage.addListener((raw: unknown) => {
      const request = raw as Request;
      if (request.type === 'library:saved') asked.push(request.ids);
      return undefined;
    });
    render(
      <div>
        {episodes.map((episode) => (
          <SaveButton key={episode.id} episode={episode} />
        ))}
      </div>,
    );
    const buttons = screen.getAllByRole('button');
    await waitFor(() =>
      expect(buttons.every((button) => button.getAttribute('aria-busy') === 'false')).toBe(true),
    );
    expect(buttons.map((button) => button.getAttribute('aria-pressed'))).toEqual(['false', 'true', 'false']);
    expect(asked).toEqual([episodes.map((episode) => episode.id)]);
  });

  it('shows the background’s reason when saving is refused', async () => {
    const hostile = { ...makeEpisode(12), audioUrl: 'javascript:alert(1)' };
    render(<SaveButton episode={hostile} />);
    const button = screen.getByRole('button');
    await waitFor(() => expect(button.getAttribute('aria-busy')).toBe('false'));
    personClick(button);
    expect((await screen.findByRole('alert')).textContent).toMatch(/invalid message: episode.audioUrl/);
    expect(button.getAttribute('aria-pressed')).toBe('false');
  });
});

describe('library:open', () => {
  it('opens the library page with the view in its hash', async () => {
    await handlers['library:open']({ type: 'library:open', query: '#tech=docker' }, EXTENSION_CALLER);
    const tabs = await fakeBrowser.tabs.query({});
    expect(tabs.at(-1)?.url).toMatch(/\/library\.html#tech=docker$/);
  });
});

// @vitest-environment happy-dom
// Chapter stars end to end in one process: star → runtime message → validated dispatch → Dexie; a panel drawn
// later shows the star lit; a panel without Save (another site's episode) has no stars.
import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { cleanup, render, waitFor } from '@testing-library/preact';
import { EpisodePanel } from '@/components/EpisodePanel';
import { DEFAULT_OVERLAY_OPTIONS } from '@/utils/overlay/options';
import { contextSavedChapters } from '@/utils/library/saved-chapters';
import { makeEpisode, makeTarget } from './episode';
import { personClick } from './person';
import { answerMessagesInProcess } from '../background-in-process';

beforeEach(answerMessagesInProcess);
afterEach(async () => {
  cleanup();
  await contextSavedChapters().db.savedChapters.clear();
});

const episode = makeEpisode({
  chapters: [
    { start: 0, title: 'Intro', tech: [] },
    { start: 105, title: 'Why Go for the API', tech: ['go'] },
    { start: 421, title: 'Postgres backups', tech: ['postgres'] },
  ],
});
/** The element, once it is there (waitFor retries while this throws). */
function present<E extends Element>(element: E | null): E {
  if (!element) throw new Error('not drawn yet');
  return element;
}
const panel = (save: boolean) => (
  <EpisodePanel
    episode={episode}
    target={makeTarget()}
    options={DEFAULT_OVERLAY_OPTIONS}
    save={save ? <span>Save</span> : undefined}
  />
);

describe('chapter stars', () => {
  it('saves one chapter on its own, and a panel drawn later shows it saved', async () => {
    const first = render(panel(true));
    const star = await waitFor(() =>
      present(first.container.querySelector('[data-stackcast-star][data-start="421"]')),
    );
    expect(star.getAttribute('aria-pressed')).toBe('false');
    expect(star.getAttribute('aria-label')).toBe('Save chapter: Postgres backups');
    personClick(star);
    expect(star.getAttribute('aria-pressed')).toBe('true');
    await waitFor(async () =>
      expect((await contextSavedChapters().listSavedChapters()).map((c) => c.start)).toEqual([421]),
    );
    first.unmount();

    const again = render(panel(true));
    await waitFor(() =>
      expect(
        again.container
          .querySelector('[data-stackcast-star][data-start="421"]')
          ?.getAttribute('aria-pressed'),
      ).toBe('true'),
    );
    personClick(again.container.querySelector('[data-stackcast-star][data-start="421"]')!);
    await waitFor(async () => expect(await contextSavedChapters().listSavedChapters()).toEqual([]));
  });

  it('a page’s synthetic click stars nothing', async () => {
    const { container } = render(panel(true));
    const star = await waitFor(() => present(container.querySelector<HTMLElement>('[data-stackcast-star]')));
    star.click();
    expect(star.getAttribute('aria-pressed')).toBe('false');
  });

  it('no stars where the episode cannot be saved from this page', async () => {
    const { container } = render(panel(false));
    await new Promise((resolve) => setTimeout(resolve, 150));
    expect(container.querySelector('[data-stackcast-star]')).toBeNull();
  });
});

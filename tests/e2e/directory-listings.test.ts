// Directory show pages in real Chromium: Spotify's "All Episodes" list (served at its real address) gets one
// panel per episode whose blurb carries chapters, titled with the episode, its chapters from the glued blurb, and
// none for the cut-off last chapter, the blurb without stamps, the player bar or the library sidebar.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { launchExtension, serve, type ExtensionSession } from './harness';
import { waitForPanels } from './overlay-helpers';
import { queryAll, text } from './closed-root';
import { LISTING_EPISODES } from '../fixtures/listing-episodes';
import { SPOTIFY_SHOW_URL, spotifyEpisodeUrl, spotifyShowHtml } from '../fixtures/spotify-show';

let session: ExtensionSession;

before(async () => {
  session = await launchExtension();
});
after(async () => {
  await session?.close();
});

describe('Spotify show page', () => {
  for (const generation of ['rows-2025', 'list-rows-2026'] as const) {
    test(`${generation}: a titled panel for each episode with chapters, with the blurb's chapter starts`, async () => {
      const withChapters = LISTING_EPISODES.filter((episode) => episode.starts.length > 0);
      await session.context.unrouteAll({ behavior: 'ignoreErrors' });
      await serve(session.context, SPOTIFY_SHOW_URL, spotifyShowHtml(generation));
      const page = await session.context.newPage();
      try {
        await page.goto(SPOTIFY_SHOW_URL);
        const found = await waitForPanels(page, withChapters.length);
        assert.deepEqual(
          found.map((panel) => panel.episode),
          withChapters.map((episode) => spotifyEpisodeUrl(episode)),
        );
        found.forEach((panel, i) => {
          // A listing's panel previews the first five chapters; these blurbs carry at most five.
          assert.deepEqual(
            panel.chapters.map((chapter) => chapter.start),
            withChapters[i]!.starts,
            withChapters[i]!.title,
          );
          assert.ok(
            panel.chapters.every((chapter) => !chapter.title.includes('…')),
            'no cut-off chapter title',
          );
        });
        const titles = await Promise.all((await queryAll(page, 'p.title')).map((node) => text(page, node)));
        assert.deepEqual(
          titles,
          withChapters.map((episode) => episode.title),
        );
      } finally {
        await page.close();
      }
    });
  }
});

// Directory adapters: each reads its site's episode page (notes element or site JSON, audio, title), and the
// chapters and stack come out of the notes; Overcast's real page with notes keeps its seekable player.
import { describe, expect, it } from 'vitest';
import { scanPage } from '@/utils/sites/scan';
import { adapterFor } from '@/utils/sites/index';
import { DIRECTORY_PAGES, overcastEpisodePage, ripPost } from '../../fixtures';
import { pocketcastsSharePage } from '../../fixtures/directories';
import { documentFrom } from './dom';

const post = ripPost(3);

describe('directory episode pages', () => {
  for (const [id, build] of Object.entries(DIRECTORY_PAGES)) {
    it(`${id}: its adapter finds the episode, its audio and its chapters`, () => {
      const { url, html, audioUrl } = build(post);
      expect(adapterFor(new URL(url)).id).toBe(id);
      const detected = scanPage(documentFrom(html), url);
      expect(detected).toHaveLength(1);
      const [item] = detected;
      expect(item!.adapter.id).toBe(id);
      expect(item!.episode.title).toBe(post.title);
      expect(item!.episode.audioUrl).toBe(audioUrl);
      expect(item!.episode.chapters.map((chapter) => chapter.start)).toEqual(
        post.topics.map((topic) => topic.seconds),
      );
      expect(item!.episode.tech.map((mention) => mention.slug)).toEqual(
        expect.arrayContaining(['phoenix', 'elixir']),
      );
    });
  }

  it('overcast: the real page with its notes gives chapters and the #audioplayer to seek', () => {
    const { url, html, audioUrl } = overcastEpisodePage(post);
    const [item] = scanPage(documentFrom(html), url);
    expect(item!.adapter.id).toBe('overcast');
    expect(item!.notes?.id).toBe('episode_body');
    expect(item!.media?.id).toBe('audioplayer');
    expect(item!.episode.audioUrl).toBe(audioUrl);
    expect(item!.episode.chapters).toHaveLength(post.topics.length);
  });

  it('pocketcasts: the pca.st share page gives its notes section, date, audio and chapters', () => {
    const { url, html, audioUrl } = pocketcastsSharePage(post);
    const [item] = scanPage(documentFrom(html), url);
    expect(item!.adapter.id).toBe('pocketcasts');
    expect(item!.notes?.className).toBe('section show_notes');
    expect(item!.episode.title).toBe(post.title);
    expect(item!.episode.date).toBe(post.date);
    expect(item!.episode.audioUrl).toBe(audioUrl);
    expect(item!.episode.chapters.map((chapter) => chapter.start)).toEqual(
      post.topics.map((topic) => topic.seconds),
    );
  });
});

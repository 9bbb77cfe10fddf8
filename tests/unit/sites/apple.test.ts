// Apple Podcasts: glued show notes still give chapters; the stream URL comes from serialized server data,
// matched by episode id (stale data after in-app navigation is not used); show pages list every episode.
import { describe, expect, it } from 'vitest';
import { scanPage } from '@/utils/sites/scan';
import { appleAdapter } from '@/utils/sites/apple';
import {
  appleEpisodeFromPost,
  appleEpisodeHtml,
  appleEpisodeUrl,
  appleShowHtml,
  APPLE_SHOW_URL,
  readSharedPage,
  ripPost,
  ripPosts,
  SHARED_PAGES,
} from '../../fixtures';
import { documentFrom } from './dom';

const post = ripPost(107);
const episode = appleEpisodeFromPost(post);
const others = [ripPost(105), ripPost(104)].map(appleEpisodeFromPost);

describe('Apple Podcasts episode page', () => {
  it('finds the episode with metadata from the page and the stream URL from server data', () => {
    const doc = documentFrom(appleEpisodeHtml(episode, others));
    const found = appleAdapter.findEpisodes(doc, new URL(appleEpisodeUrl(episode)));
    expect(found).toHaveLength(1);
    expect(found[0]!.meta).toMatchObject({
      title: post.title,
      podcast: 'Running in Production',
      date: post.date,
      durationSeconds: episode.durationSeconds,
      url: appleEpisodeUrl(episode),
      audioUrl: episode.streamUrl,
      guid: episode.guid,
    });
    expect(found[0]!.notes?.getAttribute('data-testid')).toBe('paragraphs');
    expect(found[0]!.media ?? null).toBeNull();
    expect(doc.querySelector('audio')).toBeNull();
  });

  it('reads chapters out of the glued text', () => {
    const [detected] = scanPage(documentFrom(appleEpisodeHtml(episode, others)), appleEpisodeUrl(episode));
    expect(detected!.adapter.id).toBe('apple');
    expect(detected!.episode.chapters.map((chapter) => chapter.start)).toEqual(
      post.topics.map((topic) => topic.seconds),
    );
    expect(detected!.episode.chapters[0]!.title).toBe(post.topics[0]!.title);
    expect(detected!.episode.audioUrl).toBe(episode.streamUrl);
  });

  it('does not take a stale stream URL from another episode’s server data', () => {
    // After in-app navigation the page shows this episode while the script still describes the previous one.
    const serverData = /<script type="application\/json" id="serialized-server-data">[\s\S]*?<\/script>/;
    const previous = serverData.exec(appleEpisodeHtml(others[0]!, []))![0];
    const html = appleEpisodeHtml(episode, []).replace(serverData, () => previous);
    const [found] = appleAdapter.findEpisodes(documentFrom(html), new URL(appleEpisodeUrl(episode)));
    expect(found!.meta.title).toBe(post.title);
    expect(found!.meta.audioUrl).toBeNull();
  });

  it('reads the 2023 web app (real capture): title, show, duration and its <audio> source', () => {
    const { file, url } = SHARED_PAGES.apple2023;
    const doc = documentFrom(readSharedPage(file));
    const [found] = appleAdapter.findEpisodes(doc, new URL(url));
    expect(found!.meta.title).toBe('La molécula que falta');
    expect(found!.meta.podcast).toBe('mixx.io');
    expect(found!.meta.durationSeconds).toBe(14 * 60 + 38);
    expect(found!.meta.audioUrl).toMatch(
      /^https:\/\/cuonda\.com\/mixxio\/la-molecula-que-falta\/1663266\.mp3/,
    );
    expect(found!.notes?.textContent).toContain('Disculpad la espera');
    // Its notes carry no chapter list.
    for (const detected of scanPage(doc, url)) expect(detected.episode.chapters).toEqual([]);
  });
});

describe('Apple Podcasts show page', () => {
  it('gives one episode per lockup, with chapters from the summary and the matching stream URL', () => {
    const posts = ripPosts()
      .filter((candidate) => candidate.category === 'podcast' && candidate.topics.length >= 3)
      .slice(0, 12);
    const episodes = posts.map(appleEpisodeFromPost);
    const doc = documentFrom(appleShowHtml('Running in Production', episodes));
    const found = appleAdapter.findEpisodes(doc, new URL(APPLE_SHOW_URL));
    expect(found).toHaveLength(episodes.length);
    found.forEach((item, i) => {
      expect(item.meta.title).toBe(episodes[i]!.title);
      expect(item.meta.url).toBe(appleEpisodeUrl(episodes[i]!));
      expect(item.meta.audioUrl).toBe(episodes[i]!.streamUrl);
      expect(item.meta.date).toBe(episodes[i]!.date);
      expect(item.meta.podcast).toBe('Running in Production');
    });
    const detected = scanPage(doc, APPLE_SHOW_URL);
    expect(detected).toHaveLength(episodes.length);
    detected.forEach((item, i) => {
      expect(
        item.episode.chapters.map((chapter) => chapter.start),
        posts[i]!.file,
      ).toEqual(posts[i]!.topics.map((topic) => topic.seconds));
    });
  });
});

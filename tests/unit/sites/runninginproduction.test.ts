// runninginproduction.com: episode pages give their topics as chapters and their stack; the index and tag
// pages give one episode per listed item with its #tag.
import { describe, expect, it } from 'vitest';
import { scanPage } from '@/utils/sites/scan';
import { runninginproductionAdapter } from '@/utils/sites/runninginproduction';
import {
  ripEpisodeHtml,
  ripIndexHtml,
  ripPostUrl,
  ripPosts,
  ripAudioUrl,
  ripTagHtml,
  ripTagUrl,
  RIP_INDEX_URL,
  ripDurationSeconds,
} from '../../fixtures';
import { documentFrom } from './dom';

const podcasts = ripPosts().filter((post) => post.category === 'podcast');
const withTopics = podcasts.filter((post) => post.topics.length >= 2);

describe('runninginproduction.com episode page', () => {
  it('finds the one episode, its metadata, player and stack', () => {
    const post = withTopics.find((candidate) => candidate.number === 3)!;
    const doc = documentFrom(ripEpisodeHtml(post, { sidebar: podcasts.slice(0, 10) }));
    const url = new URL(ripPostUrl(post));
    const found = runninginproductionAdapter.findEpisodes(doc, url);
    expect(found).toHaveLength(1);
    const [episode] = found;
    expect(episode!.meta).toMatchObject({
      title: post.title,
      podcast: 'Running in Production',
      date: post.date,
      url: ripPostUrl(post),
      audioUrl: ripAudioUrl(post),
    });
    expect(episode!.media?.tagName).toBe('AUDIO');
    expect(episode!.techHints?.tags).toEqual(post.tags);
    expect(episode!.techHints?.listed).toEqual(post.tags);
  });

  it('reads every post with topics: chapters equal the topics, tech includes every tag as listed', () => {
    for (const post of withTopics) {
      const doc = documentFrom(ripEpisodeHtml(post));
      const [detected, ...rest] = scanPage(doc, ripPostUrl(post), {
        durationSeconds: ripDurationSeconds(post),
      });
      expect(rest, post.file).toHaveLength(0);
      expect(detected, post.file).toBeDefined();
      const { episode } = detected!;
      // Two topics at the same second become one chapter naming both (the parser's rule).
      expect(
        episode.chapters.map((chapter) => chapter.start),
        post.file,
      ).toEqual([...new Set(post.topics.map((topic) => topic.seconds))]);
      for (const topic of post.topics) {
        const chapter = episode.chapters.find((candidate) => candidate.start === topic.seconds);
        expect(chapter?.title, `${post.file} ${topic.time}`).toContain(topic.title.trim());
      }
      const slugs = episode.tech.map((mention) => mention.slug);
      for (const tag of post.tags) expect(slugs, `${post.file} ${tag}`).toContain(tag);
      expect(episode.audioUrl).toBe(ripAudioUrl(post));
      expect(episode.id).toBe(ripPostUrl(post));
    }
  });

  it('reads the visible text of typo timestamps (1:04-22), not the site’s wrong seek value', () => {
    const post = withTopics.find((candidate) => candidate.topics.some((topic) => topic.time === '1:04-22'))!;
    const [detected] = scanPage(documentFrom(ripEpisodeHtml(post)), ripPostUrl(post));
    expect(detected!.episode.chapters.map((chapter) => chapter.start)).toContain(3862);
  });

  it('an interview without topics still shows its stack', () => {
    const interview = ripPosts().find((post) => post.category === 'interviews' && post.tags.length > 0)!;
    const [detected] = scanPage(documentFrom(ripEpisodeHtml(interview)), ripPostUrl(interview));
    expect(detected!.episode.chapters).toEqual([]);
    expect(detected!.episode.tech.map((mention) => mention.slug)).toEqual(
      expect.arrayContaining(interview.tags),
    );
  });
});

describe('runninginproduction.com listings', () => {
  it('the index gives one episode per listed item, each with its #tag', () => {
    const doc = documentFrom(ripIndexHtml(podcasts));
    const found = runninginproductionAdapter.findEpisodes(doc, new URL(RIP_INDEX_URL));
    expect(found).toHaveLength(podcasts.length);
    const detected = scanPage(doc, RIP_INDEX_URL);
    const tagged = podcasts.filter((post) => post.tags.length > 0);
    for (const post of tagged) {
      const match = detected.find((item) => item.episode.url === ripPostUrl(post));
      expect(match, post.file).toBeDefined();
      expect(match!.episode.title).toBe(post.title);
      expect(match!.episode.tech.find((mention) => mention.slug === post.tags[0])?.source, post.file).toBe(
        'tag',
      );
    }
    expect(new Set(detected.map((item) => item.root)).size).toBe(detected.length);
  });

  it('a tag page lists the tagged podcast episodes and interviews', () => {
    const doc = documentFrom(ripTagHtml('docker', ripPosts()));
    const found = runninginproductionAdapter.findEpisodes(doc, new URL(ripTagUrl('docker')));
    expect(found.length).toBe(ripPosts().filter((post) => post.tags.includes('docker')).length);
  });
});

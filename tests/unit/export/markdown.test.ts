// Episode Markdown: linked title, facts, chapter links with media fragments, tech list; page text escaped.
import { describe, expect, it } from 'vitest';
import { episodeToMarkdown, episodesToMarkdown, withTimeFragment } from '@/utils/export/markdown';
import { makeEpisode } from './episode';

describe('episodeToMarkdown', () => {
  it('writes the title as a link, the facts, the chapters and the tech', () => {
    const markdown = episodeToMarkdown(
      makeEpisode({
        tech: [
          { slug: 'rails', name: 'Ruby on Rails', category: 'framework', source: 'list' },
          { slug: 'ruby', name: 'Ruby', category: 'language', source: 'implied' },
        ],
      }),
    );
    expect(markdown).toBe(
      [
        '# [Example episode](https://runninginproduction.com/podcast/1-example)',
        '',
        '- Podcast: Running in Production',
        '- Date: 2019-10-18',
        '- Duration: 10:00',
        '- Audio: <https://cdn.example.com/audio/1.mp3>',
        '',
        '## Chapters',
        '',
        '- [0:00](https://cdn.example.com/audio/1.mp3#t=0) Intro',
        '- [1:45](https://cdn.example.com/audio/1.mp3#t=105) Overview',
        '- [7:01](https://cdn.example.com/audio/1.mp3#t=421) Splitting up compute',
        '',
        '## Tech stack',
        '',
        '- Ruby on Rails (framework)',
        '- Ruby (language, implied)',
        '',
      ].join('\n'),
    );
  });

  it('uses the page URL for chapter links when there is no audio, and an adapter timeUrl when given', () => {
    const noAudio = episodeToMarkdown(makeEpisode({ audioUrl: null }));
    expect(noAudio).toContain('- [1:45](https://runninginproduction.com/podcast/1-example#t=105) Overview');
    const custom = episodeToMarkdown(makeEpisode(), { timeUrl: (s) => `https://example.com/ep#${s}` });
    expect(custom).toContain('- [1:45](https://example.com/ep#105) Overview');
  });

  it('never writes a non-http link, even from a custom timeUrl', () => {
    const markdown = episodeToMarkdown(makeEpisode({ url: null, audioUrl: null }), {
      timeUrl: () => 'javascript:alert(1)',
    });
    expect(markdown).not.toContain('javascript:');
    expect(markdown).toContain('# Example episode\n');
    expect(markdown).toContain('- 1:45 Overview');
  });

  it('escapes page text in titles, chapters, podcast names and tech names', () => {
    const markdown = episodeToMarkdown(
      makeEpisode({
        title: 'Evil](javascript:alert(1)) <img src=x onerror=alert(1)>',
        podcast: '*Bold* podcast',
        chapters: [{ start: 5, title: '[x](javascript:alert(1))\n# not a heading' }],
        tech: [{ slug: 'x', name: '<b>X</b>', category: 'other', source: 'text' }],
      }),
    );
    expect(markdown).toContain(
      '# [Evil\\]\\(javascript:alert\\(1\\)\\) \\<img src=x onerror=alert\\(1\\)\\>](https://runninginproduction.com/podcast/1-example)',
    );
    expect(markdown).toContain('- Podcast: \\*Bold\\* podcast');
    expect(markdown).toContain('#t=5) \\[x\\]\\(javascript:alert\\(1\\)\\) \\# not a heading');
    expect(markdown).toContain('- \\<b\\>X\\</b\\> (other)');
    // The title, "Chapters" and "Tech stack": the chapter's "# not a heading" stays text.
    expect(markdown.split('\n').filter((line) => line.startsWith('#'))).toHaveLength(3);
  });

  it('writes h:mm:ss labels past an hour and honours the heading level', () => {
    const markdown = episodeToMarkdown(
      makeEpisode({ durationSeconds: 4000, chapters: [{ start: 3690, title: 'Late' }] }),
      {
        headingLevel: 2,
      },
    );
    expect(markdown).toMatch(/^## \[/);
    expect(markdown).toContain('### Chapters');
    expect(markdown).toContain('- Duration: 1:06:40');
    expect(markdown).toContain('[1:01:30](https://cdn.example.com/audio/1.mp3#t=3690) Late');
  });

  it('joins several episodes with thematic breaks', () => {
    const markdown = episodesToMarkdown([makeEpisode(), makeEpisode({ title: 'Second' })]);
    expect(markdown.split('\n---\n')).toHaveLength(2);
  });
});

describe('withTimeFragment', () => {
  it('replaces an existing fragment and refuses non-http URLs', () => {
    expect(withTimeFragment('https://example.com/a.mp3#old', 105.9)).toBe('https://example.com/a.mp3#t=105');
    expect(withTimeFragment('file:///a.mp3', 1)).toBeNull();
  });
});

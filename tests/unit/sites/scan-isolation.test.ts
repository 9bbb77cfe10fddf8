// scanPage keeps each parser's result when the other one fails on an episode's text.
import { describe, expect, it, vi } from 'vitest';
import { documentFrom } from './dom';

const failing = vi.hoisted(() => ({ tech: false, chapters: false }));

vi.mock('@/utils/tech/extract', async (original) => {
  const real = await original<typeof import('@/utils/tech/extract')>();
  return {
    ...real,
    extractTech: (...args: Parameters<typeof real.extractTech>) => {
      if (failing.tech) throw new TypeError('tech bug');
      return real.extractTech(...args);
    },
  };
});
vi.mock('@/utils/parse/chapters', async (original) => {
  const real = await original<typeof import('@/utils/parse/chapters')>();
  return {
    ...real,
    parseChapters: (...args: Parameters<typeof real.parseChapters>) => {
      if (failing.chapters) throw new TypeError('chapter bug');
      return real.parseChapters(...args);
    },
  };
});

const { scanPage } = await import('@/utils/sites/scan');

// Hand-written show notes (a blog-style episode page), not corpus text.
const PAGE = `<!doctype html><html><head><title>Ep 12: Queues</title></head><body><article>
<h1>Ep 12: Queues in production</h1>
<p>We moved our jobs from cron to Sidekiq backed by Redis, all on Ruby on Rails and PostgreSQL.</p>
<ul><li>0:00 – Hello</li><li>4:10 – Why Sidekiq</li><li>12:45 – Redis memory</li><li>31:02 – Wrap-up</li></ul>
</article></body></html>`;

describe('scanPage isolates parser failures', () => {
  it('reads chapters and tech when both parsers work', () => {
    const [detected] = scanPage(documentFrom(PAGE), 'https://blog.example.com/ep-12');
    expect(detected?.episode.chapters.map((c) => c.start)).toEqual([0, 250, 765, 1862]);
    expect(detected?.episode.tech.map((t) => t.slug)).toContain('redis');
  });

  it('keeps the chapters when tech extraction throws', () => {
    failing.tech = true;
    try {
      const [detected] = scanPage(documentFrom(PAGE), 'https://blog.example.com/ep-12');
      expect(detected?.episode.chapters.map((c) => c.start)).toEqual([0, 250, 765, 1862]);
      expect(detected?.episode.tech).toEqual([]);
    } finally {
      failing.tech = false;
    }
  });

  it('keeps the tech when chapter parsing throws', () => {
    failing.chapters = true;
    try {
      const [detected] = scanPage(documentFrom(PAGE), 'https://blog.example.com/ep-12');
      expect(detected?.episode.chapters).toEqual([]);
      // The generic adapter also uses the parser to find notes blocks, so it sees less of the page here;
      // what matters is that the technologies it does read still come through.
      expect(detected?.episode.tech.map((t) => t.slug)).toEqual(expect.arrayContaining(['sidekiq', 'redis']));
    } finally {
      failing.chapters = false;
    }
  });
});

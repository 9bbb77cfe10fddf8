// Messages crossing into the background are validated; anything malformed is rejected with a reason.
import { describe, expect, it } from 'vitest';
import { parseRequest } from '@/utils/messages';

const episode = {
  id: 'https://runninginproduction.com/podcast/1-x',
  title: 'X',
  podcast: 'Running in Production',
  date: '2019-11-18',
  durationSeconds: 3000,
  url: 'https://runninginproduction.com/podcast/1-x',
  audioUrl: 'https://cdn.example.com/1.mp3',
  chapters: [{ start: 0, title: 'Intro' }],
  chapterConfidence: 0.9,
  tech: [{ slug: 'rails', name: 'Ruby on Rails', category: 'framework', source: 'list' }],
};

describe('parseRequest', () => {
  it('accepts a valid save message', () => {
    const result = parseRequest({ type: 'library:save', episode });
    expect(result.ok).toBe(true);
  });

  it.each([
    ['unknown type', { type: 'library:drop-all' }],
    ['not an object', 'library:save'],
    [
      'javascript: audio URL',
      { type: 'library:save', episode: { ...episode, audioUrl: 'javascript:alert(1)' } },
    ],
    [
      'negative chapter start',
      { type: 'library:save', episode: { ...episode, chapters: [{ start: -1, title: 'x' }] } },
    ],
  ])('rejects %s with a reason', (_label, raw) => {
    const result = parseRequest(raw);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error).toMatch(/invalid message/);
  });

  it('rejects an oversized message before parsing it', () => {
    const result = parseRequest({ type: 'library:open', query: 'x'.repeat(9 * 1024 * 1024) });
    expect(result).toEqual({ ok: false, error: expect.stringMatching(/too large/) });
  });
});

// Warming the parser builds its tables and changes nothing it finds.
import { describe, expect, it } from 'vitest';
import { extractTech } from '@/utils/parse/tech';
import { warmParser } from '@/utils/parse/warm';

describe('warmParser', () => {
  it('can run any number of times, and extraction gives the same answer after it', () => {
    const input = { text: 'We run Rails on Heroku with PostgreSQL and Sidekiq', tags: ['ruby'] };
    const before = extractTech(input);
    warmParser();
    warmParser();
    expect(extractTech(input)).toEqual(before);
    expect(before.map((mention) => mention.slug)).toContain('rails');
  });
});

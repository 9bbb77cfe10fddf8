// The Save slot appears only for the page's own site's episodes: a page that declares other sites' episode
// addresses gets panels without Save, so it cannot probe the library through them.
import { describe, expect, it } from 'vitest';
import { saveButtonFor } from '@/utils/overlay/save-slot';
import { makeEpisode } from './episode';

describe('saveButtonFor', () => {
  const page = new URL('https://podcasts.example/show/stack-talk');

  it('offers Save for an episode of the page’s own site', () => {
    expect(saveButtonFor(makeEpisode({ id: 'https://podcasts.example/ep/1' }), page)).not.toBeNull();
    expect(saveButtonFor(makeEpisode({ id: 'https://www.podcasts.example/ep/2' }), page)).not.toBeNull();
  });

  it('offers none for another site’s episode, or a GUID whose address is elsewhere', () => {
    expect(
      saveButtonFor(makeEpisode({ id: 'https://other.test/ep/1', url: 'https://other.test/ep/1' }), page),
    ).toBeNull();
    expect(saveButtonFor(makeEpisode({ id: 'urn:uuid:1', url: 'https://other.test/ep/1' }), page)).toBeNull();
    expect(
      saveButtonFor(makeEpisode({ id: 'urn:uuid:1', url: 'https://podcasts.example/ep/1' }), page),
    ).not.toBeNull();
  });
});

// URL predicates: each adapter matches its own example URLs and no other adapter's (generic matches all).
import { describe, expect, it } from 'vitest';
import { adapterFor, adapters, genericAdapter } from '@/utils/sites/index';

const specific = adapters.filter((adapter) => adapter.id !== 'generic');

describe('site adapter registry', () => {
  it('lists generic last, and it matches everything', () => {
    expect(adapters.at(-1)).toBe(genericAdapter);
    expect(genericAdapter.matches(new URL('https://example.org/anything?x=1'))).toBe(true);
  });

  it('has unique ids and real example URLs', () => {
    expect(new Set(adapters.map((adapter) => adapter.id)).size).toBe(adapters.length);
    for (const adapter of adapters) expect(adapter.exampleUrls.length).toBeGreaterThan(0);
  });

  for (const adapter of specific) {
    it(`${adapter.id} matches its own URLs and no one else's`, () => {
      for (const href of adapter.exampleUrls) {
        const url = new URL(href);
        expect(adapter.matches(url), href).toBe(true);
        expect(adapterFor(url).id, href).toBe(adapter.id);
        for (const other of specific)
          if (other !== adapter) expect(other.matches(url), `${other.id} on ${href}`).toBe(false);
      }
    });
  }

  it('sends unknown sites to the generic adapter', () => {
    for (const href of genericAdapter.exampleUrls) expect(adapterFor(new URL(href)).id).toBe('generic');
    expect(adapterFor(new URL('https://notspotify.com/episode/x')).id).toBe('generic');
    expect(adapterFor(new URL('https://evil-runninginproduction.com/podcast/1-x')).id).toBe('generic');
  });

  it('builds time URLs where the site supports them', () => {
    const rip = adapterFor(new URL('https://runninginproduction.com/podcast/33-x'));
    expect(rip.timeUrl?.('https://runninginproduction.com/podcast/33-x', 3862)).toBe(
      'https://runninginproduction.com/podcast/33-x#1:04:22',
    );
    const spotify = adapterFor(new URL('https://open.spotify.com/episode/5Q5B9gC4PnWVo0DTp4gZ3G'));
    expect(spotify.seekable).toBe(false);
    expect(spotify.timeUrl?.('https://open.spotify.com/episode/5Q5B9gC4PnWVo0DTp4gZ3G', 105)).toBe(
      'https://open.spotify.com/episode/5Q5B9gC4PnWVo0DTp4gZ3G?t=105',
    );
    const apple = adapterFor(new URL('https://podcasts.apple.com/us/podcast/x/id1?i=2'));
    expect(apple.timeUrl?.('https://podcasts.apple.com/us/podcast/x/id1?i=2', 10) ?? null).toBeNull();
  });
});

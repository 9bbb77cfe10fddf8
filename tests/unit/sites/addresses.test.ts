// The site registry's data side: each site file's address gives its adapter's hosts and time link, the content
// script's matches and the options page's list are derived from the registry, and "a link to this time" (the
// library's and the CLI's, through TIME_LINK_SITES) follows what each site says.
import { describe, expect, it } from 'vitest';
import { CONTENT_SCRIPT_MATCHES, adapterFor, adapters, siteAddresses } from '@/utils/sites/index';
import { hostIn, type SiteAddress } from '@/utils/sites/address';
import { TIME_LINK_SITES, siteTimeLink } from '@/utils/sites/time-links';
import { supportedHosts } from '@/utils/site-access';
import { timeLinker } from '@/utils/export/time-link';
import { openAtUrl } from '@/utils/library/open-at';

const specific = adapters.filter((adapter) => adapter.id !== 'generic');
const addresses: Record<string, SiteAddress> = Object.fromEntries(
  specific.map((adapter) => [adapter.id, adapter.address!]),
);

describe('site addresses', () => {
  it('come with every site adapter, in the registry order; the generic adapter has none', () => {
    for (const adapter of specific) expect(adapter.address?.hosts.length ?? 0, adapter.id).toBeGreaterThan(0);
    expect(adapters.at(-1)!.address).toBeUndefined();
    expect(siteAddresses).toEqual(specific.map((adapter) => adapter.address));
  });

  it("list in TIME_LINK_SITES exactly the sites with a time link, so the library's links know every one", () => {
    // The same objects (indexOf compares identity), in the registry's order.
    const positions = (list: readonly SiteAddress[]) => list.map((address) => siteAddresses.indexOf(address));
    expect(positions(TIME_LINK_SITES)).toEqual(
      positions(siteAddresses.filter((address) => address.timeLink)),
    );
    const ids = TIME_LINK_SITES.map((address) => specific.find((adapter) => adapter.address === address)?.id);
    expect(ids).toEqual(['runninginproduction', 'overcast', 'spotify']);
  });

  it('names hosts as bare lower-case names, each belonging to one site only', () => {
    for (const [id, site] of Object.entries(addresses)) {
      for (const host of site.hosts) {
        expect(host).toMatch(/^[a-z0-9-]+(?:\.[a-z0-9-]+)+$/);
        for (const [otherId, other] of Object.entries(addresses)) {
          if (otherId !== id) expect(hostIn(host, other.hosts), `${host} (${id}) in ${otherId}`).toBe(false);
        }
      }
    }
  });

  it('is what each adapter matches: its hosts and their subdomains, nothing else', () => {
    for (const adapter of specific) {
      for (const host of addresses[adapter.id]!.hosts) {
        for (const name of [host, `www.${host}`, `play.${host}`, host.toUpperCase()]) {
          expect(adapterFor(new URL(`https://${name}/x`)).id, name).toBe(adapter.id);
        }
        // Look-alikes of the site's own names (`xwww.pocketcasts.com` is still a pocketcasts.com subdomain).
        if (addresses[adapter.id]!.hosts.some((other) => host.endsWith(`.${other}`))) continue;
        for (const name of [`x${host}`, `${host}.example.org`, host.replace(/\.[^.]+$/, '.example')]) {
          expect(adapterFor(new URL(`https://${name}/x`)).id, name).toBe('generic');
        }
      }
    }
  });

  it("gives each adapter its site's time link", () => {
    const cases: [string, string | null][] = [
      [
        'https://runninginproduction.com/podcast/33-x#old',
        'https://runninginproduction.com/podcast/33-x#1:04:22',
      ],
      ['https://overcast.fm/+5K6jP2BDE', 'https://overcast.fm/+5K6jP2BDE/1:04:22'],
      ['https://overcast.fm/itunes1602541473/whats-your-problem', null],
      [
        'https://open.spotify.com/intl-de/episode/5Q5B9gC4PnWVo0DTp4gZ3G',
        'https://open.spotify.com/episode/5Q5B9gC4PnWVo0DTp4gZ3G?t=3862',
      ],
      ['https://podcasts.apple.com/us/podcast/x/id1?i=2', null],
      ['https://pca.st/episode/5c9e9f4a-0e8f-4d3c-9a52-3c2bd1b1f0a1', null],
    ];
    for (const [page, expected] of cases) {
      const adapter = adapterFor(new URL(page));
      expect(adapter.id).not.toBe('generic');
      expect(adapter.timeUrl?.(page, 3862.7) ?? null, page).toBe(expected);
      expect(siteTimeLink(page)?.(3862.7) ?? null, page).toBe(expected);
    }
    expect(siteTimeLink('https://example.com/podcast/33-x')).toBeNull();
    expect(siteTimeLink('https://evil-runninginproduction.com/podcast/33-x')).toBeNull();
  });
});

describe('the options page', () => {
  it('lists exactly the sites the adapters claim, one entry per host that is not a subdomain of another', () => {
    const manifest = {
      manifest_version: 3,
      name: 'x',
      version: '1',
      content_scripts: [{ matches: CONTENT_SCRIPT_MATCHES, js: ['content-scripts/content.js'] }],
    };
    const expected = Object.values(addresses).flatMap((site) =>
      site.hosts.filter((host) => !site.hosts.some((other) => host.endsWith(`.${other}`))),
    );
    expect(expected).toContain('pca.st');
    expect(supportedHosts(manifest as never)).toEqual([...expected].sort());
  });
});

describe('a link to this time', () => {
  const audio = 'https://cdn.example.com/ep.mp3#t=0';

  it("uses the site's own link where the page is on a site that has one, even when there is audio", () => {
    expect(timeLinker('https://www.runninginproduction.com/podcast/1-x', audio)(105)).toBe(
      'https://www.runninginproduction.com/podcast/1-x#1:45',
    );
    expect(openAtUrl({ url: 'https://overcast.fm/+5K6jP2BDE', audioUrl: audio }, 3723)).toBe(
      'https://overcast.fm/+5K6jP2BDE/1:02:03',
    );
    expect(
      openAtUrl({ url: 'https://open.spotify.com/episode/5Q5B9gC4PnWVo0DTp4gZ3G', audioUrl: null }, 105.5),
    ).toBe('https://open.spotify.com/episode/5Q5B9gC4PnWVo0DTp4gZ3G?t=105');
  });

  it('falls back to the audio at that time, then to the page, when the site has no time link', () => {
    expect(
      openAtUrl({ url: 'https://podcasts.apple.com/us/podcast/x/id1?i=2', audioUrl: audio }, 105.9),
    ).toBe('https://cdn.example.com/ep.mp3#t=105');
    expect(openAtUrl({ url: 'https://overcast.fm/itunes1/show', audioUrl: audio }, 105)).toBe(
      'https://cdn.example.com/ep.mp3#t=105',
    );
    expect(openAtUrl({ url: 'https://example.com/ep', audioUrl: 'javascript:alert(1)' }, 105)).toBe(
      'https://example.com/ep',
    );
    expect(openAtUrl({ url: null, audioUrl: null }, 105)).toBeNull();
  });

  it('writes only links a Markdown destination can hold', () => {
    const link = openAtUrl({ url: 'https://runninginproduction.com/podcast/1-(x) y', audioUrl: null }, 105);
    expect(link).toBe('https://runninginproduction.com/podcast/1-%28x%29%20y#1:45');
  });
});

// An own site's episode title without the site's name around it, dropped only where the page shows that name
// (og:site_name, its home link, its logo), and an embed-only page's player link from its card metadata.
import { describe, expect, it } from 'vitest';
import { siteNames, withoutSiteName } from '@/utils/sites/page-episode';
import { genericAdapter } from '@/utils/sites/generic';
import { documentFrom } from './dom';

describe('withoutSiteName', () => {
  it.each([
    ['Ep 42: Queues | The Ops Podcast', ['the ops podcast'], 'Ep 42: Queues'],
    ['The Ops Podcast | Ep 42: Queues', ['the ops podcast'], 'Ep 42: Queues'],
    ['Ep 42 – Queues – Podcast', ['the ops podcast'], 'Ep 42 – Queues'],
    ['Queues, retries and dead letters - Ops Notes', ['ops notes'], 'Queues, retries and dead letters'],
    ['Ep 42 – Queues and Kafka – Part 2', ['ops notes'], 'Ep 42 – Queues and Kafka – Part 2'],
    ['Ep 42 - Ops', ['ops notes podcast'], 'Ep 42 - Ops'],
    ['Ops Notes', ['ops notes'], 'Ops Notes'],
  ])('%s → %s', (title, names, expected) => {
    expect(withoutSiteName(title, names)).toBe(expected);
  });
});

describe('siteNames', () => {
  it('reads og:site_name, application-name, the home link and the logo’s alt text', () => {
    const doc = documentFrom(
      `<html><head><meta property="og:site_name" content="Ops Notes"><meta name="application-name" content="OpsNotes FM"></head><body><header><a href="/" rel="home"><img class="logo" alt="Ops Notes Podcast" src="/logo.png"></a></header></body></html>`,
    );
    expect(siteNames(doc).sort()).toEqual(['ops notes', 'ops notes podcast', 'opsnotes fm']);
  });
});

describe('a page whose only player is its card embed', () => {
  it('keeps twitter:player as the player link, and the title without the site’s name', () => {
    const html = `<!DOCTYPE html><html><head><title>Backups that restore | Ops Notes</title><meta property="og:site_name" content="Ops Notes">
      <meta name="twitter:player" content="https://share.host.example/e/9f2c1a7b"><link rel="canonical" href="https://opsnotes.example/episodes/12"></head>
      <body><main><div class="notes"><p>0:00 Hello<br>4:30 Snapshots<br>19:10 Restore drills</p></div></main></body></html>`;
    const [found] = genericAdapter.findEpisodes(
      documentFrom(html),
      new URL('https://opsnotes.example/episodes/12'),
    );
    expect(found!.meta).toMatchObject({
      title: 'Backups that restore',
      audioUrl: null,
      playerUrl: 'https://share.host.example/e/9f2c1a7b',
      url: 'https://opsnotes.example/episodes/12',
    });
  });
});

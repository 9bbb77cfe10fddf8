// @vitest-environment happy-dom
// The early find: its result serves the first scan once, and only if the page did not change meanwhile.
import { afterEach, describe, expect, it } from 'vitest';
import { findAhead } from '@/utils/overlay/find-ahead';
import { findPageEpisodes } from '@/utils/sites/scan';

const HREF = 'https://podcasts.example/show/stack-talk';

function writeListing(): void {
  document.body.innerHTML = `<ol>${[0, 1, 2]
    .map((i) => `<li><h3>Episode ${i}</h3><p>0:00 – Intro 4:10 – Queues with Redis 12:30 – Wrap-up</p></li>`)
    .join('')}</ol>`;
}

afterEach(() => {
  document.body.innerHTML = '';
});

describe('findAhead', () => {
  it('hands its result to the first asker for the same address, once', () => {
    writeListing();
    let runs = 0;
    const ahead = findAhead(() => (runs++, findPageEpisodes(document, HREF)), document.documentElement, HREF);
    const early = ahead.take(HREF);
    expect(early?.page?.found).toHaveLength(3);
    expect(early!.milliseconds).toBeGreaterThanOrEqual(0);
    expect(ahead.take(HREF)).toBeNull();
    expect(runs).toBe(1);
  });

  it('is void when the page changed before the scan asked, or the address moved on', async () => {
    writeListing();
    const ahead = findAhead(() => findPageEpisodes(document, HREF), document.documentElement, HREF);
    document.querySelector('ol')!.append(document.createElement('li'));
    // The change is noticed even before the observer's callback has run.
    expect(ahead.take(HREF)).toBeNull();

    const elsewhere = findAhead(() => findPageEpisodes(document, HREF), document.documentElement, HREF);
    expect(elsewhere.take(`${HREF}/e/2`)).toBeNull();
  });

  it('a find that throws is void too, and the error stays inside', () => {
    const ahead = findAhead(
      () => {
        throw new Error('hostile page');
      },
      document.documentElement,
      HREF,
    );
    expect(ahead.take(HREF)).toBeNull();
  });
});

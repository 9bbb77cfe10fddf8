// The pages the overlay benchmark visits, written for it, and the addresses Playwright serves them at.

export const LISTING_URL = 'https://podbay.fm/p/running-in-production-seed-000';
export const BIG_URL = 'https://podbay.fm/p/stackcast-five-megabytes';
export const PLAIN_URL = 'https://podbay.fm/about/stackcast-no-episodes';
export const SPA_URL = 'https://podbay.fm/p/stackcast-spa/e/1';

export function bigPage(): string {
  // 5 MB of prose in paragraphs, a few chapter lists inside (written for this benchmark).
  const sentence =
    'We moved the billing service from a cron box to a queue and the on-call rotation got quieter. ';
  const parts: string[] = [];
  let size = 0;
  for (let i = 0; size < 5_000_000; i++) {
    const p =
      i % 500 === 0
        ? `<p>${i / 500}:00 Part ${i}</p><p>${i / 500}:30 More</p><p>${i / 500 + 1}:10 End</p>`
        : `<p>${sentence.repeat(10)}</p>`;
    parts.push(p);
    size += p.length;
  }
  return `<!DOCTYPE html><html><head><title>Five megabytes</title></head><body><h1>Long page</h1>${parts.join('')}</body></html>`;
}

export function plainPage(): string {
  // A directory page with no episode on it (an about page: prose, links, no timestamps), written for this benchmark.
  const paragraph =
    '<p>We index podcasts about how software is built and run. Send us a show we are missing, or tell us what to fix. <a href="/p/1">A show</a></p>';
  return `<!DOCTYPE html><html><head><title>About</title></head><body><nav>${'<a href="/x">Browse</a> '.repeat(40)}</nav><main><h1>About</h1>${paragraph.repeat(300)}</main></body></html>`;
}

export function spaPage(): string {
  // An episode with chapters, and a feed beside it that changes every animation frame, forever.
  return `<!DOCTYPE html><html><head><title>SPA</title></head><body>
  <main><h1>Episode 1</h1><div class="notes"><p>0:00 Intro</p><p>4:10 Queues</p><p>12:30 Databases</p><p>25:00 Wrap-up</p></div></main>
  <ul id="feed"></ul>
  <script>
    const feed = document.getElementById('feed'); let n = 0;
    function tick() {
      const li = document.createElement('li'); li.textContent = 'Update ' + (n++) + ' at ' + new Date().toISOString();
      feed.prepend(li); if (feed.children.length > 50) feed.lastElementChild.remove();
      document.title = 'SPA ' + n; requestAnimationFrame(tick);
    }
    requestAnimationFrame(tick);
  </script></body></html>`;
}

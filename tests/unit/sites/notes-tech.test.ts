// techInputFromNode on a linkedom document shaped like a runninginproduction.com episode page.
// Fixture imitates https://runninginproduction.com/podcast/ episode markup (hand-written, 2026-01).
import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { extractTech } from '@/utils/tech/extract';
import { techInputFromNode } from '@/utils/sites/notes-tech';

const EPISODE = `<!doctype html><html><body>
<main class="episode">
  <h1>Running a Job Board with Django</h1>
  <p>In this episode we talk about building the site with Django and hosting it on DigitalOcean.
     Errors are tracked with Sentry and <a href="https://www.cloudflare.com/">Cloudflare</a> sits in front.</p>
  <p><a class="badge badge-primary" href="/tags/django">#django</a> <a class="badge" href="/tags/python">#python</a></p>
  <h2 id="topics-include">Topics Include</h2>
  <ul>
    <li><a href="#" data-audio-seek="105" class="audio-seek">1:45</a> – Why Postgres over MySQL</li>
    <li><a href="#" data-audio-seek="421" class="audio-seek">7:01</a> – Docker isn't being used in development</li>
  </ul>
  <h6>📄 References</h6>
  <ul><li><a href="https://docs.celeryproject.org/en/stable/">https://docs.celeryproject.org/en/stable/</a></li></ul>
  <h6>⚙️ Tech Stack</h6>
  <ul class="list-unstyled">
    <li><a href="https://www.djangoproject.com/">django →</a></li>
    <li><a href="https://www.python.org/">python →</a></li>
    <li><a href="https://www.docker.com/">docker →</a></li>
    <li><a href="https://www.postgresql.org/">postgres →</a></li>
    <li><a href="https://aws.amazon.com/s3/"><img alt=""></a></li>
  </ul>
  <h6>🛠 Libraries Used</h6>
  <ul><li><a href="https://github.com/celery/celery">https://github.com/celery/celery</a></li></ul>
  <script>var notes = "Kubernetes";</script>
</main>
</body></html>`;

describe('techInputFromNode', () => {
  const { document } = parseHTML(EPISODE);
  const main = document.querySelector('main')!;

  it('splits the page into the stack list, tag badges, links and prose', () => {
    const input = techInputFromNode(main);
    expect(input.listed).toEqual([
      'django →',
      'python →',
      'docker →',
      'postgres →',
      'https://aws.amazon.com/s3/',
    ]);
    expect(input.tags).toEqual(['/tags/django', '/tags/python']);
    expect(input.links).toContain('https://www.cloudflare.com/');
    expect(input.text).toContain('Running a Job Board with Django');
    expect(input.text).not.toContain('docker →');
    expect(input.text).not.toContain('Kubernetes');
  });

  it('extracts the list exactly, then tags and prose mentions', () => {
    const mentions = extractTech(techInputFromNode(main));
    const bySource = (source: string) => mentions.filter((m) => m.source === source).map((m) => m.slug);
    expect(bySource('list')).toEqual(['django', 'python', 'docker', 'postgres', 's3']);
    expect(bySource('tag')).toEqual([]);
    expect(bySource('text')).toEqual(expect.arrayContaining(['cloudflare', 'digitalocean', 'sentry']));
    expect(bySource('text')).not.toContain('mysql');
    expect(bySource('implied')).toEqual([]);
    expect(mentions.map((m) => m.slug)).not.toContain('kubernetes');
  });

  it('reads the same from the whole document, and from a listing without a stack section', () => {
    expect(
      extractTech(techInputFromNode(document))
        .filter((m) => m.source === 'list')
        .map((m) => m.slug),
    ).toEqual(['django', 'python', 'docker', 'postgres', 's3']);
    const listing = parseHTML(
      '<div><h3>Episode 107</h3><a class="badge" href="/tags/meteor">#meteor</a> Built with Meteor and MongoDB</div>',
    );
    const mentions = extractTech(techInputFromNode(listing.document.querySelector('div')!));
    expect(mentions.map((m) => `${m.slug}:${m.source}`)).toEqual(['meteor:tag', 'mongodb:text']);
  });
});

// Sponsor reads in show notes are adverts, not the episode's technologies: credit lines and sponsor sections are left
// out of the prose and of the links, in plain text and in a page; a whole page of notes in one paragraph is not.
// The markup is written for this test in the shapes podcast notes use (a "Sponsored by" line, a "Name - Sponsor"
// heading with its read under it, a "Sponsors:" list); it is no podcast's page.
import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { extractTech, techInputFromText } from '@/utils/tech/extract';
import { techInputFromNode } from '@/utils/sites/notes-tech';
import { isSponsorLine } from '@/utils/tech/sponsors';

const slugsOfNode = (html: string) => {
  const { document } = parseHTML(`<!doctype html><html><body><article>${html}</article></body></html>`);
  return extractTech(techInputFromNode(document.querySelector('article')!)).map((mention) => mention.slug);
};
const slugsOfText = (text: string) => extractTech(techInputFromText(text)).map((mention) => mention.slug);

describe('sponsor reads', () => {
  it.each([
    'Episode sponsored By Raycast (https://www.raycast.com/)',
    'This episode is sponsored by Sentry',
    'Sponsored by [Clerk](https://clerk.com)',
    "Today's show is brought to you by Mux",
    'Sponsors: Sentry, LogRocket',
    'Sentry - Sponsor',
    'LogRocket (sponsor)',
    '01:37 Brought to you by Sentry.io.',
    '[00:59] Sponsored by Clerk',
  ])('"%s" is a sponsor credit', (line) => {
    expect(isSponsorLine(line)).toBe(true);
  });

  it.each([
    'We talk about how Sentry sponsors open source maintainers',
    'Why sponsorship matters for open source',
    'Andrew built the sponsor page with Astro',
  ])('"%s" is not', (line) => {
    expect(isSponsorLine(line)).toBe(false);
  });

  it('leaves credit lines out of plain notes, names and URLs alike', () => {
    const slugs = slugsOfText(
      'Episode sponsored By Raycast (https://www.raycast.com/)\nWe talk about Turborepo and pnpm.',
    );
    expect(slugs).toEqual(expect.arrayContaining(['turborepo', 'pnpm']));
    expect(slugs).not.toContain('raycast');
  });

  it('leaves a sponsor heading and its read out of a page, up to the next heading', () => {
    const slugs = slugsOfNode(`
      <h2>Sentry - Sponsor</h2>
      <p>If you want to know what is happening with your code, try <a href="https://sentry.io">Sentry</a>.</p>
      <p>Use the coupon code for three months free.</p>
      <h2>Show Notes</h2>
      <ul><li>00:40 Why we moved to <a href="https://vitejs.dev/">Vite</a></li><li>12:10 Docker in development</li></ul>`);
    expect(slugs).toEqual(expect.arrayContaining(['vite', 'docker']));
    expect(slugs).not.toContain('sentry');
  });

  it("leaves the hosts' own plugs out: their courses are adverts, whatever technology they teach", () => {
    const slugs = slugsOfNode(`
      <h2>Show Notes</h2>
      <ul><li>03:10 Moving the blog to <a href="https://astro.build/">Astro</a></li></ul>
      <h3>Shameless Plugs</h3>
      <ul><li>Scott: <a href="https://example.org/courses/gatsby">Master Gatsby course</a></li><li>Wes: Advanced React course</li></ul>
      <h2>Tweet us your tasty treats</h2>`);
    expect(slugs).toContain('astro');
    expect(slugs).not.toContain('gatsby');
    expect(slugs).not.toContain('react');
  });

  it('leaves out a credit paragraph and a sponsor list item, with their links', () => {
    const slugs = slugsOfNode(`
      <p>This week we talk about Deno Deploy with its creator.</p>
      <p>Episode sponsored By Clerk (<a href="https://clerk.com">https://clerk.com</a>)</p>
      <ul><li>Sponsored by <a href="https://mux.com">Mux</a></li><li><a href="https://deno.com/">Deno</a></li></ul>`);
    expect(slugs).toEqual(expect.arrayContaining(['deno-deploy', 'deno']));
    expect(slugs).not.toContain('clerk');
    expect(slugs).not.toContain('mux');
  });

  it('keeps a technology the notes talk about even when it also sponsors the episode', () => {
    const slugs = slugsOfNode(
      '<p>Sponsored by Sentry.</p><p>How Sentry rewrote its ingestion pipeline in Rust.</p>',
    );
    expect(slugs).toContain('sentry');
  });

  it('does not drop a whole page of notes written as one long paragraph for a credit at its start', () => {
    const lines = [
      'Sponsored by Mux.',
      ...Array.from(
        { length: 30 },
        (_, i) => `${i}:00 A topic about building the app with Rails and PostgreSQL`,
      ),
    ];
    const slugs = slugsOfNode(`<p>${lines.join('<br>')}</p>`);
    expect(slugs).toEqual(expect.arrayContaining(['rails', 'postgres']));
    // Its first line is still a credit on its own line, and the line is what is left out.
    expect(slugs).not.toContain('mux');
  });
});

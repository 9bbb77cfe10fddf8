// Catalog entries for developer tools, front-end frameworks and services added from the devtools.fm and Syntax
// corpora: each is recognised from a sentence, a link and a tag; the ones that are everyday words are not taken from
// plain English; renamed domains and docs sites lead to their technology, and repository and package pages to theirs.
// Every sentence here is written for this test.
import { describe, expect, it } from 'vitest';
import { extractTech } from '@/utils/tech/extract';
import { resolveTechReference, techByHomepage } from '@/utils/tech/lookup';

const fromText = (text: string) => extractTech({ text }).map((mention) => mention.slug);
const fromLink = (url: string) => extractTech({ links: [url] }).map((mention) => mention.slug);
const fromTag = (tag: string) => extractTech({ tags: [tag] }).map((mention) => mention.slug);

describe('new catalog entries', () => {
  it.each([
    [
      'We moved the monorepo from Lerna to Turborepo last spring',
      'turborepo',
      'https://turborepo.com/docs',
      'turborepo',
    ],
    [
      'Formatting is done by Prettier and linting by ESLint',
      'eslint',
      'https://eslint.org/docs/latest/',
      'eslint',
    ],
    ['Formatting is done by Prettier on every commit', 'prettier', 'https://prettier.io/', 'Prettier'],
    [
      'She edits everything in VS Code with a few extensions',
      'vscode',
      'https://code.visualstudio.com/',
      'vscode',
    ],
    ['Packages are installed with pnpm in CI', 'pnpm', 'https://pnpm.io/motivation', 'pnpm'],
    ['The blog is built with Astro and deployed to Netlify', 'astro', 'https://astro.build/', 'astro'],
    ['The team wrote the schema with Zod and tRPC', 'trpc', 'https://trpc.io/docs', 'tRPC'],
    ['Content lives in Sanity and the editors love the studio', 'sanity', 'https://www.sanity.io/', 'sanity'],
    ['The unit tests run on Vitest', 'vitest', 'https://vitest.dev/guide/', 'vitest'],
    [
      'Browser tests are written with Playwright against Chromium',
      'playwright',
      'https://playwright.dev/',
      'playwright',
    ],
    ['The desktop app is built with Tauri instead of Electron', 'tauri', 'https://tauri.app/', 'tauri'],
    [
      'The code lives on GitHub and CI runs on pull requests',
      'github',
      'https://docs.github.com/en/actions',
      'github',
    ],
    ['The Zed editor is written in Rust', 'zed', 'https://zed.dev/', 'zed'],
    ['The new terminal, Warp, adds AI commands to the shell', 'warp', 'https://www.warp.dev/', 'warp'],
    ['Andrew switched his browser to Arc for its sidebar tabs', 'arc', 'https://arc.net/', 'arc'],
    ['Fig added autocomplete to the terminal', 'fig', 'https://fig.io/', 'fig'],
    ['Raycast replaced Spotlight on his Mac', 'raycast', 'https://www.raycast.com/', 'raycast'],
    ['Nx caches the monorepo build tasks', 'nx', 'https://nx.dev/', 'nx'],
    ['The team picked Biome to format and lint the code', 'biome', 'https://biomejs.dev/', 'biome'],
    ['The project checks its JavaScript with Rome as the linter', 'rome', 'https://rome.tools/', 'rome'],
    ['Yarn workspaces install the monorepo packages', 'yarn', 'https://yarnpkg.com/', 'yarn'],
    [
      'The styles are plain CSS with a bit of HTML templating',
      'css',
      'https://developer.mozilla.org/en-US/docs/Web/CSS/grid',
      'css',
    ],
    [
      'Transactional email goes out through Resend with a React template',
      'resend',
      'https://resend.com/',
      'resend',
    ],
    ['Clerk handles the auth and user sessions', 'clerk', 'https://clerk.com/', 'clerk'],
    [
      'Most of the code is written with Cursor and Claude as the agent',
      'cursor',
      'https://cursor.com/',
      'cursor',
    ],
    [
      'The UI is built with the Solid framework and its signals',
      'solidjs',
      'https://www.solidjs.com/',
      'solidjs',
    ],
    [
      'Dependencies come from crates.io through Cargo workspaces in Rust',
      'cargo',
      'https://doc.rust-lang.org/cargo/',
      'cargo',
    ],
    ['Bugs are tracked in Linear issues instead of Jira', 'linear', 'https://linear.app/', 'linear'],
    ['They built feeds for the Bluesky social network', 'bluesky', 'https://bsky.social/about', 'bluesky'],
  ])('%s → %s, from a link and from a tag', (sentence, slug, url, tag) => {
    expect(fromText(sentence)).toContain(slug);
    expect(fromLink(url)).toContain(slug);
    expect(fromTag(tag)).toContain(slug);
  });

  it.each([
    ['We had a bun and a coffee before the meeting', 'bun'],
    ['The astro club meets on Fridays', 'astro'],
    ['Remix the song with a new beat', 'remix'],
    ['She looked svelte in her new suit', 'svelte'],
    ['Arc of the story bends toward the end', 'arc'],
    ['Warp speed ahead, captain', 'warp'],
    ['Fig trees grow well in the south', 'fig'],
    ['Zed is dead, baby', 'zed'],
    ['Rome was not built in a day', 'rome'],
    ['Yarn for the knitting club is on sale', 'yarn'],
    ['Sanity is the first thing to go on a long trip', 'sanity'],
    ['Prettier flowers grow in the shade', 'prettier'],
    ['Cursor blinks at the end of the line', 'cursor'],
    ['Relay the message to the rest of the team', 'relay'],
    ['Expo visitors queued for an hour', 'expo'],
    ['Effect of the change was small', 'effect'],
    ['Zero people came to the talk', 'zero'],
    ['Alfred is my grandfather', 'alfred'],
    ['Sketch a plan on paper first', 'sketch'],
    ['Temporal changes in the weather', 'temporal'],
    ['Begin with the smallest step', 'begin'],
    ['Architect of the new building won a prize', 'architect'],
    ['Neon signs light up the street', 'neon'],
    ['Metro trains were late again', 'metro'],
    ['Jazz played late into the night', 'jazz'],
    ['Find Karl on GitHub and Twitter', 'github'],
    ['Wes Bos on Bluesky, Scott on Bluesky', 'bluesky'],
    ['They left their earthly possessions behind', 'earthly'],
    ['The bumper has chromium plating', 'chromium'],
    ['the solidity of the plan', 'solidity'],
    ['Learning to toddle takes a while', 'nordcraft'],
    ['She is now at the helm of a new package manager', 'kubernetes'],
    ['the turbo button on the old PC', 'turborepo'],
    ['They made a Solid case for the budget', 'solidjs'],
    ['Cargo ships were stuck in the canal', 'cargo'],
    ['Linear growth was all they could hope for', 'linear'],
    ['Stitches were needed after the fall', 'stitches'],
  ])('"%s" is not %s', (sentence, slug) => {
    expect(fromText(sentence)).not.toContain(slug);
  });

  it('still reads Helm, capitalised, as Kubernetes tooling', () => {
    expect(fromText('Deployments are managed with Helm charts')).toContain('kubernetes');
  });

  it('reads renamed domains and docs sites as the same technology', () => {
    expect(techByHomepage('https://react.dev/learn')?.slug).toBe('react');
    expect(techByHomepage('https://reactjs.org/docs')?.slug).toBe('react');
    expect(techByHomepage('https://vite.dev/guide/')?.slug).toBe('vite');
    expect(techByHomepage('https://deno.com/')?.slug).toBe('deno');
    expect(techByHomepage('https://kit.svelte.dev/docs')?.slug).toBe('svelte');
    expect(techByHomepage('https://zeit.co/now')?.slug).toBe('vercel');
    // A longer path on the same host is a product of its own.
    expect(techByHomepage('https://tanstack.com/query/latest')?.slug).toBe('tanstack-query');
    expect(techByHomepage('https://tanstack.com/')?.slug).toBe('tanstack');
    expect(techByHomepage('https://developers.cloudflare.com/durable-objects/')?.slug).toBe(
      'durable-objects',
    );
    expect(techByHomepage('https://developers.cloudflare.com/r2/')?.slug).toBe('cloudflare');
  });

  it('reads a repository or package page as the project it is named for, and nothing else as the code host', () => {
    expect(techByHomepage('https://github.com/vitejs/vite')?.slug).toBe('vite');
    expect(techByHomepage('https://github.com/colinhacks/zod#readme')?.slug).toBe('zod');
    expect(techByHomepage('https://github.com/vercel/next.js/pull/1')?.slug).toBe('nextjs');
    expect(techByHomepage('https://www.npmjs.com/package/zod')?.slug).toBe('zod');
    expect(techByHomepage('https://www.npmjs.com/package/@stylexjs/stylex')?.slug).toBe('stylex');
    expect(techByHomepage('https://github.com/alpinejs/alpine')?.slug).toBe('alpinejs');
    // A repository named for no technology, or a package page of an unknown package, names nothing.
    expect(techByHomepage('https://github.com/someone/dotfiles')).toBeUndefined();
    expect(techByHomepage('https://www.npmjs.com/package/left-pad')).toBeUndefined();
    expect(techByHomepage('https://github.com/')).toBeUndefined();
    // The code host's own product pages are the code host.
    expect(techByHomepage('https://github.com/features/copilot')?.slug).toBe('github-copilot');
    expect(techByHomepage('https://github.com/features/issues')?.slug).toBe('github');
  });

  it('resolves the tags devtools.fm writes, spellings included', () => {
    const cases: [string, string][] = [
      ['react-native', 'react-native'],
      ['nextjs', 'nextjs'],
      ['tanstack', 'tanstack'],
      ['vscode', 'vscode'],
      ['local first', ''],
      ['oh my zsh', 'oh-my-zsh'],
      ['tailwindcss', 'tailwindcss'],
      ['better-auth', 'better-auth'],
      ['react-query', 'tanstack-query'],
      ['web assembly', 'webassembly'],
      ['rocklang', 'roc'],
      ['react server components', 'react-server-components'],
      ['bsky', 'bluesky'],
      ['solid', 'solidjs'],
      ['react hook form', 'react-hook-form'],
      ['c plus plus', 'cpp'],
    ];
    for (const [tag, slug] of cases) expect(resolveTechReference(tag)?.slug ?? '', tag).toBe(slug);
  });
});

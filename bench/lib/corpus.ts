// Benchmark inputs from ../shared (read at run time, never copied): runninginproduction posts, their ground
// truth, the three text renderings of their topics, the posts as episode pages, and seed 000.
import { readdirSync, readFileSync, existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const sharedDir = resolve(repoRoot, '..', 'shared');
const corpusDir = join(sharedDir, 'corpus', 'runninginproduction');

export interface Topic {
  time: string;
  seconds: number;
  title: string;
}

export interface Post {
  file: string;
  category: string;
  number: number;
  slug: string;
  title: string;
  guest: string;
  duration: string | null;
  tags: string[];
  intro: string | null;
  topics: Topic[];
}

/**
 * The chapters a post's topics make: ascending, two topics at one second merged into one chapter whose title
 * names both with "; " (post 26 lists two at 59:20), as the parser promises unique starts.
 */
export function expectedChapters(topics: Topic[]): Array<{ start: number; title: string }> {
  const chapters: Array<{ start: number; title: string }> = [];
  for (const topic of topics) {
    const last = chapters[chapters.length - 1];
    if (last && last.start === topic.seconds) last.title = `${last.title}; ${topic.title.trim()}`;
    else chapters.push({ start: topic.seconds, title: topic.title.trim() });
  }
  return chapters;
}

export function loadPosts(): Post[] {
  return JSON.parse(readFileSync(join(corpusDir, 'ground-truth.json'), 'utf8')) as Post[];
}

export type Rendering = 'lines' | 'inline' | 'glued-dash' | 'glued';
export const RENDERINGS: Rendering[] = ['lines', 'inline', 'glued-dash', 'glued'];

/**
 * A post's topics as show notes write them: one topic a line (`1:45 – Title`), one inline paragraph
 * (`Topics Include 1:45 – Title 7:01 – Title`), line breaks stripped with the separator kept
 * (`1:45 – Title7:01 – Title`), or glued the way podcasts.apple.com strips them, nothing left between
 * (`Timestamps:1:45 Title7:01 Title`).
 */
export function renderTopics(topics: Topic[], rendering: Rendering): string {
  switch (rendering) {
    case 'lines':
      return topics.map((topic) => `${topic.time} – ${topic.title}`).join('\n');
    case 'inline':
      return `Topics Include ${topics.map((topic) => `${topic.time} – ${topic.title}`).join(' ')}`;
    case 'glued-dash':
      return topics.map((topic) => `${topic.time} – ${topic.title}`).join('');
    case 'glued':
      return `Timestamps:${topics.map((topic) => `${topic.time} ${topic.title}`).join('')}`;
  }
}

/** The text the extension reads on a post: title, intro and topics one a line. */
export function postText(post: Post): string {
  return [post.title, post.intro ?? '', 'Topics Include', renderTopics(post.topics, 'lines')].join('\n');
}

const escapeHtml = (text: string | null | undefined) =>
  (text ?? '').replace(
    /[&<>"]/g,
    (char) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[char] ?? char,
  );

/** Homepages of the site's tags (tags/*.md front matter `url:`), for the rendered "Tech Stack" list. */
function tagHomepages(): Map<string, string> {
  const homepages = new Map<string, string>();
  const dir = join(corpusDir, 'tags');
  if (!existsSync(dir)) return homepages;
  for (const file of readdirSync(dir)) {
    const url = /^url:\s*"?([^"\n]+)"?/m.exec(readFileSync(join(dir, file), 'utf8'))?.[1];
    if (url) homepages.set(file.replace(/\.md$/, ''), url.trim());
  }
  return homepages;
}

/** The site's episode URL for a post. */
export function postUrl(post: Post): string {
  const section =
    post.category === 'interviews' || post.file.startsWith('interviews') ? 'interviews' : 'podcast';
  return `https://runninginproduction.com/${section}/${post.number}-${post.slug}`;
}

/**
 * A post as runninginproduction.com renders its episode page (markup per ../shared/DESIGN.md): h1 title,
 * audio player, intro, `h2#topics-include` with seek links, the "⚙️ Tech Stack" list and tag badges.
 */
export function renderPostPage(post: Post, homepages = tagHomepages()): string {
  const topics = post.topics
    .map(
      (topic) =>
        `<li><a href="#" data-audio-seek="${topic.seconds}" class="audio-seek">${escapeHtml(topic.time)}</a> – ${escapeHtml(topic.title)}</li>`,
    )
    .join('\n');
  const stack = post.tags
    .map(
      (tag) =>
        `<li><a href="${escapeHtml(homepages.get(tag) ?? `https://example.com/${tag}`)}">${escapeHtml(tag)} →</a></li>`,
    )
    .join('\n');
  const badges = post.tags
    .map(
      (tag) =>
        `<li class="list-inline-item"><a class="badge" href="/tags/${escapeHtml(tag)}">#${escapeHtml(tag)}</a></li>`,
    )
    .join('');
  return `<!DOCTYPE html><html><head><meta charset="utf-8"><title>${escapeHtml(post.title)}</title>
<link rel="canonical" href="${postUrl(post)}"></head><body><main><div id="podcast_or_interview">
<h1>${escapeHtml(post.title)}</h1>
<div class="js-audio-player"><audio class="js-audio"><source src="/audio/${post.number}.mp3" type="audio/mpeg"></audio><span>0:00 / ${escapeHtml(post.duration)}</span></div>
<p>${escapeHtml(post.intro)}</p>
${post.topics.length > 0 ? `<h2 id="topics-include">Topics Include</h2>\n<ul>${topics}</ul>` : ''}
<h2>Links</h2><h6>⚙️ Tech Stack</h6><ul class="list-unstyled">${stack}</ul>
<ul class="list-inline">${badges}</ul>
</div></main></body></html>`;
}

export { tagHomepages };

/** Seed 000: a directory's show page, ~50 episodes whose topics run inline in one paragraph each. */
export function seed000(): string {
  const file = readdirSync(join(sharedDir, 'seeds')).find((name) => name.startsWith('000_'));
  if (!file) throw new Error('seed 000 is missing from ../shared/seeds');
  return readFileSync(join(sharedDir, 'seeds', file), 'utf8');
}

export interface SeedEpisode {
  duration: string;
  date: string;
  title: string;
  description: string;
}

const DURATION_LINE = /^(\d+ hr( \d+ min)?|\d+ min)$/;
const DATE_LINE = /^[A-Z][a-z]{2} \d{1,2}, \d{4}$/;

/** Seed 000's episode blocks: a duration line, a date line, the title, a blank line, the description. */
export function seedEpisodes(text: string): SeedEpisode[] {
  const lines = text.split('\n');
  const episodes: SeedEpisode[] = [];
  for (let i = 0; i + 2 < lines.length; i += 1) {
    if (!DURATION_LINE.test(lines[i]!.trim()) || !DATE_LINE.test(lines[i + 1]!.trim())) continue;
    let j = i + 3;
    while (j < lines.length && lines[j]!.trim() === '') j += 1;
    const description: string[] = [];
    while (j < lines.length && lines[j]!.trim() !== '' && !DURATION_LINE.test(lines[j]!.trim()))
      description.push(lines[j++]!);
    episodes.push({
      duration: lines[i]!.trim(),
      date: lines[i + 1]!.trim(),
      title: lines[i + 2]!.trim(),
      description: description.join('\n'),
    });
    i = j - 1;
  }
  return episodes;
}

/** Seed 000 as a directory's listing page: one `<li>` per episode with duration, date, title and notes. */
export function renderSeedListing(episodes: SeedEpisode[]): string {
  const items = episodes
    .map(
      (
        episode,
      ) => `<li class="episode"><div class="meta"><span class="duration">${escapeHtml(episode.duration)}</span>
<time>${escapeHtml(episode.date)}</time></div><h3 class="title">${escapeHtml(episode.title)}</h3>
<p class="description">${escapeHtml(episode.description)}</p></li>`,
    )
    .join('\n');
  return `<!DOCTYPE html><html><head><meta charset="utf-8"><title>Running in Production</title></head>
<body><main><h1>Running in Production</h1><h2>Episodes</h2><ol class="episodes">${items}</ol></main></body></html>`;
}

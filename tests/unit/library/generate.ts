// Generated saved episodes for tests and the library benchmark: realistic shapes, deterministic (seeded).
import type { Episode, TechCategory, TechMention } from '@/utils/model';
import { DEFAULT_LISTENER_FIELDS, LISTEN_STATUSES, type SavedEpisode } from '@/utils/library/record';

/** A small hand-written technology list (slug, name, category) used when no catalog is available. */
export const SAMPLE_TECH: [string, string, TechCategory][] = [
  ['ruby', 'Ruby', 'language'],
  ['python', 'Python', 'language'],
  ['go', 'Go', 'language'],
  ['elixir', 'Elixir', 'language'],
  ['typescript', 'TypeScript', 'language'],
  ['php', 'PHP', 'language'],
  ['rails', 'Ruby on Rails', 'framework'],
  ['django', 'Django', 'framework'],
  ['flask', 'Flask', 'framework'],
  ['phoenix', 'Phoenix', 'framework'],
  ['laravel', 'Laravel', 'framework'],
  ['react', 'React', 'framework'],
  ['vue', 'Vue.js', 'framework'],
  ['postgres', 'PostgreSQL', 'database'],
  ['mysql', 'MySQL', 'database'],
  ['mongodb', 'MongoDB', 'database'],
  ['sqlite', 'SQLite', 'database'],
  ['redis', 'Redis', 'cache'],
  ['memcached', 'Memcached', 'cache'],
  ['sidekiq', 'Sidekiq', 'queue'],
  ['celery', 'Celery', 'queue'],
  ['rabbitmq', 'RabbitMQ', 'queue'],
  ['aws', 'AWS', 'hosting'],
  ['heroku', 'Heroku', 'hosting'],
  ['digitalocean', 'DigitalOcean', 'hosting'],
  ['gcp', 'Google Cloud', 'hosting'],
  ['docker', 'Docker', 'container'],
  ['kubernetes', 'Kubernetes', 'container'],
  ['github-actions', 'GitHub Actions', 'ci'],
  ['circleci', 'CircleCI', 'ci'],
  ['datadog', 'Datadog', 'monitoring'],
  ['grafana', 'Grafana', 'monitoring'],
  ['sentry', 'Sentry', 'error-tracking'],
  ['rollbar', 'Rollbar', 'error-tracking'],
  ['sendgrid', 'SendGrid', 'email'],
  ['postmark', 'Postmark', 'email'],
  ['stripe', 'Stripe', 'payments'],
  ['cloudflare', 'Cloudflare', 'cdn-dns'],
  ['elasticsearch', 'Elasticsearch', 'search'],
  ['s3', 'Amazon S3', 'storage'],
  ['ubuntu', 'Ubuntu', 'os'],
  ['nginx', 'nginx', 'web-server'],
  ['terraform', 'Terraform', 'other'],
];

const WORDS = [
  'scaling',
  'deploys',
  'migrations',
  'caching',
  'background jobs',
  'monitoring',
  'costs',
  'backups',
  'zero downtime',
  'the monolith',
  'search',
  'payments',
  'onboarding',
  'testing',
  'observability',
  'the database',
];
const PODCASTS = [
  'Running in Production',
  'Software Engineering Daily',
  'The Changelog',
  'Ship It!',
  'Full Stack Radio',
];

/** Deterministic PRNG (mulberry32) so generated libraries are the same on every run. */
export function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * One scraped episode, number `n`, with ~15 chapters and ~10 technologies.
 * @example
 * makeEpisode(3, random(1))
 */
export function makeEpisode(
  n: number,
  rand = random(n + 1),
  tech: [string, string, TechCategory][] = SAMPLE_TECH,
): Episode {
  const pick = <T>(list: readonly T[]) => list[Math.floor(rand() * list.length)]!;
  const chapters = Array.from({ length: 12 + Math.floor(rand() * 7) }, (_, i) => ({
    start: i * 240 + Math.floor(rand() * 60) * (i > 0 ? 1 : 0),
    title: `${pick(WORDS)} and ${pick(WORDS)} (part ${i + 1})`,
  }));
  const mentions = new Map<string, TechMention>();
  const wanted = 8 + Math.floor(rand() * 5);
  while (mentions.size < Math.min(wanted, tech.length)) {
    const [slug, name, category] = pick(tech);
    mentions.set(slug, { slug, name, category, source: pick(['list', 'tag', 'text'] as const) });
  }
  const url = `https://runninginproduction.com/podcast/${n}-episode-${n}`;
  return {
    id: url,
    title: `Episode ${n}: ${pick(WORDS)} with ${pick(WORDS)}`,
    podcast: pick(PODCASTS),
    date: `20${String(18 + Math.floor(rand() * 8)).padStart(2, '0')}-${String(1 + Math.floor(rand() * 12)).padStart(2, '0')}-${String(1 + Math.floor(rand() * 28)).padStart(2, '0')}`,
    durationSeconds: 1800 + Math.floor(rand() * 3600),
    url,
    audioUrl: `https://cdn.example.com/audio/${n}.mp3`,
    chapters,
    chapterConfidence: 0.9,
    tech: [...mentions.values()],
  };
}

/**
 * A saved episode with listener fields filled in realistically.
 * @example
 * makeSaved(1)
 */
export function makeSaved(
  n: number,
  rand = random(n + 1),
  tech?: [string, string, TechCategory][],
): SavedEpisode {
  const episode = makeEpisode(n, rand, tech);
  const savedAt = new Date(Date.UTC(2025, 0, 1) + n * 60_000).toISOString();
  return {
    ...episode,
    ...DEFAULT_LISTENER_FIELDS,
    status: LISTEN_STATUSES[n % 3]!,
    notes: n % 4 === 0 ? `Listen again for the part about ${WORDS[n % WORDS.length]}` : '',
    tags: n % 5 === 0 ? ['work'] : [],
    savedAt,
    updatedAt: savedAt,
  };
}

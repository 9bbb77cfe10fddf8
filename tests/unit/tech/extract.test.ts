// extractTech: aliases, everyday words that need context, negation, source precedence and implied parents.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { TechMentionSchema } from '@/utils/model';
import { extractTech } from '@/utils/tech/extract';

const slugsIn = (text: string) => extractTech({ text }).map((mention) => mention.slug);
const textSlugs = (text: string) =>
  extractTech({ text })
    .filter((m) => m.source === 'text')
    .map((m) => m.slug);

describe('extractTech from prose', () => {
  it.each([
    ['We moved to PostgreSQL last year', 'postgres'],
    ['Postgres handles the queue too', 'postgres'],
    ['Built with Ruby on Rails', 'rails'],
    ["TLS certificates come from Let's Encrypt", 'lets-encrypt'],
    ['TLS certificates come from Let’s Encrypt', 'lets-encrypt'],
    ['DNS is on Route 53', 'route53'],
    ['DNS is on Route53', 'route53'],
    ['The API is written in .NET Core', 'dotnet-core'],
    ['A Node.js worker', 'node'],
    ['Errors go to Sentry.io.', 'sentry'],
    ["nginx's allow / deny feature", 'nginx'],
    ['Monitoring with New Relic', 'new-relic'],
    ['Deployed with GitHub Actions', 'github-actions'],
    ['Redis is being used as a cache through AWS ElastiCache', 'elasticache'],
    ['Heroku runs the app', 'heroku'],
  ])('%s → %s', (text, slug) => {
    expect(slugsIn(text)).toContain(slug);
  });

  it('prefers the longest name: Apache Kafka is Kafka, React Native is React Native', () => {
    expect(textSlugs('Events flow through Apache Kafka')).toEqual(['kafka']);
    expect(textSlugs('The mobile app uses React Native')).toEqual(['react-native']);
    expect(textSlugs('Phoenix LiveView renders the page')).toEqual(['phoenix-liveview']);
  });

  describe('everyday words need context', () => {
    it.each([
      ['We had to let go of that idea', 'golang', false],
      ['Go ahead and deploy it', 'golang', false],
      ['The service is written in Go', 'golang', true],
      ['Motivation for choosing Golang', 'golang', true],
      ['Rust on the old cars', 'rust', false],
      ['Rewriting the parser in Rust', 'rust', true],
      ['He lives in Phoenix, Arizona', 'phoenix', false],
      ['Phoenix channels push updates to the browser', 'phoenix', true],
      ['I want to express my thanks', 'express', false],
      ['The API is an Express.js app', 'express', true],
      ['Express handles the API on Node', 'express', true],
      ['How do you react to outages?', 'react', false],
      ['The front-end uses React', 'react', true],
      ['The swift response from support', 'swift', false],
      ['The iOS app is written in Swift', 'swift', true],
      ['Server rendered templates render quickly', 'render', false],
      ['The app is hosted on Render', 'render', true],
      ['A flask of coffee', 'flask', false],
      ['Motivation for using Flask and Python', 'flask', true],
      ['The elastic scaling of the cluster', 'elasticsearch', false],
      ['Search runs on Elasticsearch', 'elasticsearch', true],
      ['Spring cleaning of the backlog', 'spring', false],
      ['The back-end is a Spring Boot app', 'spring', true],
      ['The head Chef of the restaurant', 'chef', false],
      ['Chef cookbooks provision the servers', 'chef', true],
      ['A multi-node cluster', 'node', false],
      ['Alerts go to Slack', 'slack', true],
      ['the slack in the rope', 'slack', false],
      ['Jon Perl goes over building a service', 'perl', false],
      ['A Perl script rotates the logs', 'perl', true],
      ['Peter connects using PuTTY on Windows', 'windows', false],
      ['It runs on a few on-premises Windows servers', 'windows', true],
      ['The site is served by IIS on Windows', 'windows', true],
      ['Check out their open source work on GitHub', 'open-source', false],
      ['CircleCI has a free plan for open source projects', 'open-source', false],
      ['The whole app is open source on GitHub', 'open-source', true],
      ["It's an open source monolithic app in one repo", 'open-source', true],
    ])('%s → %s: %s', (text, slug, expected) => {
      expect(slugsIn(text).includes(slug)).toBe(expected);
    });

    it('accepts an ambiguous name listed next to a certain one', () => {
      expect(slugsIn('A combination of Rails, Phoenix and .NET Core')).toEqual(
        expect.arrayContaining(['rails', 'phoenix', 'dotnet-core']),
      );
      expect(slugsIn('Services are in Python, Go and Rust')).toEqual(
        expect.arrayContaining(['python', 'golang', 'rust']),
      );
    });

    it('accepts an ambiguous name when a related technology is named elsewhere', () => {
      expect(slugsIn('Phoenix has some opinions.\nThe team loves Elixir.')).toContain('phoenix');
    });
  });

  describe('only claims of use count', () => {
    it.each([
      [
        "Docker isn't being used in dev, but Kubernetes is being used in production",
        ['kubernetes'],
        ['docker'],
      ],
      ['Motivation for picking AWS over Google Cloud', ['aws'], ['gcp']],
      ['Motivation for choosing Flask over Pyramid and Django', ['flask'], ['pylons', 'django']],
      ['Switching from Apache to nginx during a migration', ['nginx'], ['apache']],
      ['Render is an interesting Heroku alternative that might be used next', [], ['heroku', 'render']],
      ['The site is very speedy even without Turbolinks', [], ['turbolinks']],
      ['Docker is being used to run tests but not for dev and prod', ['docker'], []],
    ])('%s', (text, present, absent) => {
      const found = slugsIn(text);
      for (const slug of present) expect(found).toContain(slug);
      for (const slug of absent) expect(found).not.toContain(slug);
    });

    it('keeps a technology that is claimed anywhere, even if negated elsewhere', () => {
      expect(slugsIn("Docker isn't used in development.\nTests are run in Docker")).toContain('docker');
    });
  });

  // Each case names the class of cue it covers; the sentences are written for these tests in the style of
  // runninginproduction.com topic lines, not copied from the corpus.
  describe('cues that say a technology is talked about, not used', () => {
    it.each([
      ['hedge: coming soon', 'Websockets for live notifications are coming soon', [], ['websockets']],
      ['hedge: probably / would have', 'Today I would probably pick Postgres', [], ['postgres']],
      ['hedge: would have', 'I would have chosen Express or Hapi', [], ['express']],
      [
        'hedge: in progress',
        "Newsletters are on Mailchimp but that's being moved to ConvertKit",
        ['mailchimp'],
        ['convertkit'],
      ],
      [
        'hedge: took a look at, spread along the list',
        'I took a look at Angular, React and Vue before writing my own',
        [],
        ['angular', 'react', 'vue'],
      ],
      [
        'hedge: nothing like',
        'Redis caches a few things (nothing like Rails level caching)',
        ['redis'],
        ['rails'],
      ],
      [
        'hedge: what about …?',
        'What about DigitalOcean Spaces? It is not stable enough',
        [],
        ['digitalocean-spaces'],
      ],
      ['yes/no question', 'Should you go Serverless or stick with a traditional app?', [], ['serverless']],
      [
        'yes/no question after "but"',
        'Stripe handles payments but have customers ever asked for PayPal support?',
        ['stripe'],
        ['paypal'],
      ],
      [
        'comparison past a filler word',
        'Serverless is easier to set up than an entire Kubernetes cluster',
        ['serverless'],
        ['kubernetes'],
      ],
      [
        'comparison: compares to, along a list',
        'How SQS compares to Sidekiq, Resque or DelayedJob',
        ['sqs'],
        ['sidekiq', 'resque', 'delayed-job'],
      ],
      [
        'a model, not a part: inspiration',
        'Chris took a lot of inspiration from Laravel for billing',
        [],
        ['laravel', 'php'],
      ],
      [
        'a model, not a part: inspired by',
        'Inspired by Laravel, Chris wrote a Rails engine',
        ['rails'],
        ['laravel'],
      ],
      [
        'left out on purpose: skipped',
        'She backs up to S3, skipped Kubernetes and pays with Stripe',
        ['s3', 'stripe'],
        ['kubernetes'],
      ],
      [
        'left out on purpose: decided against',
        'They decided against Kubernetes and run Docker Compose',
        ['docker-compose'],
        ['kubernetes'],
      ],
      [
        'left out on purpose: avoided',
        'They avoided Docker in development; the servers run Ubuntu',
        ['ubuntu'],
        ['docker'],
      ],
      [
        'an imitation: X compatible',
        'Backups go to DO Spaces (S3 compatible object storage)',
        ['digitalocean-spaces'],
        ['s3', 'aws'],
      ],
      ['an imitation: X-like', 'Block storage volumes and Spaces (S3-like object store)', [], ['s3']],
      [
        'a reference: X guides',
        'The server was set up by following a bunch of DigitalOcean guides',
        [],
        ['digitalocean'],
      ],
      [
        'the rejected one stays rejected in its sentence',
        'Swarm was chosen over Kubernetes because Kubernetes was overkill',
        ['swarm'],
        ['kubernetes'],
      ],
      [
        'a bare list subject shares the negation',
        "Websockets and Action Cable aren't used in this app",
        [],
        ['websockets'],
      ],
      [
        'an aside in parentheses shares its clause',
        "You don't need a NoSQL (Mongo, Elastic, whatever) cluster on day one",
        [],
        ['mongodb', 'elasticsearch'],
      ],
      ['hedge: likely', 'The back-end will likely move to Kubernetes', [], ['kubernetes']],
      ['hedge: earlier', 'We were using Mailchimp earlier, but it got too pricey', [], ['mailchimp']],
      ['a past habit: used to', 'The front-end used to be written in Elm', [], ['elm']],
      [
        'a past habit: used to do',
        "DigitalOcean's load balancer replaces what nginx used to do",
        ['digitalocean'],
        ['nginx'],
      ],
      [
        'the speaker’s career',
        "I'm a developer working at Vincit, mainly with Python and JavaScript projects",
        [],
        ['python', 'javascript'],
      ],
      [
        'the speaker’s career: started as',
        'I started as a C++ developer and moved on to Scala',
        [],
        ['cpp', 'scala'],
      ],
      [
        'a choice question',
        'Server side templates and a bit of JavaScript or an API back-end with lots of JS?',
        [],
        ['javascript'],
      ],
      ['hedge: original', 'The original server ran Arch Linux', [], ['arch-linux']],
      [
        'given up: drop',
        'So I made a choice to drop Elm in a refactor and write JS',
        ['javascript'],
        ['elm'],
      ],
      ['the thing being rewritten', 'Rebuilding an old PHP app with Django', ['django'], ['php']],
      ['the thing being converted', 'Converting an older PHP app into Django', ['django'], ['php']],
    ])('%s: %s', (_cue, text, present, absent) => {
      const found = slugsIn(text);
      for (const slug of present) expect(found).toContain(slug);
      for (const slug of absent) expect(found).not.toContain(slug);
    });
  });

  describe('cues that look like doubt but are not', () => {
    it.each([
      [
        'a contrast that turns a negation around',
        "Docker isn't being used in dev, but it is in production",
        ['docker'],
      ],
      ["…also with it's", "Docker isn't used for development, but it's part of the CI pipeline", ['docker']],
      ['with or without', 'You can spin things up locally with or without Docker', ['docker']],
      [
        'a feature of the technology is compared, not the technology',
        "Using Elasticsearch over PostgreSQL's full text search",
        ['elasticsearch', 'postgres'],
      ],
      ['"over" in another sense', 'DNS fail over using Route 53', ['route53']],
      ['a negation only on what follows the joint', 'PostgreSQL and no ORM', ['postgres']],
      ['the passive "used to"', 'Sidekiq is used to move encrypted data between servers', ['sidekiq']],
      ['"working at" a moment, not an employer', 'Turbolinks is working at the moment', ['turbolinks']],
      ['an aside after a claim', 'Search is handled by a managed cluster (Elasticsearch)', ['elasticsearch']],
      ['a question that asks what is used', 'What exactly is Akka and the actor model?', ['akka']],
      [
        'rewriting with a technology, not rewriting it',
        'Rewriting the app in Django and Python',
        ['django', 'python'],
      ],
    ])('%s: %s', (_cue, text, present) => {
      const found = slugsIn(text);
      for (const slug of present) expect(found).toContain(slug);
    });

    it('keeps the negation when the contrast is a new description', () => {
      expect(slugsIn("BigQuery does not work with Ecto, but it's a simple set up")).not.toContain('ecto');
    });
  });

  describe('migrations: the source is left behind, data flows keep both', () => {
    // runninginproduction's tags follow the current stack: a post about "switching from PostgreSQL back to SQLite"
    // is tagged sqlite, one about "moving from Timber to Logflare" logflare.
    it.each([
      ['Moving from Redis to PostgreSQL for background jobs', ['postgres'], ['redis']],
      ['Sessions moved from Redis to PostgreSQL', ['postgres'], ['redis']],
      ['From Notion to Linear to using GitHub to manage the project', [], ['notion']],
      ['Going from PHP to Scala to Node and back to Scala', ['scala'], ['php', 'node']],
      ['Motivation for choosing Flask and backing out from using Go', ['flask'], ['golang']],
      ["Switching from Heroku's scheduler to Sidekiq", ['heroku', 'sidekiq'], []],
      ['Moving data from Redis to PostgreSQL every night', ['redis', 'postgres'], []],
      ['Copying data from Postgres to BigQuery', ['postgres', 'bigquery'], []],
      ['Events stream from Redis to PostgreSQL', ['redis', 'postgres'], []],
    ])('%s', (text, present, absent) => {
      const found = slugsIn(text);
      for (const slug of present) expect(found).toContain(slug);
      for (const slug of absent) expect(found).not.toContain(slug);
    });
  });
});

describe('extractTech sources', () => {
  it('reports one entry per slug, the strongest source winning, in discovery order', () => {
    const mentions = extractTech({
      listed: ['rails →', 'https://www.postgresql.org/'],
      tags: ['#redis', '/tags/rails'],
      links: ['https://runninginproduction.com/tags/docker', 'https://www.elastic.co/what-is/elk-stack'],
      text: 'Rails talks to Redis and Sidekiq',
    });
    expect(mentions.map((m) => `${m.slug}:${m.source}`)).toEqual([
      'rails:list',
      'postgres:list',
      'redis:tag',
      'docker:tag',
      'elasticsearch:text',
      'sidekiq:text',
    ]);
    for (const mention of mentions) expect(() => TechMentionSchema.parse(mention)).not.toThrow();
  });

  it('marks parents as implied when the stack comes from prose alone', () => {
    expect(extractTech({ text: 'Built with Django on AWS RDS' }).map((m) => `${m.slug}:${m.source}`)).toEqual(
      ['django:text', 'rds:text', 'python:implied', 'aws:implied'],
    );
    expect(extractTech({ text: 'Phoenix LiveView' }).map((m) => `${m.slug}:${m.source}`)).toEqual([
      'phoenix-liveview:text',
      'phoenix:implied',
      'elixir:implied',
    ]);
    expect(extractTech({ text: 'Laravel app' }).map((m) => m.slug)).toEqual(['laravel', 'php']);
  });

  it('takes an explicit list as complete: no implied parents, list reproduced exactly', () => {
    const tags = ['django', 'rds', 's3', 'ecs'];
    expect(extractTech({ listed: tags }).map((m) => m.slug)).toEqual(tags);
    expect(
      extractTech({ links: tags.map((tag) => `/tags/${tag}`) }).map((m) => `${m.slug}:${m.source}`),
    ).toEqual(tags.map((tag) => `${tag}:tag`));
  });

  it('ignores unknown list items and empty input', () => {
    expect(
      extractTech({
        listed: ['not-a-tech →', ''],
        tags: ['#1', '#'],
        links: ['javascript:alert(1)', 'nonsense'],
      }),
    ).toEqual([]);
    expect(extractTech({})).toEqual([]);
  });

  it('never throws and returns unique, schema-valid mentions for any input', () => {
    fc.assert(
      fc.property(
        fc.record({
          text: fc.option(fc.string({ maxLength: 400 }), { nil: undefined }),
          listed: fc.option(fc.array(fc.string({ maxLength: 30 }), { maxLength: 5 }), { nil: undefined }),
          tags: fc.option(fc.array(fc.string({ maxLength: 30 }), { maxLength: 5 }), { nil: undefined }),
          links: fc.option(fc.array(fc.oneof(fc.webUrl(), fc.string({ maxLength: 40 })), { maxLength: 5 }), {
            nil: undefined,
          }),
        }),
        (input) => {
          const mentions = extractTech(input);
          expect(new Set(mentions.map((m) => m.slug)).size).toBe(mentions.length);
          for (const mention of mentions) TechMentionSchema.parse(mention);
        },
      ),
      { numRuns: 300 },
    );
  });
});

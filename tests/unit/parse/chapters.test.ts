// The chapter formats real show notes use, one small case each (issue 2, "Chapters from show notes").
import { describe, expect, it } from 'vitest';
import { parseChapters } from '@/utils/parse/chapters';

const INTRO_STACK_DEPLOYS = [
  { start: 0, title: 'Intro' },
  { start: 330, title: 'Stack' },
  { start: 720, title: 'Deploys' },
];

const simple = (text: string, durationSeconds?: number) =>
  parseChapters(text, { durationSeconds }).chapters.map((c) => ({ start: c.start, title: c.title }));

describe('one topic a line', () => {
  it.each([
    ['en dash', '0:00 – Intro\n5:30 – Stack\n12:00 – Deploys'],
    ['em dash', '0:00 — Intro\n5:30 — Stack\n12:00 — Deploys'],
    ['hyphen', '0:00 - Intro\n5:30 - Stack\n12:00 - Deploys'],
    ['double hyphen', '- 0:00 -- Intro\n- 5:30 -- Stack\n- 12:00 -- Deploys'],
    ['pipe and numbering', '1. 0:00 | Intro\n2. 5:30 | Stack\n3. 12:00 | Deploys'],
    ['colon', '00:00: Intro\n05:30: Stack\n12:00: Deploys'],
    ['no separator', '0:00 Intro\n5:30 Stack\n12:00 Deploys'],
    ['bullets and brackets', '• [00:00] Intro\n• [05:30] Stack\n• [12:00] Deploys'],
    ['parentheses', '(0:00) Intro\n(5:30) Stack\n(12:00) Deploys'],
    ['hh:mm:ss', '00:00:00 Intro\n00:05:30 Stack\n00:12:00 Deploys'],
    ['title before the time', 'Intro - 0:00\nStack - 5:30\nDeploys - 12:00'],
    ['title before a bracketed time', 'Intro (0:00)\nStack (5:30)\nDeploys (12:00)'],
    ['ranges', '0:00-5:30 Intro\n5:30-12:00 Stack\n12:00-20:00 Deploys'],
    ['ranges with spaces', '0:00 - 5:30 – Intro\n5:30 - 12:00 – Stack\n12:00 - 20:00 – Deploys'],
  ])('%s', (_name, text) => {
    expect(simple(text)).toEqual(INTRO_STACK_DEPLOYS);
  });

  it('takes the end of the last range as its end when the duration is unknown', () => {
    expect(parseChapters('0:00-5:30 Intro\n5:30-12:00 Stack\n12:00-20:00 Deploys').chapters[2]).toEqual({
      start: 720,
      end: 1200,
      title: 'Deploys',
    });
  });

  it('ends the last chapter at the duration when known', () => {
    expect(
      parseChapters('0:00 Intro\n5:30 Stack\n12:00 Deploys', { durationSeconds: 1500 }).chapters[2],
    ).toEqual({ start: 720, end: 1500, title: 'Deploys' });
  });

  it('does not require a first chapter at 0:00', () => {
    expect(simple('2:41 – Users\n3:27 – Rails\n5:38 – Auth').map((c) => c.start)).toEqual([161, 207, 338]);
  });

  it('keeps two topics at one second as one chapter naming both', () => {
    expect(simple('58:00 – A\n59:20 – B\n59:20 – C\n1:04:16 – D')).toEqual([
      { start: 3480, title: 'A' },
      { start: 3560, title: 'B; C' },
      { start: 3856, title: 'D' },
    ]);
  });
});

describe('runs without line breaks', () => {
  it('an inline paragraph (seed 000)', () => {
    expect(
      simple(
        'In this episode … Topics Include 1:45 – Overview 7:01 – Splitting up compute 8:44 – Why Go Links 📄 References https://x.example/',
      ),
    ).toEqual([
      { start: 105, title: 'Overview' },
      { start: 421, title: 'Splitting up compute' },
      { start: 524, title: 'Why Go' },
    ]);
  });

  it('glued text where a directory stripped the breaks (podcasts.apple.com)', () => {
    expect(simple('Timestamps:00:00 From A to B06:18 Next topic14:03 Third')).toEqual([
      { start: 0, title: 'From A to B' },
      { start: 378, title: 'Next topic' },
      { start: 843, title: 'Third' },
    ]);
  });

  it('glued text where titles end in digits: the ascending sequence picks the split', () => {
    expect(
      simple(
        '30:00 – Intro31:15 – Ubuntu 16.04 and 18.0432:04 – Upgrading to 20.0433:50 – A load balancer on S31:04:16 – Logging1:10:00 – Tips',
      ),
    ).toEqual([
      { start: 1800, title: 'Intro' },
      { start: 1875, title: 'Ubuntu 16.04 and 18.04' },
      { start: 1924, title: 'Upgrading to 20.04' },
      { start: 2030, title: 'A load balancer on S3' },
      { start: 3856, title: 'Logging' },
      { start: 4200, title: 'Tips' },
    ]);
  });

  // podcasts.apple.com leaves nothing between a title and the next time, so a title's last word lands on it:
  // words that mark verses, scores, metadata or URLs elsewhere are list items here, because the times ascend.
  it.each([
    [
      'a book of the Bible',
      'Timestamps:00:00 Built by Mark4:12 Why Elixir09:30 Deploys',
      [0, 252, 570],
      'Built by Mark',
    ],
    [
      'a scripture abbreviation',
      'Timestamps:00:00 Intro10:00 Backups on a cron job31:38 Celery tasks40:00 Tips',
      [0, 600, 1898, 2400],
      'Backups on a cron job',
    ],
    [
      'a score word',
      'Timestamps:00:00 Intro30:00 Multi-cloud lost and RDS won38:50 Kubernetes on AWS45:00 Tips',
      [0, 1800, 2330, 2700],
      'Multi-cloud lost and RDS won',
    ],
    [
      'a metadata word',
      'Timestamps:00:00 Intro10:00 The specs are publicly posted15:09 Tailwind CSS20:00 Tips',
      [0, 600, 909, 1200],
      'The specs are publicly posted',
    ],
    [
      'a sentence ending in a point',
      'Timestamps:00:00 Intro20:00 Templates, Ansible, etc.25:42 Scaling30:00 Tips',
      [0, 1200, 1542, 1800],
      'Templates, Ansible, etc.',
    ],
    [
      'a URL path, last item',
      'Timestamps:00:00 Intro40:00 Find him at https://example.com/47:52 Check out his book',
      [0, 2400, 2872],
      'Find him at https://example.com/',
    ],
  ])('Apple-style glued text with %s before a time', (_name, text, starts, title) => {
    const chapters = simple(text);
    expect(chapters.map((c) => c.start)).toEqual(starts);
    expect(chapters.map((c) => c.title)).toContain(title);
  });

  it('Apple-style glued titles ending in digits: the ascending sequence picks `Rails 6` + `4:12` or `Rails` + `64:12`', () => {
    expect(simple('Timestamps:00:00 Intro02:10 Upgrading to Rails 64:12 Testing09:00 Outro')).toEqual([
      { start: 0, title: 'Intro' },
      { start: 130, title: 'Upgrading to Rails 6' },
      { start: 252, title: 'Testing' },
      { start: 540, title: 'Outro' },
    ]);
    expect(simple('Timestamps:50:00 Intro55:10 Leaving Rails64:12 Testing70:00 Outro')).toEqual([
      { start: 3000, title: 'Intro' },
      { start: 3310, title: 'Leaving Rails' },
      { start: 3852, title: 'Testing' },
      { start: 4200, title: 'Outro' },
    ]);
  });

  it('Spotify’s flattened description with double spaces', () => {
    expect(
      simple('Show Notes  3:06 - How were they done before?  5:11 - How do they work?  9:40 - Risks'),
    ).toEqual([
      { start: 186, title: 'How were they done before?' },
      { start: 311, title: 'How do they work?' },
      { start: 580, title: 'Risks' },
    ]);
  });
});

describe('broken titles and typos (runninginproduction.com captures)', () => {
  it('joins a title broken at inline code, and splits the next item glued on after " - " (seed 003)', () => {
    const text =
      '- 49:25 – Thinking that all users are out to get you\n- 50:18 –\nPlug.Upload\ngoes straight to S3 to handle file uploads - 51:31 – Best tips? Profile and load test\n- 52:35 – Use Lambda early\nLinks';
    expect(simple(text)).toEqual([
      { start: 2965, title: 'Thinking that all users are out to get you' },
      { start: 3018, title: 'Plug.Upload goes straight to S3 to handle file uploads' },
      { start: 3091, title: 'Best tips? Profile and load test' },
      { start: 3155, title: 'Use Lambda early' },
    ]);
  });

  it('reads `1:04-22` between `1:01:30` and `1:07:02` as 1:04:22', () => {
    expect(
      simple('- 1:01:30 -- Alerts\n- 1:04-22 -- Various alarms\n- 1:07:02 -- Backups').map((c) => c.start),
    ).toEqual([3690, 3862, 4022]);
  });

  it('reads `1:04` as itself where it fits the sequence', () => {
    expect(simple('0:30 – A\n1:04 – B\n2:00 – C').map((c) => c.start)).toEqual([30, 64, 120]);
  });
});

describe('confidence', () => {
  it('grows with how list-like the times are', () => {
    const two = parseChapters('0:00 – Intro\n5:30 – Stack').confidence;
    const five = parseChapters(
      '0:00 – Intro\n5:30 – Stack\n12:00 – Deploys\n20:00 – Costs\n31:00 – Tips',
    ).confidence;
    expect(two).toBeGreaterThan(0);
    expect(five).toBeGreaterThan(two);
    expect(five).toBeLessThanOrEqual(1);
  });
});

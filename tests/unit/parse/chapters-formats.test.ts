// The families of chapter lists real show notes use, each in fixtures of our own: bullets, runs, Markdown, links,
// stamps at the end or alone, headings, tables, glued text, any script, frames, hours, typos, cut-off blurbs.
import { describe, expect, it } from 'vitest';
import { parseChapters, renderNotes } from '@/utils/parse/chapters';
import { documentFrom } from '../sites/dom';

const simple = (input: string | Node, durationSeconds?: number) =>
  parseChapters(input, { durationSeconds }).chapters.map(({ start, title }) => ({ start, title }));
const fromHtml = (html: string, url = 'https://podcast.example/episodes/42') => {
  const doc = documentFrom(
    `<!DOCTYPE html><html><head><base href="${url}"></head><body><article>${html}</article></body></html>`,
  );
  return simple(doc.querySelector('article')!);
};

const THREE = [
  { start: 0, title: 'Intro' },
  { start: 195, title: 'Tooling' },
  { start: 590, title: 'Testing' },
];

describe('bullets of any kind', () => {
  it.each([
    ['▶', '▶ 00:00 Intro\n▶ 03:15 Tooling\n▶ 09:50 Testing'],
    ['•', '• 0:00 Intro\n• 3:15 Tooling\n• 9:50 Testing'],
    ['→', '→ 0:00 Intro\n→ 3:15 Tooling\n→ 9:50 Testing'],
    ['an emoji', '🎙️ 0:00 Intro\n🛠 3:15 Tooling\n✅ 9:50 Testing'],
    ['a number', '1. 0:00 Intro\n2. 3:15 Tooling\n3. 9:50 Testing'],
    ['a heading', '#### 0:00 Intro\n#### 3:15 Tooling\n#### 9:50 Testing'],
    ['an arrow after the time', '0:00 → Intro\n3:15 → Tooling\n9:50 → Testing'],
  ])('%s', (_name, text) => {
    expect(simple(text)).toEqual(THREE);
  });
});

describe('runs in one line', () => {
  it('comma-separated after a label', () => {
    expect(simple('Chapters: 0:00 Intro, 3:15 Tooling, 9:50 Testing')).toEqual(THREE);
  });

  it('semicolon-separated, bracketed', () => {
    expect(simple('(0:00) Intro; (3:15) Tooling; (9:50) Testing')).toEqual(THREE);
  });
});

describe('Markdown and links', () => {
  it('Markdown link stamps with emphasis, as text', () => {
    const text =
      '* **[00:28](#t=00:28)** Welcome\n* **[02:10](#t=02:10)** The [Temporal API](https://tc39.es/proposal-temporal/)\n* **[14:45](#t=14:45)** `<dialog>` in every browser';
    expect(simple(text)).toEqual([
      { start: 28, title: 'Welcome' },
      { start: 130, title: 'The Temporal API' },
      { start: 885, title: '<dialog> in every browser' },
    ]);
  });

  it('at-sign stamps in brackets', () => {
    expect(simple('[@0:00] Intro\n[@3:15] Tooling\n[@9:50] Testing')).toEqual(THREE);
  });

  it('Transistor-style links whose fragment carries the time, parenthesised', () => {
    const html =
      '<ul><li>(<a href="#t=0m0s">00:00</a>) - Intro</li><li>(<a href="#t=3m15s">03:15</a>) - Tooling</li><li>(<a href="#t=9m50s">09:50</a>) - Testing</li></ul>';
    expect(fromHtml(html)).toEqual(THREE);
  });

  it('links to the same page with ?t= seconds, the link text a title', () => {
    const html =
      '<p><a href="?t=0">Intro</a><br><a href="?t=195">Tooling</a><br><a href="?t=590">Testing</a></p>';
    expect(fromHtml(html)).toEqual(THREE);
  });

  it('one paragraph with <br> between the stamps (a WordPress post)', () => {
    expect(
      fromHtml(
        '<p>In this episode:<br>00:00 Intro<br>03:15 Tooling<br>09:50 Testing</p><p>Thanks to our sponsor.</p>',
      ),
    ).toEqual(THREE);
  });
});

describe('where the stamp stands', () => {
  it('at the end of the line, in emphasis, with a full stop (common on non-English shows)', () => {
    expect(simple('Intro - *00:00:00*.\nTooling - *00:03:15*.\nTesting - *00:09:50*.')).toEqual(THREE);
  });

  it('alone on its line, the title on the next line', () => {
    expect(simple('00:00\nIntro\n\n03:15\nTooling\n\n09:50\nTesting')).toEqual(THREE);
  });

  it('alone on its line, the topic as a bullet under it', () => {
    expect(simple('00:00\n\n* Intro\n\n03:15\n\n* Tooling\n* more on it\n\n09:50\n\n* Testing')).toEqual(
      THREE,
    );
  });

  it('in headings of a page', () => {
    expect(
      fromHtml(
        '<h2>0:00 Intro</h2><p>Hello.</p><h2>3:15 Tooling</h2><p>Vite.</p><h2>9:50 Testing</h2><p>Vitest.</p>',
      ),
    ).toEqual(THREE);
  });

  it('in Markdown headings', () => {
    expect(simple('## 0:00 Intro\nHello.\n## 3:15 Tooling\nVite.\n## 9:50 Testing\nVitest.')).toEqual(THREE);
  });
});

describe('tables', () => {
  it('a numbered table whose last column is each chapter’s length, not a start', () => {
    const text = '1 00:00 Intro 03:15\n2 03:15 Tooling 06:35\n3 09:50 Testing 12:10';
    expect(simple(text)).toEqual(THREE);
  });

  it('the same table as Markdown', () => {
    const text =
      '| # | Start | Topic | Length |\n|---|---|---|---|\n| 1 | 00:00 | Intro | 03:15 |\n| 2 | 03:15 | Tooling | 06:35 |\n| 3 | 09:50 | Testing | 12:10 |';
    expect(simple(text)).toEqual(THREE);
  });
});

describe('glued text', () => {
  it('a link glued before the first stamp keeps the 0:00 chapter', () => {
    const text =
      'Read more at https://example.org/Timestamps:00:00 From Physics to Product06:18 Shipping a compiler14:03 Questions';
    expect(simple(text)).toEqual([
      { start: 0, title: 'From Physics to Product' },
      { start: 378, title: 'Shipping a compiler' },
      { start: 843, title: 'Questions' },
    ]);
  });

  it('a version glued on before a time', () => {
    const text =
      'Timestamps:00:00:00 Intro00:12:30 Tailwind CSS v400:36:22 Using Lightning CSS00:50:00 Outro';
    expect(simple(text).map((c) => c.start)).toEqual([0, 750, 2182, 3000]);
    expect(simple(text)[1]!.title).toBe('Tailwind CSS v4');
  });
});

describe('glued text, continued', () => {
  it('a price at the end of a glued title', () => {
    expect(
      simple(
        'Timestamps:3:59 Our experiences10:02 School - $$$23:10 Bootcamp - $$37:09 Self-Taught - $47:11 Outro',
      ).map((c) => c.start),
    ).toEqual([239, 602, 1390, 2229, 2831]);
  });

  it('a sentence ending in a number before a zero-padded time', () => {
    expect(
      simple(
        'Timestamps:00:00 Welcome01:45 The stages04:04 Promise.try - Stage 3.05:39 Math.sumPrecise - Stage 2.7.07:28 Floats',
      ).map((c) => c.start),
    ).toEqual([0, 105, 244, 339, 448]);
  });

  it('frame timecodes glued to their titles', () => {
    const text =
      'Timestamps:00:26:11 Welcome00:59:07 Sponsor01:39:17 Web Streams13:07:11 Jargon18:06:11 FileReader27:23:00 Writable';
    expect(simple(text).map((c) => c.start)).toEqual([26, 59, 99, 787, 1086, 1643]);
  });

  it('a price alone in prose is no time', () => {
    expect(simple('It costs $10:30 a month, or so they said, and then 12:00 passed.')).toEqual([]);
  });
});

describe('any script', () => {
  it('Cyrillic titles', () => {
    expect(simple('00:00 Вступление\n03:15 Инструменты\n09:50 Тестирование').map((c) => c.title)).toEqual([
      'Вступление',
      'Инструменты',
      'Тестирование',
    ]);
  });

  it('Japanese titles glued to the stamps', () => {
    expect(simple('00:00オープニング\n03:15ツールの話\n09:50テストについて').map((c) => c.title)).toEqual([
      'オープニング',
      'ツールの話',
      'テストについて',
    ]);
  });

  it('Spanish titles with the stamp last', () => {
    expect(
      simple('Introducción - 00:00:00\nHerramientas - 00:03:15\nPruebas - 00:09:50').map((c) => c.title),
    ).toEqual(['Introducción', 'Herramientas', 'Pruebas']);
  });
});

describe('reading the numbers', () => {
  it('three-part stamps that cannot be hours are minutes:seconds:frames, for the whole list', () => {
    const text =
      '00:16:18 Topic introduction\n01:03:00 House updates\n04:13:22 TypeScript\n20:03:12 Optional chaining\n31:40:05 Wrap up';
    expect(simple(text).map((c) => c.start)).toEqual([16, 63, 253, 1203, 1900]);
  });

  it('hours past ten are hours when a stamp ends at :30 or later (no frame count goes that high)', () => {
    const text = Array.from({ length: 30 }, (_, k) => `${k}:00:${k % 2 ? '45' : '00'} Part ${k}`).join('\n');
    expect(simple(text).map((c) => c.start)).toEqual(
      Array.from({ length: 30 }, (_, k) => k * 3600 + (k % 2 ? 45 : 0)),
    );
  });

  it('three-part stamps that can all be hours stay hours', () => {
    expect(simple('00:00:00 Intro\n00:15:20 Middle\n01:02:03 End').map((c) => c.start)).toEqual([
      0, 920, 3723,
    ]);
  });

  it('h:mm, not m:ss, when the episode’s length says so', () => {
    expect(simple('0:00 Intro\n0:25 The build\n0:58 Testing\n1:30 Q&A', 6000).map((c) => c.start)).toEqual([
      0, 1500, 3480, 5400,
    ]);
    expect(simple('0:00 Intro\n0:25 The build\n0:58 Testing\n1:30 Q&A', 120).map((c) => c.start)).toEqual([
      0, 25, 58, 90,
    ]);
  });

  it('a stamp going backwards once is a typo in the list, not a second list', () => {
    const text = '00:10 Welcome\n12:00 Servers\n31:40 Databases\n55:16 Sick Picks\n00:16 Shameless Plugs';
    expect(simple(text).map((c) => c.title)).toEqual([
      'Welcome',
      'Shameless Plugs',
      'Servers',
      'Databases',
      'Sick Picks',
    ]);
  });

  it('an outline: the top level are the chapters', () => {
    const text =
      '* 00:00 Welcome\n* 05:56 The year\n    * 06:07 React\n    * 06:36 Solid\n* 22:17 What we did\n    * 22:21 Conferences\n* 40:00 Outro';
    expect(simple(text).map((c) => c.start)).toEqual([0, 356, 1337, 2400]);
  });
});

describe('cut short', () => {
  it('a directory blurb cut off mid-title drops that chapter', () => {
    expect(simple('Chapters: 0:00 Intro 3:15 Tooling 9:50 Testing 14:20 Deploying to Kuber…')).toEqual(THREE);
    expect(simple('Chapters: 0:00 Intro 3:15 Tooling 9:50 Testing 14:20 Depl...')).toEqual(THREE);
  });

  it('a title that ends in an ellipsis inside the notes stays', () => {
    expect(
      simple('0:00 Intro\n3:15 And then…\n9:50 Testing\nThanks for listening!').map((c) => c.title),
    ).toEqual(['Intro', 'And then…', 'Testing']);
  });
});

describe('transcripts are not chapters', () => {
  const contents =
    'Sections\n[00:00:00] Introduction\n[00:05:20] Moving to Rust\n[00:21:39] Testing it\n[00:40:55] Tooltips\n';
  const turns = (style: (seconds: number, speaker: string, words: string) => string) =>
    Array.from({ length: 60 }, (_, k) =>
      style(
        10 + k * 45,
        k % 2 === 0 ? 'Andrew' : 'Justin',
        `we talked about part ${k} of the rewrite and what it meant for the team at the time`,
      ),
    ).join('\n\n');
  const clock = (seconds: number) =>
    `${String(Math.floor(seconds / 3600)).padStart(2, '0')}:${String(Math.floor((seconds % 3600) / 60)).padStart(2, '0')}:${String(seconds % 60).padStart(2, '0')}`;
  const want = [0, 320, 1299, 2455];

  it.each([
    ['[stamp] **Speaker:**', (s: number, who: string, words: string) => `[${clock(s)}] **${who}:** ${words}`],
    ['(stamp) Speaker:', (s: number, who: string, words: string) => `(${clock(s)}) ${who}: ${words}`],
    ['**Speaker:** [stamp]', (s: number, who: string, words: string) => `**${who}:** [${clock(s)}] ${words}`],
    [
      'Speaker  stamp, the words on the next line',
      (s: number, who: string, words: string) => `${who}  ${clock(s).slice(3)}\n${words}`,
    ],
    [
      'a stamp before each paragraph of speech',
      (s: number, _who: string, words: string) => `${clock(s)} ${words}, ${words}, and ${words}.`,
    ],
  ])('a contents list beside a transcript: %s', (_name, style) => {
    expect(simple(`${contents}\nTranscript\n\n${turns(style)}`).map((c) => c.start)).toEqual(want);
    // The transcript first, the contents after it.
    expect(simple(`${turns(style)}\n\n${contents}`).map((c) => c.start)).toEqual(want);
  });

  it('a transcript with its own stamped headings beside the contents list', () => {
    const transcript = [0, 320, 1299, 2455]
      .map(
        (heading, h) =>
          `#### [${clock(heading)}] Part ${h}\n\n${turns((s, who, words) => `[${clock(s + heading)}] **${who}:** ${words}`).slice(0, 1200)}`,
      )
      .join('\n\n');
    expect(simple(`${contents}\n${transcript}`).map((c) => c.start)).toEqual(want);
  });

  it('a transcript alone gives no chapter list', () => {
    expect(simple(turns((s, who, words) => `[${clock(s)}] **${who}:** ${words}`))).toEqual([]);
    expect(simple(turns((s, who, words) => `${who}  ${clock(s).slice(3)}\n${words}`))).toEqual([]);
  });

  it('a Q&A list whose topics all start "Question:" is still a list', () => {
    const text = Array.from(
      { length: 10 },
      (_, k) => `${k * 5}:00 - Question: how would you handle case ${k} in production?`,
    ).join('\n');
    expect(simple(text)).toHaveLength(10);
  });

  it('a rendered page: contents list, then a transcript in paragraphs', () => {
    const html = `<h2>Sections</h2><ul><li>[00:00:00] Introduction</li><li>[00:05:20] Moving to Rust</li><li>[00:21:39] Testing it</li><li>[00:40:55] Tooltips</li></ul><h2>Transcript</h2>${Array.from({ length: 40 }, (_, k) => `<p>[${clock(10 + k * 30)}] <strong>${k % 2 ? 'Justin' : 'Andrew'}:</strong> words of the conversation, turn ${k}.</p>`).join('')}`;
    expect(fromHtml(html).map((c) => c.start)).toEqual(want);
    // In place, the transcript's stamps are still there to be made clickable.
    const page = documentFrom(`<!DOCTYPE html><html><body>${html}</body></html>`);
    expect(renderNotes(page.body).text).toContain('[00:00:10] Andrew: words');
  });
});

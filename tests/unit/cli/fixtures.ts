// Pages written for the CLI tests. They imitate runninginproduction.com's episode page markup
// (https://runninginproduction.com/podcast/<n>-<slug>, structure as seen 2026 and in ../shared/DESIGN.md);
// the text is invented for these tests.

export const EPISODE_URL = 'https://runninginproduction.com/podcast/42-shipping-a-go-api';

export const RIP_EPISODE_HTML = `<!DOCTYPE html>
<html lang="en">
<head>
  <meta charset="utf-8">
  <title>Shipping a Go API &amp; a Rails Admin | Running in Production</title>
  <link rel="canonical" href="${EPISODE_URL}">
  <meta property="og:audio" content="https://runninginproduction.com/audio/42.mp3">
</head>
<body>
<main>
  <div id="podcast_or_interview">
    <h1>Shipping a Go API &amp; a Rails Admin</h1>
    <div class="js-audio-player">
      <audio class="js-audio" preload="none"><source src="/audio/42.mp3" type="audio/mpeg"></audio>
      <span class="js-time">0:00 / 52:20</span>
    </div>
    <p>In this episode, Pat talks about running a Go API next to a Rails admin on AWS with PostgreSQL.</p>
    <h2 id="topics-include">Topics Include</h2>
    <ul>
      <li><a href="#" data-audio-seek="105" class="audio-seek">1:45</a> – High level overview of the app</li>
      <li><a href="#" data-audio-seek="421" class="audio-seek">7:01</a> – Splitting up compute &amp; <code>&lt;workers&gt;</code></li>
      <li><a href="#" data-audio-seek="524" class="audio-seek">8:44</a> – Why Go?</li>
      <li><a href="#" data-audio-seek="1830" class="audio-seek">30:30</a> – Deploying with Docker --&gt; ECS</li>
    </ul>
    <h6>⚙️ Tech Stack</h6>
    <ul class="list-unstyled">
      <li><a href="https://www.docker.com/">docker →</a></li>
      <li><a href="https://www.postgresql.org/">postgres →</a></li>
    </ul>
    <ul class="list-inline">
      <li class="list-inline-item"><a class="badge" href="/tags/golang">#golang</a></li>
      <li class="list-inline-item"><a class="badge" href="/tags/rails">#rails</a></li>
    </ul>
  </div>
</main>
</body>
</html>
`;

export const EXPECTED_CHAPTERS = [
  { start: 105, title: 'High level overview of the app' },
  { start: 421, title: 'Splitting up compute & <workers>' },
  { start: 524, title: 'Why Go?' },
  { start: 1830, title: 'Deploying with Docker --> ECS' },
];

/** A page with no episode and no timestamps at all. */
export const PLAIN_HTML =
  '<!DOCTYPE html><html><head><title>About</title></head><body><p>We write software.</p></body></html>';
